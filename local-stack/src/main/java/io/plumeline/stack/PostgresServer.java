package io.plumeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operating system's PostgreSQL (Debian's {@code postgresql} package) as a child process with a cluster of its
 * own: {@code initdb} into a data folder, the server on 127.0.0.1 and a free port, its socket in the same folder,
 * trust authentication for the user {@code postgres}. PostgreSQL refuses to run as root, so as root both run as
 * the {@code postgres} user, which owns the folder.
 *
 * <pre>{@code
 * try (PostgresServer postgres = PostgresServer.startTemporary()) {
 *     String url = postgres.jdbcUrl();   // jdbc:postgresql://127.0.0.1:PORT/postgres, user postgres, no password
 * }
 * }</pre>
 */
public final class PostgresServer extends LocalServer {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    public static final String USER = "postgres";
    private static final Path DEBIAN_INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final Path RUNUSER = Path.of("/usr/sbin/runuser");
    private static final Pattern READY = Pattern.compile("database system is ready to accept connections");

    private final Path bin;
    private final boolean asPostgresUser;

    private PostgresServer(ChildProcess process, int port, Path dataDir, boolean temporary, Path bin,
                           boolean asPostgresUser) {
        super(process, port, dataDir, temporary, Duration.ofSeconds(20));
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
    }

    /** For tests: a new cluster on a free port in a temporary folder that {@link #close()} deletes. */
    public static PostgresServer startTemporary() {
        Path dir = Folders.temporary("plumeline-postgres-");
        try {
            PostgresServer server = start(dir, Ports.free(), DEFAULT_START_TIMEOUT, true);
            server.stopAtExit("postgres-cleanup");
            return server;
        } catch (RuntimeException e) {
            Folders.deleteRecursively(dir);
            throw e;
        }
    }

    /** Starts PostgreSQL on 127.0.0.1:{@code port} with its cluster in {@code dir}/data, made by initdb when missing. */
    public static PostgresServer start(Path dir, int port, Duration timeout, boolean temporary) {
        Path bin = findBin();
        Path folder = Folders.create(dir.toAbsolutePath());
        boolean asPostgresUser = isRoot();
        if (asPostgresUser) {
            ownedByPostgres(folder);
        }
        Path data = folder.resolve("data");
        Path log = folder.resolve("postgres.log");
        if (!Files.isDirectory(data)) {
            ChildProcess initdb = ChildProcess.start("PostgreSQL initdb", command(asPostgresUser, bin.resolve("initdb").toString(),
                    "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale"), folder, log);
            int exit = initdb.awaitExit(timeout);
            if (exit != 0) {
                throw initdb.failure("exited with code " + exit);
            }
        }
        ChildProcess process = ChildProcess.start("PostgreSQL", command(asPostgresUser, bin.resolve("postgres").toString(),
                "-D", data.toString(), "-p", Integer.toString(port), "-k", folder.toString(),
                "-c", "listen_addresses=" + Ports.LOOPBACK), folder, log);
        PostgresServer server = new PostgresServer(process, port, folder, temporary, bin, asPostgresUser);
        try {
            process.awaitLogLine(READY, timeout);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(5));
            throw e;
        }
        return server;
    }

    /** The newest PostgreSQL of Debian's packages (/usr/lib/postgresql/VERSION/bin). */
    static Path findBin() {
        List<Path> installed = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_INSTALLATIONS)) {
            try (Stream<Path> versions = Files.list(DEBIAN_INSTALLATIONS)) {
                versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres"))
                        && Files.isExecutable(b.resolve("initdb"))).forEach(installed::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return installed.stream().max(Comparator.comparing(PostgresServer::version)).orElseThrow(() -> new StackException(
                "PostgreSQL is not installed: no " + DEBIAN_INSTALLATIONS + "/VERSION/bin/postgres. `./plumeline test`"
                        + " installs it, or `apt-get install postgresql` (as root)."));
    }

    private static int version(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port() + "/postgres";
    }

    /** A fast shutdown (open sessions are ended), so that the server stops promptly even while a pool holds connections. */
    @Override
    void beforeStop() {
        if (!isAlive()) {
            return;
        }
        ChildProcess stop = ChildProcess.start("PostgreSQL pg_ctl stop", command(asPostgresUser,
                bin.resolve("pg_ctl").toString(), "-D", dataDir().resolve("data").toString(), "-m", "fast", "-w", "stop"),
                dataDir(), dataDir().resolve("pg_ctl.log"));
        stop.awaitExit(Duration.ofSeconds(30));
    }

    private static List<String> command(boolean asPostgresUser, String... command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            if (!Files.isExecutable(RUNUSER)) {
                throw new StackException("running PostgreSQL as root needs " + RUNUSER + " (util-linux) to switch to the "
                        + USER + " user");
            }
            full.addAll(List.of(RUNUSER.toString(), "-u", USER, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PostgreSQL refuses to run as root: as root, the folder is handed to the postgres user. */
    private static void ownedByPostgres(Path folder) {
        try {
            UserPrincipalLookupService lookup = folder.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(USER);
            view.setOwner(lookup.lookupPrincipalByName(USER));
            view.setGroup(group);
        } catch (IOException e) {
            throw new StackException("cannot hand " + folder + " to the " + USER + " user (is PostgreSQL installed? it"
                    + " creates that user): " + e.getMessage(), e);
        }
    }
}
