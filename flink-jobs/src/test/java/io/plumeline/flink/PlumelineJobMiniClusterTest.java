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
import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.LineageRecord;
import io.plumeline.core.lineage.Sha256;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.influx.InfluxDbSink;
import io.plumeline.flink.influx.RetentionPolicies;
import io.plumeline.flink.telemetry.AdmitReadingTest;
import io.plumeline.flink.telemetry.DeadLetter;
import io.plumeline.flink.telemetry.RawMessage;
import io.plumeline.stack.InfluxDbServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job on a Flink MiniCluster with a real influxd, from a bounded source in place of Kafka (the
 * runs from a real broker are in {@link ReliabilityTest}).
 *
 * <p>Hand calculation of the hour both tests check (worked example 4 of the emissions reference): fuel gas
 * 1,200 Nm3/h for the whole hour at a measured HHV of 38.5 MJ/Nm3 → 1,200 × 38.5 = 46,200 MJ; / 1,055.056
 * MJ/mmBtu = 43.789 mmBtu; × 59.00 kg CO2/mmBtu (Table C-1, fuel gas) = 2,583.56 kg CO2, availability 100 %.
 */
class PlumelineJobMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    // 04:00 two days ago: recent, because InfluxDB refuses telemetry older than the raw retention (90 days)
    private static final Instant H4 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)).plus(Duration.ofHours(4));
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
        assertThat(db.rows("SELECT \"quality\", \"status\" FROM \"raw\".\"telemetry\" WHERE \"quality\" = 'BAD'"))
                .singleElement().satisfies(bad -> {
                    assertThat(bad.get("quality").asText()).isEqualTo("BAD");
                    assertThat(bad.get("status").asLong()).isEqualTo(BAD_SENSOR_FAILURE);
                });
    }

    private static void assertTheHourMatchesTheHandCalculation(InfluxQueries db) {
        assertThat(db.rows("SELECT * FROM \"forever\".\"emissions\"")).extracting(row -> row.get("gas").asText())
                .containsExactlyInAnyOrder("CO2", "CH4", "N2O", "CO2e");
        // AR5: CO2 + 28 × CH4 + 265 × N2O, with CH4 3.0e-3 and N2O 6.0e-4 kg/mmBtu (Table C-2) against 59.00 for CO2
        assertThat(db.rows("SELECT * FROM \"forever\".\"emissions\" WHERE \"gas\" = 'CO2e'")).singleElement().satisfies(row -> {
            assertThat(Instant.parse(row.get("time").asText())).isEqualTo(H4);
            assertThat(row.get("mass_kg").asDouble()).isCloseTo(HAND_CALCULATED_CO2_KG * (59.00 + 28 * 3.0e-3 + 265 * 6.0e-4) / 59.00,
                    within(0.01));
            assertThat(row.get("co2e_kg").asDouble()).isEqualTo(row.get("mass_kg").asDouble());
            assertThat(row.get("availability_pct").asDouble()).isCloseTo(100.0, within(1e-9));
            assertThat(row.get("substituted").asBoolean()).isFalse();
            assertThat(row.get("late_count").asDouble()).isZero();
        });
        assertThat(db.rows("SELECT * FROM \"forever\".\"emissions\" WHERE \"gas\" = 'CO2'")).singleElement().satisfies(row -> {
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
            assertThat(row.get("substituted").asBoolean()).isFalse();
            assertThat(row.get("substitution_tier").asText()).isEqualTo("none");
            assertThat(row.get("late_count").asDouble()).isZero();
            assertThat(row.get("lineage_id").asText()).startsWith(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHH")
                    .withZone(java.time.ZoneOffset.UTC).format(H4) + "-");
        });
        // one lineage point for the source-hour's four emissions points: 5 points in forever, not 8; found by the id of
        // any of its gases in the hour the id names
        assertThat(db.rows("SELECT * FROM \"forever\".\"lineage\"")).hasSize(1);
        for (Map<String, JsonNode> emission : db.rows("SELECT * FROM \"forever\".\"emissions\"")) {
            String id = emission.get("lineage_id").asText();
            assertThat(db.rows("SELECT * FROM \"forever\".\"lineage\" WHERE time = '" + H4 + "' AND \"lineage_ids\" =~ /"
                    + id + "/")).as("the lineage of %s", emission.get("gas")).singleElement().satisfies(row -> {
                        LineageRecord record = LineageJson.read(row.get("record").asText());
                        assertThat(row.get("source").asText()).isEqualTo(SOURCE);
                        assertThat(record.source()).isEqualTo(SOURCE);
                        assertThat(record.result(emission.get("gas").asText()).orElseThrow().lineageId()).isEqualTo(id);
                        assertThat(record.input("fuelQuantity").orElseThrow().good()).isEqualTo(360);
                        assertThat(record.input("hhv").orElseThrow().good()).isEqualTo(60);
                        assertThat(record.jobVersion()).isNotBlank().doesNotContain("${");
                        assertThat(record.siteModelSha256()).isEqualTo(Sha256.hex(TestSite.model().yaml()));
                    });
        }
    }

    /** Flow and HHV are constant: every minute's rate is the hand calculation's mass per hour. */
    private static void assertTheRateIsTheHandCalculationPerHourEachMinute(InfluxQueries db) {
        List<Map<String, JsonNode>> co2 = db.rows("SELECT * FROM \"raw\".\"emission_rate\" WHERE \"gas\" = 'CO2'");
        assertThat(co2).hasSize(60).allSatisfy(row -> {
            assertThat(row.get("source").asText()).isEqualTo(SOURCE);
            assertThat(row.get("unit").asText()).isEqualTo("heater-1");
            assertThat(row.get("kg_per_h").asDouble()).isCloseTo(HAND_CALCULATED_CO2_KG, within(0.01));
        });
        assertThat(co2.get(0).get("time").asText()).isEqualTo(H4.toString());
        assertThat(db.count("emission_rate", "kg_per_h")).as("CO2, CH4, N2O and CO2e each minute").isEqualTo(4 * 60);
    }

    /**
     * The limit of the test site: 10-minute rolling mean of the GOOD crude readings above 410, checked at the
     * end of each minute that has GOOD crude readings.
     */
    private static void assertTheCrudeFeedAlertsWhereItsAverageIsAboveTheLimit(InfluxQueries db, List<Reading> readings) {
        List<Instant> expected = new ArrayList<>();
        for (Instant end = H4.plusSeconds(60); !end.isAfter(H5.plusSeconds(600)); end = end.plusSeconds(60)) {
            Instant from = end.minusSeconds(600);
            Instant to = end;
            double[] sumCount = readings.stream().filter(r -> r.tag().equals(CRUDE) && r.isGood())
                    .filter(r -> !r.ts().isBefore(from) && r.ts().isBefore(to))
                    .map(r -> new double[] {r.value(), 1}).reduce(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            boolean lastMinuteHasReadings = readings.stream().anyMatch(r -> r.tag().equals(CRUDE) && r.isGood()
                    && !r.ts().isBefore(to.minusSeconds(60)) && r.ts().isBefore(to));
            if (lastMinuteHasReadings && sumCount[0] / sumCount[1] > 410) expected.add(end);
        }
        List<Map<String, JsonNode>> alerts = db.rows("SELECT * FROM \"forever\".\"alerts\"");
        assertThat(expected).isNotEmpty();
        assertThat(alerts).extracting(row -> Instant.parse(row.get("time").asText())).containsExactlyElementsOf(expected);
        assertThat(alerts).allSatisfy(row -> {
            assertThat(row.get("tag").asText()).isEqualTo(CRUDE);
            assertThat(row.get("limit").asText()).isEqualTo("PT10M:410");
            assertThat(row.get("max").asDouble()).isEqualTo(410.0);
            assertThat(row.get("value").asDouble()).isGreaterThan(410.0);
        });
    }

    @Test
    void boundedInputLandsInInfluxOnceAndBadMessagesBecomeDeadLetters() throws Exception {
        List<Reading> readings = anHourOfReadings();
        List<RawMessage> messages = new ArrayList<>();
        for (Reading r : readings) {
            messages.add(TestSite.message(r, messages.size()));
            if (messages.size() == 500) {
                messages.add(RawMessage.of("plumeline.telemetry", 0, 500, "{\"v\":1,".getBytes(StandardCharsets.UTF_8)));
                messages.add(TestSite.message(reading("heater-9.ghost", r.ts(), 1.0, GOOD), 501));
            }
        }
        InfluxQueries db = run(messages, "bounded");
        assertEveryReadingLandedOnce(db, readings);
        assertTheHourMatchesTheHandCalculation(db);
        assertTheRateIsTheHandCalculationPerHourEachMinute(db);
        assertTheCrudeFeedAlertsWhereItsAverageIsAboveTheLimit(db, readings);
        Map<Long, DeadLetter> letters = new HashMap<>();
        DeadLetterCollector.letters().forEach(l -> letters.put(l.offset(), l));
        assertThat(letters).containsOnlyKeys(500L, 501L);
        assertThat(letters.get(500L).reason()).startsWith("not JSON");
        assertThat(letters.get(500L).payload()).isEqualTo("{\"v\":1,");
        assertThat(letters.get(501L).reason()).isEqualTo("tag: 'heater-9.ghost' is not in the site model of test-refinery");
    }

    /**
     * Poison in the middle of the hour: a reading of the HHV tag stamped ten years ahead of the time it was sent
     * (before, it moved event time ten years on and made the rest of the hour late), OPC UA's MaxDateTime and
     * MinDateTime as ts, and a value of 1e300. Each is a dead letter with its reason; the job runs to its end
     * without a failure (a restart would show as a failed execute or as duplicate dead letters) and the hour is the
     * hand calculation's, every flow reading counted.
     */
    @Test
    void poisonReadingsAreDeadLettersAndMoveNoEventTime() throws Exception {
        List<Reading> readings = anHourOfReadings();
        List<RawMessage> messages = new ArrayList<>();
        for (Reading r : readings) {
            messages.add(TestSite.message(r, messages.size()));
            if (messages.size() == 300) {
                Instant sent = r.ts();
                messages.add(AdmitReadingTest.sentAt(reading(HHV, sent.plus(Duration.ofDays(3653)), 38.5, GOOD), sent, 1001));
                messages.add(json(1002, "9999-12-31T23:59:59Z", "1.0"));
                messages.add(json(1003, "1601-01-01T00:00:00Z", "1.0"));
                messages.add(json(1004, sent.toString(), "1e300"));
            }
        }
        InfluxQueries db = run(messages, "poison");
        assertEveryReadingLandedOnce(db, readings);
        assertTheHourMatchesTheHandCalculation(db);
        assertThat(db.rows("SELECT * FROM \"raw\".\"late_readings\"")).isEmpty();
        Map<Long, String> reasons = new HashMap<>();
        DeadLetterCollector.letters().forEach(l -> reasons.put(l.offset(), l.reason()));
        assertThat(reasons).containsOnlyKeys(1001L, 1002L, 1003L, 1004L);
        assertThat(reasons.get(1001L)).startsWith("ts: ").contains("ahead of the time received");
        assertThat(reasons.get(1002L)).startsWith("ts: 9999-12-31T23:59:59Z is not a plausible reading time");
        assertThat(reasons.get(1003L)).startsWith("ts: 1601-01-01T00:00:00Z is not a plausible reading time");
        assertThat(reasons.get(1004L)).startsWith("value: 1.0E300");
        assertThat(DeadLetterCollector.letters()).as("each once: no restart replayed them").hasSize(4);
    }

    /** The job over {@code messages} on the MiniCluster, into database {@code database}, dead letters collected. */
    private static InfluxQueries run(List<RawMessage> messages, String database) throws Exception {
        DeadLetterCollector.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(500);
        new PlumelineJob(TestSite.model(), PlumelineJob.Timing.defaults(), MessagesSource.of(messages),
                new DeadLetterCollector(), InfluxDbSink.of(java.net.URI.create(influx.url()), database, RetentionPolicies.defaults()))
                .build(env);
        env.execute(database);
        return new InfluxQueries(influx, database);
    }

    private static RawMessage json(long offset, String ts, String value) {
        return RawMessage.of("plumeline.telemetry", 0, offset, ("{\"v\":1,\"site\":\"" + TestSite.SITE + "\",\"tag\":\""
                + HHV + "\",\"ts\":\"" + ts + "\",\"value\":" + value + ",\"quality\":\"GOOD\",\"status\":0,\"seq\":1}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
