package io.plumeline.flink;

import static io.plumeline.flink.KafkaClients.awaitUntil;
import static io.plumeline.flink.KafkaClients.producer;
import static io.plumeline.flink.KafkaClients.send;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.HHV;
import static io.plumeline.flink.TestSite.SITE;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A collector outage of six hours, through a real Kafka broker to a real influxd, the job wired by the command line:
 * its hours are first missing (filled by the program's rule), marked {@code backfill_pending} once the collector's
 * gap record comes, and corrected to what the backfill read back once its record comes.
 */
class CollectorGapTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    // recent, because InfluxDB refuses telemetry older than the raw retention (90 days)
    private static final Instant H0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
    private static final Instant OUTAGE_FROM = H0.plus(Duration.ofHours(2));
    private static final Instant OUTAGE_TO = H0.plus(Duration.ofHours(8));
    /**
     * 40 CFR 98 Eq. C-2a with Table C-1's 59.00 kg CO2/MMBtu for fuel gas: 1,500 Sm3/h × 38.5 MJ/Sm3 = 57,750 MJ
     * = 57.75 GJ / 1.055056 GJ/MMBtu = 54.736 MMBtu × 59.00 = 3,229.45 kg CO2 in an hour at the flow the backfill
     * read back.
     */
    private static final double BACKFILLED_HOUR_KG = 3_229.45;
    /** The same at the 1,200 Sm3/h of the hours around the outage: 2,583.56 kg. */
    private static final double LIVE_HOUR_KG = 2_583.56;

    private static void readings(KafkaProducer<String, byte[]> producer, String topic, Instant from, Instant to, double flow) {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
            send(producer, topic, reading(FLOW, t, flow, GOOD));
            if (t.getEpochSecond() % 60 == 0) send(producer, topic, reading(HHV, t, 38.5, GOOD));
        }
    }

    private static void record(KafkaProducer<String, byte[]> producer, String topic, String json) {
        producer.send(new ProducerRecord<>(topic, "dcs-1", json.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    /** The CO2 row of each hour, by hour start. */
    private static Map<Instant, Map<String, JsonNode>> co2(InfluxQueries db) {
        Map<Instant, Map<String, JsonNode>> rows = new TreeMap<>();
        for (Map<String, JsonNode> row : db.rows("SELECT * FROM \"forever\".\"emissions\" WHERE \"gas\" = 'CO2'")) {
            rows.put(Instant.parse(row.get("time").asText()), row);
        }
        return rows;
    }

    private static boolean outageHours(InfluxQueries db, Predicate<Map<String, JsonNode>> each) {
        if (db.count("emissions", "mass_kg") == 0) return false; // the sink makes the database with its first points
        Map<Instant, Map<String, JsonNode>> rows = co2(db);
        for (Instant h = OUTAGE_FROM; h.isBefore(OUTAGE_TO); h = h.plus(Duration.ofHours(1))) {
            if (!rows.containsKey(h) || !each.test(rows.get(h))) return false;
        }
        return true;
    }

    @Test
    void theHoursOfAnOutageAreMissingThenPendingThenCorrectedByItsBackfill(@TempDir Path dir) throws Exception {
        String name = "outage";
        try (KafkaBroker kafka = KafkaBroker.startTemporary(); InfluxDbServer influx = InfluxDbServer.startTemporary()) {
            kafka.createTopic(name + ".telemetry", 1);
            kafka.createTopic(name + ".gaps", 1);
            JobCommand command = new JobCommand();
            new CommandLine(command).parseArgs("--site", TestSite.file().toString(), "--kafka", kafka.bootstrapServers(),
                    "--influx", influx.url(), "--influx-db", name, "--topic", name + ".telemetry",
                    "--dlq-topic", name + ".dlq", "--gaps-topic", name + ".gaps", "--group-id", name,
                    "--idleness", "PT1S", "--recompute-delay", "PT1S", "--checkpoint-dir", dir.toString(),
                    "--checkpoint-interval", "PT1S");
            KafkaTopics.ensure(command.kafka, command.topic, command.dlqTopic);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(command.configuration());
            env.setParallelism(1);
            command.job(TestSite.model()).build(env);
            JobClient job = env.executeAsync(name);
            InfluxQueries db = new InfluxQueries(influx, name);
            try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                readings(producer, name + ".telemetry", H0, OUTAGE_FROM, 1200);
                readings(producer, name + ".telemetry", OUTAGE_TO, H0.plus(Duration.ofHours(9)).plusSeconds(30), 1200);
                producer.flush();
                awaitUntil(Duration.ofSeconds(120), "the outage's hours, as missing", () -> outageHours(db, row ->
                        row.get("substituted").asBoolean()));
                // the 01:59 HHV holds into 02:00 for the max hold of 5 min, to 02:04; the hours after have nothing
                assertThat(co2(db).get(OUTAGE_FROM).get("availability_pct").asDouble()).isCloseTo(100.0 * 4 / 60, within(1e-9));
                assertThat(co2(db).get(OUTAGE_FROM.plus(Duration.ofHours(1))).get("availability_pct").asDouble()).isZero();
                // §98.35(b)(1): the mean of the values before and after the gap, 1,200 on both sides
                assertThat(co2(db).get(OUTAGE_FROM).get("mass_kg").asDouble()).isCloseTo(LIVE_HOUR_KG, within(0.01));

                String id = "dcs-1/" + OUTAGE_FROM.minusSeconds(10);
                record(producer, name + ".gaps", "{\"v\":1,\"type\":\"gap\",\"id\":\"" + id + "\",\"site\":\"" + SITE
                        + "\",\"server\":\"dcs-1\",\"reason\":\"connection-lost\",\"from\":\"" + OUTAGE_FROM.minusSeconds(10)
                        + "\",\"to\":\"" + OUTAGE_TO + "\",\"noticedAt\":\"" + OUTAGE_FROM + "\",\"closedAt\":\"" + OUTAGE_TO
                        + "\",\"part\":1,\"parts\":1,\"tags\":[\"" + FLOW + "\",\"" + HHV + "\"]}");
                record(producer, name + ".gaps", "{not a gap record");
                awaitUntil(Duration.ofSeconds(60), "the outage's hours, backfill pending", () -> outageHours(db, row ->
                        row.get("backfill_pending").asBoolean()));

                readings(producer, name + ".telemetry", OUTAGE_FROM, OUTAGE_TO, 1500);
                producer.flush();
                record(producer, name + ".gaps", "{\"v\":1,\"type\":\"backfill\",\"id\":\"" + id + "\",\"site\":\"" + SITE
                        + "\",\"server\":\"dcs-1\",\"readings\":2520,\"historyUnsupportedCount\":0,\"failedCount\":0,"
                        + "\"interruptedCount\":0}");
                // the plant goes on: its readings move event time, which computes 07:00 again, still kept, with
                // the backfill's readings of it
                readings(producer, name + ".telemetry", H0.plus(Duration.ofHours(9)).plusSeconds(30),
                        H0.plus(Duration.ofHours(9)).plusSeconds(120), 1200);
                producer.flush();
                awaitUntil(Duration.ofSeconds(60), "the outage's hours, corrected", () -> outageHours(db, row ->
                        !row.get("backfill_pending").asBoolean() && row.get("availability_pct").asDouble() == 100));
            } finally {
                job.cancel().get();
            }
            Map<Instant, Map<String, JsonNode>> rows = co2(db);
            for (Instant h = OUTAGE_FROM; h.isBefore(OUTAGE_TO); h = h.plus(Duration.ofHours(1))) {
                assertThat(rows.get(h).get("mass_kg").asDouble()).as("%s", h).isCloseTo(BACKFILLED_HOUR_KG, within(0.01));
                assertThat(rows.get(h).get("substituted").asBoolean()).as("%s", h).isFalse();
                assertThat(rows.get(h).get("late_count").asDouble()).as("%s", h).isPositive();
            }
            assertThat(rows.get(H0).get("backfill_pending").asBoolean()).isFalse();
            List<JsonNode> letters = KafkaClients.consumeAll(kafka, name + ".dlq", Duration.ofSeconds(2)).stream()
                    .map(r -> readTree(r.value())).toList();
            assertThat(letters).singleElement().satisfies(l ->
                    assertThat(l.get("reason").asText()).startsWith("gap record: not JSON"));
        }
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
