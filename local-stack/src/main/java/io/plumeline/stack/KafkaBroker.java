package io.plumeline.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) in its own JVM, started from the
 * Maven-resolved {@code kafka_2.13} jars. The broker's classpath was written at build time into the
 * {@code kafka-broker.classpath} resource, so the broker's jars never reach the classpath of whoever uses
 * this class.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.startTemporary()) {
 *     kafka.createTopic("plumeline.telemetry", 4);
 *     String bootstrap = kafka.bootstrapServers();   // 127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>{@link #startTemporarySecured} starts one that takes clients only over SASL_SSL (SCRAM-SHA-512) and lets
 * each user do only what an ACL allows ({@link KafkaSecurity}).
 */
public final class KafkaBroker extends LocalServer {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    private static final int NODE_ID = 1;

    private final Admin admin;
    /** null: a plaintext broker that allows everything. */
    private final KafkaSecurity security;

    private KafkaBroker(ChildProcess process, int port, Path dataDir, boolean temporary, KafkaSecurity security) {
        super(process, port, dataDir, temporary, Duration.ofSeconds(30));
        this.security = security;
        Map<String, Object> settings = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        if (security != null) settings.putAll(security.clientSettings(KafkaSecurity.ADMIN));
        this.admin = Admin.create(settings);
    }

    /**
     * Starts a broker with its data in {@code dataDir} (kept across runs: formatted only the first time),
     * clients on 127.0.0.1:{@code port}, the controller on 127.0.0.1:{@code controllerPort}. The controller
     * port is written into the formatted storage, so keep it the same for the same folder.
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile, Duration timeout) {
        return start(dataDir, port, controllerPort, logFile, timeout, false, null);
    }

    /** For tests: free ports and a temporary data folder that {@link #close()} deletes. */
    public static KafkaBroker startTemporary() {
        return startTemporary(List.of());
    }

    /**
     * For tests: like {@link #startTemporary()}, but clients must log in over SASL_SSL as one of {@code users}
     * (whose {@link #clientConfig} files say how) and may do only what {@link #allowProducer} and
     * {@link #allowConsumer} grant them.
     */
    public static KafkaBroker startTemporarySecured(String... users) {
        return startTemporary(List.of(users));
    }

    private static KafkaBroker startTemporary(List<String> securedUsers) {
        Path dataDir = Folders.temporary("plumeline-kafka-");
        try {
            Path security = Folders.create(dataDir.resolve("security"));
            KafkaBroker broker = start(dataDir, Ports.free(), Ports.free(), dataDir.resolve("kafka.log"),
                    DEFAULT_START_TIMEOUT, true, securedUsers.isEmpty() ? null : KafkaSecurity.generate(security, securedUsers));
            broker.stopAtExit("kafka-cleanup");
            return broker;
        } catch (RuntimeException e) {
            Folders.deleteRecursively(dataDir);
            throw e;
        }
    }

    private static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile, Duration timeout,
            boolean temporary, KafkaSecurity security) {
        Path data = Folders.create(dataDir.toAbsolutePath());
        Path logDir = data.resolve("log");
        Path properties = data.resolve("server.properties");
        Folders.writePrivate(properties, serverProperties(logDir, port, controllerPort, security));
        Path log4j = data.resolve("log4j2.properties");
        Folders.write(log4j, LOG4J2);
        List<String> java = List.of(javaBinary().toString(), "-Xmx512m", "-XX:+UseG1GC",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-Dkafka.logs.dir=" + data.resolve("logs"), "-cp", brokerClasspath());

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(java);
            List<String> storageTool = List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", properties.toString(), "--standalone");
            Path arguments = security == null ? null : security.formatArgumentFile(storageTool);
            if (arguments == null) format.addAll(storageTool);
            else format.add("@" + arguments);
            try {
                ChildProcess formatting = ChildProcess.start("Kafka storage format", format, data, logFile);
                if (formatting.awaitExit(Duration.ofSeconds(60)) != 0) {
                    throw formatting.failure("failed (exit code " + formatting.exitCode() + ")");
                }
            } finally {
                if (arguments != null) Folders.deleteRecursively(arguments);
            }
        }
        List<String> server = new ArrayList<>(java);
        server.addAll(List.of("kafka.Kafka", properties.toString()));
        KafkaBroker broker = new KafkaBroker(ChildProcess.start("Kafka", server, data, logFile), port, data,
                temporary, security);
        try {
            broker.process().awaitReady(broker::answers, timeout,
                    "the AdminClient could not describe the cluster at " + broker.bootstrapServers());
        } catch (RuntimeException e) {
            broker.stopAndClean();
            throw e;
        }
        return broker;
    }

    /**
     * One node is broker and controller. Internal topics get one partition and one replica: with the
     * default 50 offset partitions a first consumer waits ~5 s for them.
     */
    private static String serverProperties(Path logDir, int port, int controllerPort, KafkaSecurity security) {
        String broker = "127.0.0.1:" + port;
        String controller = "127.0.0.1:" + controllerPort;
        List<String> listeners = security != null ? security.serverProperties(broker, controller) : List.of(
                "listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        return String.join("\n", listeners) + "\n" + String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.bootstrap.servers=" + controller,
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + logDir,
                "num.partitions=1",
                "offsets.topic.num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private static final String LOG4J2 = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = info
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.statechange.name = state.change.logger
            logger.statechange.level = warn
            logger.request.name = kafka.request.logger
            logger.request.level = warn
            """;

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new StackException("the resource io/plumeline/stack/" + CLASSPATH_RESOURCE + " is missing:"
                        + " local-stack was not built by Maven (./mvnw -pl local-stack install writes it)");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<String> missing = List.of(classpath.split(java.io.File.pathSeparator)).stream()
                    .filter(jar -> !Files.exists(Path.of(jar))).toList();
            if (!missing.isEmpty()) {
                throw new StackException("the Kafka broker's jars are not in the local Maven repository any"
                        + " more (first missing: " + missing.get(0) + "): rebuild local-stack"
                        + " (./mvnw -pl local-stack install)");
            }
            return classpath;
        } catch (IOException e) {
            throw new StackException("cannot read the Kafka broker classpath: " + e.getMessage(), e);
        }
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port();
    }

    /** Creates the topic with one replica; an existing topic is left as it is. */
    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StackException("cannot create the Kafka topic " + name + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new StackException("creating the Kafka topic " + name + " took more than 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating the Kafka topic " + name, e);
        }
    }

    /**
     * A properties file (owner-only) with {@code user}'s client settings for this secured broker: SASL_SSL,
     * SCRAM-SHA-512, its password, the broker's certificate as trust store. What {@code --kafka-config} takes.
     */
    public Path clientConfig(String user) {
        return secured().clientConfigFile(user);
    }

    /** {@code user} may write to and describe {@code topics} of this secured broker, and nothing else it is not granted. */
    public void allowProducer(String user, String... topics) {
        grant(user, Stream.of(topics).flatMap(topic -> Stream.of(AclOperation.WRITE, AclOperation.DESCRIBE)
                .map(operation -> acl(user, ResourceType.TOPIC, topic, operation))).toList());
    }

    /** {@code user} may read {@code topics} of this secured broker in its consumer group {@code group}. */
    public void allowConsumer(String user, String group, String... topics) {
        List<AclBinding> acls = new ArrayList<>(Stream.of(topics).flatMap(topic -> Stream.of(AclOperation.READ,
                AclOperation.DESCRIBE).map(operation -> acl(user, ResourceType.TOPIC, topic, operation))).toList());
        acls.add(acl(user, ResourceType.GROUP, group, AclOperation.READ));
        grant(user, acls);
    }

    private static AclBinding acl(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /** Returns once the broker's authorizer applies them, which describing them tells (it answers from the same state). */
    private void grant(String user, List<AclBinding> acls) {
        secured().clientSettings(user); // refuses a user the broker was not started with
        adminCall("create the ACLs of " + user, () -> admin.createAcls(acls).all().get(15, TimeUnit.SECONDS));
        AclBindingFilter ofUser = new AclBindingFilter(ResourcePatternFilter.ANY, new AccessControlEntryFilter(
                "User:" + user, null, AclOperation.ANY, AclPermissionType.ANY));
        process().awaitReady(() -> adminCall("describe the ACLs of " + user,
                () -> admin.describeAcls(ofUser).values().get(15, TimeUnit.SECONDS)).containsAll(acls),
                Duration.ofSeconds(15), "the ACLs of " + user + " were not in effect");
    }

    private KafkaSecurity secured() {
        if (security == null) throw new StackException("this Kafka broker is not secured: start it with startTemporarySecured");
        return security;
    }

    public Set<String> topics() {
        return adminCall("list the topics", () -> admin.listTopics().names().get(15, TimeUnit.SECONDS));
    }

    /** Messages held in the topic (end minus start offsets over its partitions); 0 when it does not exist. */
    public long messageCount(String topic) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(15, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return offsets(partitions, OffsetSpec.latest()) - offsets(partitions, OffsetSpec.earliest());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new StackException("cannot count the messages of " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new StackException("counting the messages of " + topic + " took more than 15 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private long offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> spec));
        return admin.listOffsets(request).all().get(15, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    private boolean answers() {
        try {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    void beforeStop() {
        admin.close(Duration.ofSeconds(2));
    }

    private interface AdminCall<T> {
        T call() throws ExecutionException, InterruptedException, TimeoutException;
    }

    private <T> T adminCall(String what, AdminCall<T> call) {
        try {
            return call.call();
        } catch (ExecutionException e) {
            throw new StackException("Kafka could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StackException("Kafka did not " + what + " within 15 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
