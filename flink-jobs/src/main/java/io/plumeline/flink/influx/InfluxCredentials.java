package io.plumeline.flink.influx;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The InfluxDB user and where its password comes from: a file ({@code --influx-password-file}) or the
 * environment variable {@value #PASSWORD_ENV}, never the command line (anyone on the machine can read that).
 * Only the file's path travels with the job, not the password; it is read where the sink runs, and read again
 * when InfluxDB refuses the credentials, so that a corrected file lets the job go on without a restart.
 */
public final class InfluxCredentials implements Serializable {

    public static final String PASSWORD_ENV = "PLUMELINE_INFLUX_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(InfluxCredentials.class);

    private final String user;
    private final String passwordFile;
    private transient volatile String authorization;

    private InfluxCredentials(String user, String passwordFile) {
        this.user = user;
        this.passwordFile = passwordFile;
    }

    /** No {@code Authorization} header: InfluxDB with {@code auth-enabled = false}. */
    public static InfluxCredentials none() {
        return new InfluxCredentials(null, null);
    }

    /** The password file is read once here, so that a missing or unreadable one is an error at start. */
    public static InfluxCredentials fromFile(String user, Path passwordFile) {
        InfluxCredentials credentials = new InfluxCredentials(requireUser(user), passwordFile.toAbsolutePath().toString());
        credentials.password();
        return credentials;
    }

    /** The password from {@value #PASSWORD_ENV}, which must be set (for the task managers too on a cluster). */
    public static InfluxCredentials fromEnvironment(String user) {
        InfluxCredentials credentials = new InfluxCredentials(requireUser(user), null);
        credentials.password();
        return credentials;
    }

    private static String requireUser(String user) {
        if (user == null || user.isBlank()) throw new IllegalArgumentException("--influx-user: a user name is required");
        return user;
    }

    /** The value of the {@code Authorization} header (HTTP Basic), read at first use. */
    Optional<String> authorization() {
        if (user == null) return Optional.empty();
        if (authorization == null) authorization = basic(password());
        return Optional.of(authorization);
    }

    /**
     * After InfluxDB refused the credentials (401, 403): the password is read again. When it cannot be read,
     * the last one stays and the error is logged; the write that was refused is retried either way.
     */
    void reload() {
        if (user == null) return;
        try {
            authorization = basic(password());
        } catch (IllegalArgumentException e) {
            LOG.error("InfluxDB credentials of user {}: {}; keeping the last password", user, e.getMessage());
        }
    }

    /** Where the password comes from, for messages (never the password). */
    String describe() {
        if (user == null) return "no credentials";
        return "user " + user + ", password from " + (passwordFile != null ? passwordFile : "$" + PASSWORD_ENV);
    }

    private String password() {
        if (passwordFile == null) {
            String password = System.getenv(PASSWORD_ENV);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("--influx-user " + user + ": no password: give --influx-password-file"
                        + " or set the environment variable " + PASSWORD_ENV);
            }
            return password;
        }
        try {
            // a file written with echo ends with a line break that is not part of the password
            String password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).replaceAll("\\R+$", "");
            if (password.isEmpty()) throw new IllegalArgumentException("--influx-password-file " + passwordFile + " is empty");
            return password;
        } catch (IOException e) {
            throw new IllegalArgumentException("--influx-password-file " + passwordFile + " cannot be read: " + e, e);
        }
    }

    private String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
