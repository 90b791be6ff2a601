package io.plumeline.flink;

import static io.plumeline.flink.TestSite.BAD_SENSOR_FAILURE;
import static io.plumeline.flink.TestSite.CRUDE;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.HHV;
import static io.plumeline.flink.TestSite.SOURCE;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.flink.influx.InfluxDbSink;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole job on a Flink MiniCluster with a real influxd, first from a bounded source in place of Kafka,
 * then from a real Kafka broker with its DLQ topic, wired by the command line.
 *
 * <p>Hand calculation of the hour both tests check (worked example 4 of the emissions reference): fuel gas
 * 1,200 Nm3/h for the whole hour at a measured HHV of 38.5 MJ/Nm3 → 1,200 × 38.5 = 46,200 MJ; / 1,055.056
 * MJ/mmBtu = 43.789 mmBtu; × 59.00 kg CO2/mmBtu (Table C-1, fuel gas) = 2,583.56 kg CO2, availability 100 %.
 */
class PlumelineJobMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Instant H4 = Instant.parse("2026-11-26T04:00:00Z");
    private static final Instant H5 = H4.plus(Duration.ofHours(1));
    private static final double HAND_CALCULATED_CO2_KG = 2583.56;

    private static InfluxDbServer influx;

    @BeforeAll
    static void startInflux() {
        influx = InfluxDbServer.startTemporary();
    }

    @AfterAll
    static void stopInflux() {
        if (influx != null) influx.close();
    }

    /** The fuel gas hour of the hand calculation, a crude feed with distinct values and one BAD reading. */
    private static List<Reading> anHourOfReadings() {
        return readingsOf(H4, H5);
    }

    /** Every 10 s: the hand calculation's fuel gas flow and HHV (each minute), the crude feed; one BAD reading in the 4 o'clock hour. */
    private static List<Reading> readingsOf(Instant from, Instant to) {
        List<Reading> readings = new ArrayList<>();
        int i = (int) Duration.between(H4, from).toSeconds() / 10;
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10), i++) {
            readings.add(reading(FLOW, t, 1200.0, GOOD));
            if (i % 6 == 0) readings.add(reading(HHV, t, 38.5, GOOD));
            readings.add(i == 100 ? reading(CRUDE, t, null, BAD_SENSOR_FAILURE) : reading(CRUDE, t, 400 + i * 0.125, GOOD));
        }
        return readings;
    }

    private static void assertEveryReadingLandedOnce(InfluxQueries db, List<Reading> readings) {
        Map<String, Map<Instant, Double>> expected = new HashMap<>();
        for (Reading r : readings) expected.computeIfAbsent(r.tag(), t -> new HashMap<>()).put(r.ts(), r.value());
        for (String tag : List.of(FLOW, HHV, CRUDE)) {
            assertThat(db.telemetry(tag)).as("points of %s", tag).isEqualTo(expected.get(tag));
        }
        assertThat(db.count("telemetry", "status")).isEqualTo(readings.size());
        assertThat(db.count("telemetry", "value")).isEqualTo(readings.size() - 1);
        assertThat(db.rows("SELECT \"quality\", \"status\" FROM telemetry WHERE \"quality\" = 'BAD'"))
                .singleElement().satisfies(bad -> {
                    assertThat(bad.get("quality").asText()).isEqualTo("BAD");
                    assertThat(bad.get("status").asLong()).isEqualTo(BAD_SENSOR_FAILURE);
                });
    }

    private static void assertTheHourMatchesTheHandCalculation(InfluxQueries db) {
        assertThat(db.rows("SELECT * FROM emissions")).singleElement().satisfies(row -> {
            assertThat(Instant.parse(row.get("time").asText())).isEqualTo(H4);
            assertThat(row.get("source").asText()).isEqualTo(SOURCE);
            assertThat(row.get("unit").asText()).isEqualTo("heater-1");
            assertThat(row.get("site").asText()).isEqualTo(TestSite.SITE);
            assertThat(row.get("gas").asText()).isEqualTo("CO2");
            assertThat(row.get("method").asText()).isEqualTo("EPA_C2A");
            assertThat(row.get("mass_kg").asDouble()).isCloseTo(HAND_CALCULATED_CO2_KG, within(0.01));
            assertThat(row.get("co2e_kg").asDouble()).isCloseTo(HAND_CALCULATED_CO2_KG, within(0.01));
            assertThat(row.get("availability_pct").asDouble()).isCloseTo(100.0, within(1e-9));
            assertThat(row.get("substituted_min").asDouble()).isZero();
            assertThat(row.get("lineage_id").asText()).isNotBlank();
        });
    }

    @Test
    void boundedInputLandsInInfluxOnceAndBadMessagesBecomeDeadLetters() throws Exception {
        List<Reading> readings = anHourOfReadings();
        List<RawMessage> messages = new ArrayList<>();
        for (Reading r : readings) {
            messages.add(TestSite.message(r, messages.size()));
            if (messages.size() == 500) {
                messages.add(new RawMessage("plumeline.telemetry", 0, 500, "{\"v\":1,".getBytes(StandardCharsets.UTF_8)));
                messages.add(TestSite.message(reading("heater-9.ghost", r.ts(), 1.0, GOOD), 501));
            }
        }
        DeadLetterCollector.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(500);
        new PlumelineJob(TestSite.model(), PlumelineJob.Timing.defaults(), MessagesSource.of(messages),
                new DeadLetterCollector(), InfluxDbSink.of(java.net.URI.create(influx.url()), "bounded"))
                .build(env);

        env.execute("bounded");

        InfluxQueries db = new InfluxQueries(influx, "bounded");
        assertEveryReadingLandedOnce(db, readings);
        assertTheHourMatchesTheHandCalculation(db);
        Map<Long, DeadLetter> letters = new HashMap<>();
        DeadLetterCollector.letters().forEach(l -> letters.put(l.offset(), l));
        assertThat(letters).containsOnlyKeys(500L, 501L);
        assertThat(letters.get(500L).reason()).startsWith("not JSON");
        assertThat(letters.get(500L).payload()).isEqualTo("{\"v\":1,");
        assertThat(letters.get(501L).reason()).isEqualTo("tag: 'heater-9.ghost' is not in the site model of test-refinery");
    }

    /**
     * Kafka in, InfluxDB and the DLQ topic out, wired by the command line; stopped after the first hour and a
     * few samples of the second, then started again: it resumes from its retained checkpoint, so the second
     * hour still has the samples read before the stop.
     */
    @Test
    void fromKafkaToInfluxAndTheDlqAcrossARestart(@TempDir Path checkpoints) throws Exception {
        try (KafkaBroker kafka = KafkaBroker.startTemporary()) {
            kafka.createTopic("plumeline.telemetry", 2);
            JobCommand command = new JobCommand();
            new CommandLine(command).parseArgs("--site", TestSite.file().toString(), "--kafka", kafka.bootstrapServers(),
                    "--influx", influx.url(), "--influx-db", "kafka", "--idleness", "PT1S",
                    "--checkpoint-dir", checkpoints.toString(), "--checkpoint-interval", "PT0.5S");
            KafkaTopics.ensure(command.kafka, command.topic, command.dlqTopic);
            assertThat(kafka.topics()).contains("plumeline.telemetry.dlq");
            InfluxQueries db = new InfluxQueries(influx, "kafka");

            List<Reading> hour4 = readingsOf(H4, H5);
            List<Reading> early5 = readingsOf(H5, H5.plusSeconds(30));
            List<Reading> rest5 = readingsOf(H5.plusSeconds(30), H5.plusSeconds(3600));
            // past the end of the hour by more than the out-of-orderness, so the watermark closes it
            Reading closing6 = reading(CRUDE, H5.plusSeconds(3630), 500.0, GOOD);
            RecordMetadata junk;
            try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                hour4.subList(0, 300).forEach(r -> send(producer, r));
                junk = producer.send(new ProducerRecord<>("plumeline.telemetry", FLOW,
                        "temperature=12".getBytes(StandardCharsets.UTF_8))).get();
                hour4.subList(300, hour4.size()).forEach(r -> send(producer, r));
                early5.forEach(r -> send(producer, r));
            }
            int firstRun = hour4.size() + early5.size();

            JobClient first = run(command);
            try {
                awaitUntil(Duration.ofSeconds(60), "the first run's readings and hour in InfluxDB",
                        () -> db.count("telemetry", "status") == firstRun && db.count("emissions", "mass_kg") == 1);
                awaitUntil(Duration.ofSeconds(30), "a checkpoint that covers every message read",
                        () -> committedOffsets(kafka) == firstRun + 1);
                assertThat(first.getJobStatus().get()).as("after a bad message").isEqualTo(JobStatus.RUNNING);
            } finally {
                first.cancel().get();
            }
            JsonNode letter = new ObjectMapper().readTree(consume(kafka, "plumeline.telemetry.dlq", 1).get(0).value());
            assertThat(letter.get("reason").asText()).startsWith("not JSON");
            assertThat(letter.get("payload").asText()).isEqualTo("temperature=12");
            assertThat(letter.get("topic").asText()).isEqualTo("plumeline.telemetry");
            assertThat(letter.get("partition").asInt()).isEqualTo(junk.partition());
            assertThat(letter.get("offset").asLong()).isEqualTo(junk.offset());

            try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                rest5.forEach(r -> send(producer, r));
                send(producer, closing6);
            }
            List<Reading> all = new ArrayList<>(hour4);
            all.addAll(early5);
            all.addAll(rest5);
            all.add(closing6);
            JobClient second = run(command);
            try {
                awaitUntil(Duration.ofSeconds(60), "every reading and both hours in InfluxDB",
                        () -> db.count("telemetry", "status") == all.size() && db.count("emissions", "mass_kg") == 2);
            } finally {
                second.cancel().get();
            }

            assertEveryReadingLandedOnce(db, all);
            assertThat(db.rows("SELECT * FROM emissions")).allSatisfy(row -> {
                assertThat(row.get("mass_kg").asDouble()).isCloseTo(HAND_CALCULATED_CO2_KG, within(0.01));
                assertThat(row.get("availability_pct").asDouble()).isCloseTo(100.0, within(1e-9));
            });
        }
    }

    private static JobClient run(JobCommand command) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(command.configuration());
        env.setParallelism(2);
        command.job(TestSite.model()).build(env);
        return env.executeAsync("kafka");
    }

    private static long committedOffsets(KafkaBroker kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets("plumeline-flink").partitionsToOffsetAndMetadata().get()
                    .values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props);
    }

    private static void send(KafkaProducer<String, byte[]> producer, Reading reading) {
        producer.send(new ProducerRecord<>("plumeline.telemetry", reading.tag(), ReadingJson.toBytes(reading)));
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(KafkaBroker kafka, String topic, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-dlq-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        assertThat(records).as("messages on %s", topic).hasSize(count);
        return records;
    }

    private static void awaitUntil(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout + ": " + what);
            Thread.sleep(250);
        }
    }
}
