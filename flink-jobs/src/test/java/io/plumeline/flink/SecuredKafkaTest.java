package io.plumeline.flink;

import static io.plumeline.flink.KafkaClients.awaitUntil;
import static io.plumeline.flink.KafkaClients.send;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.HHV;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.contracts.KafkaClientConfig;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The collector's credentials and the job, wired by the command line with {@code --kafka-config}, against a real
 * KRaft broker that takes only SASL_SSL (SCRAM-SHA-512) and ACLs: the collector user may only write telemetry and
 * gaps, the job user only read them in its group and write its dead letters.
 */
class SecuredKafkaTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final String NAME = "secured";
    private static final String TELEMETRY = NAME + ".telemetry";
    private static final String GAPS = NAME + ".gaps";
    private static final String DLQ = NAME + ".dlq";

    @Test
    void readingsReachInfluxDbOverSaslSslWhileTheCollectorMayNotReadAndAWrongPasswordFailsAtOnce(@TempDir Path dir)
            throws Exception {
        try (KafkaBroker kafka = KafkaBroker.startTemporarySecured("collector", "job");
                InfluxDbServer influx = InfluxDbServer.startTemporary()) {
            for (String topic : List.of(TELEMETRY, GAPS, DLQ)) kafka.createTopic(topic, 1);
            kafka.allowProducer("collector", TELEMETRY, GAPS);
            kafka.allowConsumer("job", NAME, TELEMETRY, GAPS);
            kafka.allowProducer("job", DLQ);

            JobCommand command = command(kafka, influx, kafka.clientConfig("job"), dir);
            KafkaTopics.ensure(command.kafkaClientConfig(), command.kafka, command.topic, command.dlqTopic);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(command.configuration());
            env.setParallelism(1);
            command.job(TestSite.model()).build(env);
            JobClient job = env.executeAsync(NAME);
            try (KafkaProducer<String, byte[]> collector = collectorProducer(kafka)) {
                Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
                for (int i = 0; i < 30; i++) {
                    send(collector, TELEMETRY, reading(FLOW, from.plusSeconds(10L * i), 1200.0, GOOD));
                    send(collector, TELEMETRY, reading(HHV, from.plusSeconds(10L * i), 38.5, GOOD));
                }
                collector.send(new ProducerRecord<>(TELEMETRY, "x", "{not a reading".getBytes(StandardCharsets.UTF_8))).get();
                InfluxQueries db = new InfluxQueries(influx, NAME);
                awaitUntil(Duration.ofSeconds(40), "60 readings in InfluxDB and a dead letter in " + DLQ,
                        () -> db.count("telemetry", "status") == 60 && kafka.messageCount(DLQ) == 1);
            } finally {
                job.cancel().get();
            }

            try (KafkaConsumer<byte[], byte[]> collector = new KafkaConsumer<>(clientSettings(kafka, "collector"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                collector.assign(List.of(new TopicPartition(TELEMETRY, 0)));
                collector.seekToBeginning(collector.assignment());
                assertThatThrownBy(() -> collector.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
            }

            Path wrong = dir.resolve("wrong.properties");
            Files.writeString(wrong, Files.readString(kafka.clientConfig("job")).replaceAll("password=\"[^\"]*\"", "password=\"wrong\""));
            long start = System.nanoTime();
            String err = stderrOf(() -> run(kafka, influx, wrong, dir, 1));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(err).contains("cannot reach Kafka at " + kafka.bootstrapServers())
                    .contains("Authentication failed").contains("SCRAM-SHA-512").doesNotContain("wrong\"");

            Path reserved = dir.resolve("reserved.properties");
            Files.writeString(reserved, Files.readString(kafka.clientConfig("job")) + "group.id=elsewhere\n");
            assertThat(stderrOf(() -> run(kafka, influx, reserved, dir, 2))).isEqualTo("PlumelineJob: --kafka-config "
                    + reserved + ": group.id is set by the process itself; remove it" + System.lineSeparator());
        }
    }

    private static JobCommand command(KafkaBroker kafka, InfluxDbServer influx, Path kafkaConfig, Path dir) {
        JobCommand command = new JobCommand();
        new CommandLine(command).parseArgs(arguments(kafka, influx, kafkaConfig, dir));
        return command;
    }

    private static String[] arguments(KafkaBroker kafka, InfluxDbServer influx, Path kafkaConfig, Path dir) {
        return new String[] {"--site", TestSite.file().toString(), "--kafka", kafka.bootstrapServers(),
                "--kafka-config", kafkaConfig.toString(), "--influx", influx.url(), "--influx-db", NAME,
                "--topic", TELEMETRY, "--dlq-topic", DLQ, "--gaps-topic", GAPS, "--group-id", NAME,
                "--idleness", "PT1S", "--checkpoint-dir", dir.resolve("checkpoints").toString(),
                "--checkpoint-interval", "PT1S"};
    }

    private static Void run(KafkaBroker kafka, InfluxDbServer influx, Path kafkaConfig, Path dir, int exitCode) {
        assertThat(JobCommand.run(arguments(kafka, influx, kafkaConfig, dir))).isEqualTo(exitCode);
        return null;
    }

    /** The collector's own producer settings, with the collector user's file read as the collector reads it. */
    private static KafkaProducer<String, byte[]> collectorProducer(KafkaBroker kafka) {
        Properties settings = KafkaClientConfig.read(kafka.clientConfig("collector"), ProducerConfig.configNames(), Set.of())
                .with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000"));
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    private static Properties clientSettings(KafkaBroker kafka, String user) {
        Properties settings = KafkaClientConfig.read(kafka.clientConfig(user), ConsumerConfig.configNames(), Set.of())
                .properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return settings;
    }

    private static String stderrOf(Supplier<Void> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
