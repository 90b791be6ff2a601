package io.plumeline.stack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a secured {@link KafkaBroker} is made of: clients on a SASL_SSL listener with SCRAM-SHA-512 users, the
 * broker's self-signed certificate (for 127.0.0.1) made by the JDK's keytool, the StandardAuthorizer with no
 * access without an ACL. The controller listener takes TLS with client certificates, and only the broker's own
 * certificate is trusted there, so nobody bypasses the ACLs through the controller. Passwords are random per
 * start and only ever in files only the owner may read (keytool and the storage tool read them from files
 * too), never on a command line.
 */
final class KafkaSecurity {

    static final String MECHANISM = "SCRAM-SHA-512";
    /** The broker's own SCRAM user (between brokers) and the super user of {@link KafkaBroker}'s admin client. */
    static final String ADMIN = "admin";
    private static final String BROKER_DN = "CN=plumeline-kafka";

    private final Path dir;
    private final Map<String, String> passwords;
    private final String storePassword;

    private KafkaSecurity(Path dir, Map<String, String> passwords, String storePassword) {
        this.dir = dir;
        this.passwords = passwords;
        this.storePassword = storePassword;
    }

    /** Makes the broker's key store and the users' passwords in {@code dir}. */
    static KafkaSecurity generate(Path dir, List<String> users) {
        Map<String, String> passwords = new LinkedHashMap<>();
        Stream.concat(Stream.of(ADMIN), users.stream()).forEach(user -> passwords.put(user, randomPassword()));
        KafkaSecurity security = new KafkaSecurity(dir, passwords, randomPassword());
        Path passwordFile = dir.resolve("keystore.password");
        Folders.writePrivate(passwordFile, security.storePassword);
        String store = "-keystore " + security.keystore() + " -storetype PKCS12 -storepass:file " + passwordFile;
        security.keytool("-genkeypair -alias kafka -keyalg EC -groupname secp256r1 -validity 30 -dname " + BROKER_DN
                + " -ext SAN=ip:127.0.0.1,dns:localhost -keypass:file " + passwordFile + " " + store);
        security.keytool("-exportcert -rfc -alias kafka -file " + security.truststore() + " " + store);
        return security;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void keytool(String arguments) {
        List<String> command = Stream.concat(Stream.of(KafkaBroker.javaBinary().resolveSibling("keytool").toString()),
                Stream.of(arguments.split(" "))).toList();
        ChildProcess keytool = ChildProcess.start("keytool", command, dir, dir.resolve("keytool.log"));
        if (keytool.awaitExit(Duration.ofSeconds(30)) != 0) {
            throw keytool.failure("failed (exit code " + keytool.exitCode() + ")");
        }
    }

    private Path keystore() {
        return dir.resolve("broker.p12");
    }

    /** The broker's certificate (PEM): what clients trust. */
    Path truststore() {
        return dir.resolve("broker-certificate.pem");
    }

    /** The listeners and their security, for server.properties. */
    List<String> serverProperties(String broker, String controller) {
        return List.of(
                "listeners=SASL_SSL://" + broker + ",CONTROLLER://" + controller,
                "advertised.listeners=SASL_SSL://" + broker + ",CONTROLLER://" + controller,
                "inter.broker.listener.name=SASL_SSL",
                "listener.security.protocol.map=CONTROLLER:SSL,SASL_SSL:SASL_SSL",
                "sasl.enabled.mechanisms=" + MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
                "listener.name.sasl_ssl." + MECHANISM.toLowerCase() + ".sasl.jaas.config=" + jaas(ADMIN),
                "listener.name.controller.ssl.client.auth=required",
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + keystore(),
                "ssl.keystore.password=" + storePassword,
                "ssl.key.password=" + storePassword,
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + truststore(),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + ADMIN + ";User:" + BROKER_DN);
    }

    /**
     * The storage tool's arguments with every user's SCRAM credentials, as a {@code java @file} argument: the
     * launcher reads the main class and its arguments from the file (owner-only), so no password is on the
     * command line. The caller deletes it after the format.
     */
    Path formatArgumentFile(List<String> storageTool) {
        Path file = dir.resolve("storage-format.args");
        Stream<String> scram = passwords.entrySet().stream().flatMap(user -> Stream.of("--add-scram",
                MECHANISM + "=[name=" + user.getKey() + ",password=" + user.getValue() + "]"));
        Folders.writePrivate(file, Stream.concat(storageTool.stream(), scram)
                .map(argument -> '"' + argument + '"').collect(Collectors.joining("\n")));
        return file;
    }

    /** The client settings of {@code user}: what its {@code --kafka-config} file holds. */
    Map<String, String> clientSettings(String user) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("sasl.jaas.config", jaas(user));
        settings.put("ssl.truststore.type", "PEM");
        settings.put("ssl.truststore.location", truststore().toString());
        return settings;
    }

    /** {@link #clientSettings} in a properties file only the owner may read. */
    Path clientConfigFile(String user) {
        Path file = dir.resolve(user + ".kafka.properties");
        Folders.writePrivate(file, clientSettings(user).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    private String jaas(String user) {
        String password = passwords.get(user);
        if (password == null) throw new StackException("the secured Kafka broker has no user " + user + "; users: "
                + passwords.keySet());
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
