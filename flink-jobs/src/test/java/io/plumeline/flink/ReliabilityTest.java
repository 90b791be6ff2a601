package io.plumeline.flink;

import static io.plumeline.flink.KafkaClients.awaitUntil;
import static io.plumeline.flink.KafkaClients.committedOffsets;
import static io.plumeline.flink.KafkaClients.consumeAll;
import static io.plumeline.flink.KafkaClients.producer;
import static io.plumeline.flink.KafkaClients.send;
import static io.plumeline.flink.TestSite.BAD_SENSOR_FAILURE;
import static io.plumeline.flink.TestSite.CRUDE;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.HHV;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.flink.influx.InfluxDbSink;
import io.plumeline.flink.influx.RetentionPolicies;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import io.plumeline.stack.Ports;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job from a real Kafka broker to a real influxd, wired by the command line, when things fail: a crash in
 * the middle of an hour (restored from a checkpoint, compared with a run without failure), InfluxDB away for
 * a minute, and unparsable messages that must reconcile with what was stored.
 */
class ReliabilityTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    // 04:00 two days ago: recent, because InfluxDB refuses telemetry older than the raw retention (90 days)
    private static final Instant H4 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)).plus(Duration.ofHours(4));
    private static final Instant H5 = H4.plus(Duration.ofHours(1));
    private static final Instant H6 = H5.plus(Duration.ofHours(1));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaBroker.startTemporary();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) kafka.close();
    }

    /**
     * Every 10 s a fuel gas flow that wanders (so that every hour differs), each minute the HHV, the crude
     * feed; the flow BAD from 05:35 to 05:55, so that the program's rule fills the 05:00 hour from the state the job
     * keeps across the crash (40 CFR 98.35(b)(2), the best available estimate of the flow: its last good value).
     */
    private static List<Reading> readingsOf(Instant from, Instant to) {
        List<Reading> readings = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
            long i = Duration.between(H4, t).toSeconds() / 10;
            boolean bad = !t.isBefore(H5.plusSeconds(35 * 60)) && t.isBefore(H5.plusSeconds(55 * 60));
            readings.add(bad ? reading(FLOW, t, null, BAD_SENSOR_FAILURE) : reading(FLOW, t, 1200 + 150 * Math.sin(i / 37.0), GOOD));
            if (i % 6 == 0) readings.add(reading(HHV, t, 38 + Math.cos(i / 53.0), GOOD));
            readings.add(reading(CRUDE, t, 380 + i * 0.01, GOOD));
        }
        return readings;
    }

    /** Past the end of the 05:00 hour by more than the out-of-orderness, so that the watermark closes it. */
    private static Reading closing() {
        return reading(CRUDE, H6.plusSeconds(30), 400.0, GOOD);
    }

    private static JobCommand command(String name, String influxUrl, Path checkpoints, Path site) {
        JobCommand command = new JobCommand();
        new CommandLine(command).parseArgs("--site", site.toString(), "--kafka", kafka.bootstrapServers(),
                "--influx", influxUrl, "--influx-db", name, "--topic", name + ".telemetry", "--dlq-topic", name + ".dlq",
                "--group-id", name, "--idleness", "PT1S", "--checkpoint-dir", checkpoints.toString(),
                "--checkpoint-interval", "PT0.5S");
        return command;
    }

    private static JobClient run(JobCommand command, PlumelineJob job) throws Exception {
        KafkaTopics.ensure(command.kafka, command.topic, command.dlqTopic);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(command.configuration());
        env.setParallelism(2);
        job.build(env);
        return env.executeAsync(command.groupId);
    }

    private static void produce(String topic, List<Reading> readings) {
        try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
            readings.forEach(r -> send(producer, topic, r));
        }
    }

    /**
     * A day and more of backlog (the job was down), each tag on a partition of its own. A consumer drains a
     * partition in batches of many hours, so one partition runs far ahead of the others; with one watermark for
     * all of them the others' readings would come after their hours had closed. Each partition keeps its own
     * watermark at the source: no reading is late and every hour is complete.
     */
    @Test
    void aBacklogReadOnePartitionAheadOfAnotherLeavesNoReadingLate(@TempDir Path dir) throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(40));
        int hours = 30;
        Instant end = start.plus(Duration.ofHours(hours));
        String name = "backlog";
        kafka.createTopic(name + ".telemetry", 3);
        List<String> tags = List.of(FLOW, HHV, CRUDE);
        int produced = 0;
        try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
            for (Instant t = start; !t.isAfter(end.plusSeconds(60)); t = t.plusSeconds(10)) {
                long i = Duration.between(start, t).toSeconds() / 10;
                for (int partition = 0; partition < tags.size(); partition++) {
                    String tag = tags.get(partition);
                    if (tag.equals(HHV) && i % 6 != 0) continue;
                    Reading reading = reading(tag, t, tag.equals(HHV) ? 38.0 : 1200 + 150 * Math.sin(i / 37.0), GOOD);
                    producer.send(new ProducerRecord<>(name + ".telemetry", partition, tag, ReadingJson.toBytes(reading)));
                    produced++;
                }
            }
        }
        long readings = produced;

        try (InfluxDbServer influx = InfluxDbServer.startTemporary()) {
            JobCommand command = command(name, influx.url(), dir, TestSite.file());
            command.idleness = Duration.ofSeconds(30);
            InfluxQueries db = new InfluxQueries(influx, name);
            JobClient job = run(command, command.job(TestSite.model()));
            try {
                awaitUntil(Duration.ofSeconds(120), "every reading and every hour of the backlog",
                        () -> db.count("telemetry", "status") == readings
                                && db.count("emissions", "mass_kg") == (long) hours * 4);
            } finally {
                job.cancel().get();
            }
            assertThat(db.count("late_readings", "delay_s")).as("readings stored as late").isZero();
        }
    }

    /** Every field of every hourly result by time and gas, as stored. */
    private static Map<String, Map<String, String>> hours(InfluxQueries db) {
        Map<String, Map<String, String>> hours = new TreeMap<>();
        for (Map<String, JsonNode> row : db.rows("SELECT * FROM \"forever\".\"emissions\"")) {
            Map<String, String> fields = new TreeMap<>();
            row.forEach((k, v) -> fields.put(k, v.isNumber() ? String.format("%.9g", v.asDouble()) : v.asText()));
            hours.put(row.get("time").asText() + " " + row.get("gas").asText(), fields);
        }
        return hours;
    }

    /**
     * The same readings and junk, twice: once without failure, once with a crash in the middle of the 05:00
     * hour after a checkpoint covered its first half. The crashed run restores the half hour and the §75.33
     * look-back from the checkpoint and must store the very same hours. Every message is either a telemetry
     * point or a dead letter.
     */
    @Test
    void aCrashInTheMiddleOfAnHourGivesTheSameHoursAsARunWithoutFailure(@TempDir Path dir) throws Exception {
        List<Reading> firstHalf = readingsOf(H4, H5.plusSeconds(1800));
        List<Reading> secondHalf = new ArrayList<>(readingsOf(H5.plusSeconds(1800), H6));
        secondHalf.add(closing());
        int readings = firstHalf.size() + secondHalf.size();
        List<String> junk = List.of("temperature=12", "{\"v\":1,", "", "{\"v\":1,\"site\":\"test-refinery\"}");

        try (InfluxDbServer influx = InfluxDbServer.startTemporary()) {
            JobCommand reference = command("reference", influx.url(), dir.resolve("reference"), TestSite.file());
            produce(reference.topic, firstHalf);
            produceJunk(reference.topic, junk);
            produce(reference.topic, secondHalf);
            InfluxQueries referenceDb = new InfluxQueries(influx, "reference");
            JobClient referenceRun = run(reference, reference.job(TestSite.model()));
            try {
                awaitUntil(Duration.ofSeconds(60), "the reference run's points",
                        () -> referenceDb.count("telemetry", "status") == readings && referenceDb.count("emissions", "mass_kg") == 8);
            } finally {
                referenceRun.cancel().get();
            }

            JobCommand crashing = command("crashing", influx.url(), dir.resolve("crashing"), TestSite.file());
            InfluxQueries crashingDb = new InfluxQueries(influx, "crashing");
            FailingOnce.FAILURES.set(0);
            produce(crashing.topic, firstHalf);
            produceJunk(crashing.topic, junk);
            JobClient crashingRun = run(crashing, crashing.job(TestSite.model(),
                    new FailingOnce(InfluxDbSink.of(URI.create(influx.url()), "crashing", RetentionPolicies.defaults()))));
            try {
                awaitUntil(Duration.ofSeconds(60), "the first half and the 04:00 hour",
                        () -> crashingDb.count("telemetry", "status") == firstHalf.size() && crashingDb.count("emissions", "mass_kg") == 4);
                awaitUntil(Duration.ofSeconds(30), "a checkpoint that covers the first half",
                        () -> committedOffsets(kafka, "crashing") == firstHalf.size() + junk.size());
                FailingOnce.ARMED.set(true);
                produce(crashing.topic, secondHalf);
                awaitUntil(Duration.ofSeconds(90), "every point after the crash",
                        () -> crashingDb.count("telemetry", "status") == readings && crashingDb.count("emissions", "mass_kg") == 8);
                assertThat(crashingRun.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            } finally {
                crashingRun.cancel().get();
            }
            assertThat(FailingOnce.FAILURES).as("the injected crash happened").hasValue(1);

            Map<String, Map<String, String>> expected = hours(referenceDb);
            assertThat(expected).as("CO2, CH4, N2O and CO2e of 04:00 and 05:00").hasSize(8);
            assertThat(expected.get(H5 + " CO2")).containsEntry("substituted", "true")
                    .containsEntry("substitution_tier", "EPA_PART98_BEST_AVAILABLE");
            assertThat(expected.get(H5 + " CO2e")).containsEntry("substituted", "true")
                    .containsEntry("substitution_tier", "EPA_PART98_BEST_AVAILABLE");
            assertThat(hours(crashingDb)).isEqualTo(expected);

            Set<String> letters = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : consumeAll(kafka, crashing.dlqTopic, Duration.ofSeconds(2))) {
                JsonNode letter = JSON.readTree(r.value());
                letters.add(letter.get("partition").asInt() + "@" + letter.get("offset").asLong());
            }
            assertThat(letters).as("distinct dead letters (the DLQ is at least once)").hasSize(junk.size());
            assertThat(crashingDb.count("telemetry", "status") + letters.size())
                    .as("messages in = telemetry points + dead letters").isEqualTo(readings + junk.size());
        }
    }

    private static void produceJunk(String topic, List<String> junk) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
            for (String text : junk) producer.send(new ProducerRecord<>(topic, FLOW, text.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /**
     * InfluxDB stopped for 60 s while readings come and an hour closes: the sink retries with backoff (it gives
     * up only after 2 minutes), and once influxd is back on the same port and data folder every point is there.
     */
    @Test
    void influxDbAwayForAMinuteLosesNothing(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        Path data = dir.resolve("influxdb");
        InfluxDbServer influx = InfluxDbServer.start(data, port, dir.resolve("influxd.log"), Duration.ofSeconds(30));
        try {
            JobCommand command = command("outage", influx.url(), dir.resolve("checkpoints"), TestSite.file());
            InfluxQueries db = new InfluxQueries(influx, "outage");
            List<Reading> before = readingsOf(H4, H4.plusSeconds(1800));
            List<Reading> during = new ArrayList<>(readingsOf(H4.plusSeconds(1800), H5.plusSeconds(60)));
            int all = before.size() + during.size();
            produce(command.topic, before);
            JobClient job = run(command, command.job(TestSite.model()));
            try {
                awaitUntil(Duration.ofSeconds(60), "the first half hour", () -> db.count("telemetry", "status") == before.size());
                influx.close();
                produce(command.topic, during);
                Thread.sleep(60_000);
                assertThat(job.getJobStatus().get()).as("waiting for InfluxDB, not failed").isEqualTo(JobStatus.RUNNING);
                influx = InfluxDbServer.start(data, port, dir.resolve("influxd-2.log"), Duration.ofSeconds(30));
                InfluxQueries back = new InfluxQueries(influx, "outage");
                awaitUntil(Duration.ofSeconds(60), "every point after InfluxDB came back",
                        () -> back.count("telemetry", "status") == all && back.count("emissions", "mass_kg") == 4);
                assertThat(back.count("emission_rate", "kg_per_h")).as("a rate per gas and CO2e for each minute to 05:00").isEqualTo(4 * 60);
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            } finally {
                job.cancel().get();
            }
        } finally {
            influx.close();
        }
    }
}
