package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's outage acceptance point through the real pipeline ({@link Pipeline}): the edge collector is stopped for
 * six hours of plant time and started again on its spool, publishes a {@code collector-restart} gap and reads the
 * outage back from the simulator with HistoryRead (docs/processes.md, "Gaps and backfill"). The job records the
 * outage's hours as missing, then corrects them to what the backfill brought ("Gaps the collectors report"). The
 * month's report approved during the outage (revision 1) and generated again afterwards (revision 2) differ by the
 * hours the backfill and the live readings since brought, each the hand value (docs/reports.md, the diff).
 *
 * <p>The simulator runs {@value #SPEED}× with tags sampled every {@value #SAMPLING_MS} ms: a tick every 72 s of plant
 * time, 50 an hour and one exactly on each hour, and six hours of plant time in 30 s of wall time. The fuel flow is
 * 1,200 Nm3/h throughout; the HHV is 40.0 MJ/Nm3 in the even hours from the start and 38.0 in the odd ones (a step
 * of period 2 h), so that an outage hour filled with the §98.35(b) mean of the values around the gap is off.
 */
class CollectorOutageSystemTest {

    private static final int SPEED = 720;
    private static final int SAMPLING_MS = 100;
    /** 3,600 s / (100 ms × 720) = 3,600 s / 72 s. */
    private static final int TICKS_PER_HOUR = 50;
    private static final Duration OUTAGE = Duration.ofHours(6);
    /** The job's default, named so that the test knows which hours the job no longer keeps when the outage ends. */
    private static final Duration ALLOWED_LATENESS = Duration.ofHours(2);
    /**
     * Long enough that an hour recomputed from the archive shows its first, missing state for many polls; short
     * enough for the test's wall time (the default is 30 s).
     */
    private static final Duration RECOMPUTE_DELAY = Duration.ofSeconds(10);
    /**
     * On the hour; three days back, so that plant time, 719 s ahead each wall second, stays in the past for six
     * minutes of ticking, long after the test (a reading stamped ahead of the clock would be a dead letter).
     */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
    private static final Pattern TICK_ZERO = Pattern.compile("Tick 0 at wall time (\\S+) and source time");
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static Pipeline pipeline;

    // By hand, 40 CFR 98.33 Eq. C-2a with Table C-1's 59.00 kg CO2/mmBtu for fuel gas, 1 mmBtu = 1,055.05585 MJ:
    //   fuel: 50 GOOD ticks of 1,200 Nm3/h, each held the 72 s to the next = 1,200 Nm3 in every whole hour;
    //   even hour, HHV 40.0: 1,200 × 40.0 = 48,000 MJ / 1,055.05585 = 45.495222 mmBtu × 59.00 = 2,684.2181 kg;
    //   odd hour,  HHV 38.0: 1,200 × 38.0 = 45,600 MJ / 1,055.05585 = 43.220461 mmBtu × 59.00 = 2,550.0072 kg.
    // (An hour filled with the mean of 40.0 and 38.0, 39.0 MJ/Nm3, would be 2,617.1126 kg.)
    private static double expectedKg(Instant hour) {
        return Duration.between(START, hour).toHours() % 2 == 0 ? 2_684.2181 : 2_550.0072;
    }

    @BeforeAll
    static void startThePipeline() throws Exception {
        pipeline = Pipeline.start(Services.ROOT.resolve("system-tests/target/collector-outage"), opcPort -> """
                apiVersion: plumeline/v1
                site: {id: outage, name: Collector outage, timezone: America/Chicago, program: EPA_PART98, gwp: AR5}
                servers:
                  - {id: sim, endpoint: "opc.tcp://127.0.0.1:%d/plumeline"}
                units:
                  - {id: boiler, name: Boiler}
                tags:
                  - {id: boiler.fuel_gas_flow, unit: boiler, server: sim, node: "nsu=urn:test:plant;s=Boiler/FuelGasFlow", uom: Nm3/h, samplingMs: %d, valid: {min: 0, max: 5000}}
                  - {id: boiler.fuel_gas_hhv, unit: boiler, server: sim, node: "nsu=urn:test:plant;s=Boiler/FuelGasHHV", uom: MJ/Nm3, samplingMs: %d, valid: {min: 30, max: 50}}
                sources:
                  - {id: boiler.stack, unit: boiler, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                     inputs: {fuelQuantity: boiler.fuel_gas_flow, hhv: boiler.fuel_gas_hhv}}
                """.formatted(opcPort, SAMPLING_MS, SAMPLING_MS), """
                boiler.fuel_gas_flow: {shape: constant, value: 1200}
                boiler.fuel_gas_hhv: {shape: step, high: 40.0, low: 38.0, periodS: 7200, duty: 0.5}
                """, List.of("--allowed-lateness", ALLOWED_LATENESS.toString(), "--recompute-delay", RECOMPUTE_DELAY.toString()),
                "--speed", String.valueOf(SPEED), "--start", START.toString());
    }

    @AfterAll
    static void stopThePipeline() throws Exception {
        if (pipeline == null) return;
        System.out.println("CollectorOutageSystemTest stages: " + pipeline.stages());
        pipeline.close();
    }

    @Test
    void theHoursOfASixHourOutageAreMissingUntilTheBackfillCorrectsThem() throws IOException {
        HourStates states = new HourStates();
        pipeline.stage("Two hours before the outage", () -> Api.await(Duration.ofSeconds(120),
                () -> poll(states) && states.latest(START.plus(Duration.ofHours(1))) != null,
                () -> "the CO2 of the first two hours; " + states + "\nlogs under " + pipeline.logs()));
        Instant tickZero = tickZeroWallTime();
        pipeline.stage("Collector stop", pipeline::stopCollector);
        Instant stopped = plantTime(tickZero);
        Instant resume = stopped.plus(OUTAGE);
        // revision 1 of the month's report, approved while the outage's hours have no readings
        String period = YearMonth.from(stopped.atZone(ZONE)).toString();
        JsonNode[] revision1 = new JsonNode[1];
        pipeline.stage("Report revision 1", () -> revision1[0] = approved(period));
        pipeline.stage("Six hours of plant time", () -> Api.await(Duration.ofSeconds(60),
                () -> !plantTime(tickZero).isBefore(resume), () -> "plant time " + resume));
        pipeline.stage("Collector start again", pipeline::startCollector);

        RestartGap[] gap = new RestartGap[1];
        pipeline.stage("Outage hours final", () -> Api.await(Duration.ofSeconds(150), () -> {
            poll(states);
            gap[0] = RestartGap.in(pipeline.collectorLog()).orElse(null);
            return gap[0] != null && gap[0].hours().allMatch(h -> isFinal(states.latest(h)));
        }, () -> "every hour of the collector's restart gap " + gap[0] + " with 100 % availability and its backfill"
                + " done; " + states + "\nlogs under " + pipeline.logs()));
        System.out.println("CollectorOutageSystemTest: " + gap[0] + "; " + states);
        RestartGap outage = gap[0];
        assertThat(Duration.between(outage.from(), outage.to())).as("the readings' gap: the collector was stopped for %s", OUTAGE)
                .isGreaterThanOrEqualTo(OUTAGE);

        // (a) the hours the job no longer kept when readings came again (their end plus the allowed lateness, and
        // a tick's margin, before them) were first written without the outage's readings: missing (filled by
        // §98.35) or backfill pending, for at least the recompute delay. The backfill reads the outage oldest first,
        // alongside the live readings, so its first hours may reach the job before the live readings move the
        // watermark past them: those are first seen whole, with the hand value. Only such a leading run may be whole;
        // the later hours, whose backfill surely came after the live readings, must have been seen missing first.
        // Those the job kept may change within a second, which a poll can miss; their states are printed above.
        List<Instant> dropped = outage.hours().filter(h -> h.plus(Duration.ofHours(1)).plus(ALLOWED_LATENESS)
                .plus(Duration.ofMinutes(5)).isBefore(outage.to())).toList();
        int wholeFirst = 0;
        while (wholeFirst < dropped.size() && isWhole(states.of(dropped.get(wholeFirst)).get(0), dropped.get(wholeFirst))) {
            wholeFirst++;
        }
        assertThat(dropped.size() - wholeFirst).as("outage hours first seen missing, of %s; %s", dropped, states)
                .isPositive();
        dropped.subList(wholeFirst, dropped.size()).forEach(h -> {
            JsonNode first = states.of(h).get(0);
            boolean missing = first.path("availabilityPct").asDouble() < 100 && first.path("substituted").asBoolean();
            assertThat(missing || first.path("backfillPending").asBoolean())
                    .as("first state seen of %s, %s: missing or backfill pending; %s", h, first, states).isTrue();
        });

        // the report generated again is revision 2, and its diff against revision 1 is the hours the backfill and
        // the live readings since brought: each the hand value, all of the outage's among them
        JsonNode revision2 = approved(period);
        assertThat(revision2.path("revision").asInt()).isEqualTo(2);
        JsonNode diff = pipeline.api.get("/api/v1/reports/" + revision2.path("id").asText() + "/diff");
        int hours1 = sourceHours(revision1[0]), hours2 = sourceHours(revision2);
        Instant first = firstHourOf(period);
        // Revision 1 holds nothing after the stop, and revision 2 at least the hours wholly inside the six-hour outage
        // (bounded by the stop's plant time, which is what an approval made during the outage can hold).
        String counts = "revision 1 " + hours1 + " h, revision 2 " + hours2 + " h from " + first + "; stopped at plant time "
                + stopped + ", " + outage;
        assertThat(first.plus(Duration.ofHours(hours1)).isAfter(stopped)).as("revision 1 ends before the stop; %s", counts)
                .isFalse();
        assertThat(hours2 - hours1).as("hours revision 2 adds; %s", counts).isGreaterThanOrEqualTo((int) OUTAGE.toHours() - 1);
        assertThat(first.plus(Duration.ofHours(hours2)).isAfter(outage.lastHour()))
                .as("revision 2 holds every outage hour; %s", counts).isTrue();
        JsonNode co2 = StreamSupport.stream(diff.path("changes").spliterator(), false)
                .filter(c -> c.path("gas").asText().equals("CO2")).findFirst().orElseThrow(() -> new AssertionError(diff.toString()));
        assertThat(co2.at("/before/massKg").asDouble()).as("revision 1: %s", diff).isCloseTo(handKg(first, 0, hours1), within(1e-2));
        assertThat(co2.at("/change/massKg").asDouble()).as("the change: %s", diff)
                .isCloseTo(handKg(first, hours1, hours2), within(1e-2));

        // (b), (c) every hour, live or in the outage, is the hand value, none substituted or pending any more
        for (Instant h = START; !h.isAfter(outage.lastHour()); h = h.plus(Duration.ofHours(1))) {
            JsonNode row = states.latest(h);
            assertThat(row).as("row of %s", h).isNotNull();
            assertThat(row.path("massKg").asDouble()).as("CO2 of %s: %s", h, row).isCloseTo(expectedKg(h), within(1e-3));
            assertThat(row.path("availabilityPct").asDouble()).as("%s", row).isEqualTo(100.0);
            assertThat(row.path("substituted").asBoolean()).as("%s", row).isFalse();
            assertThat(row.path("backfillPending").asBoolean()).as("%s", row).isFalse();
        }

        // every tick up to the end of the gap's last hour is stored once: 50 an hour per tag, all GOOD
        long hours = Duration.between(START, outage.lastHour()).toHours() + 1;
        for (String tag : List.of("boiler.fuel_gas_flow", "boiler.fuel_gas_hhv")) {
            JsonNode points = pipeline.api.get("/api/v1/telemetry?tag=" + tag + "&from=" + START + "&to="
                    + outage.lastHour().plus(Duration.ofHours(1))).path("points");
            assertThat(points.size()).as(tag).isEqualTo((int) hours * TICKS_PER_HOUR);
            assertThat(StreamSupport.stream(points.spliterator(), false)).as(tag)
                    .allSatisfy(p -> assertThat(p.path("quality").asText()).isEqualTo("GOOD"));
        }

        // (b) the outage hours that ended before readings came again count the readings the backfill brought late,
        // and their lineage says why; checked last, so that a failure here leaves every other check made
        Map<Instant, String> revisions = new TreeMap<>();
        outage.hours().filter(h -> h.isBefore(outage.lastHour())).forEach(h -> {
            JsonNode row = states.latest(h);
            assertThat(row.path("lateCount").asInt()).as("late readings of %s: %s", h, row).isPositive();
            revisions.put(h, pipeline.api.get("/api/v1/lineage/" + row.path("lineageId").asText()).at("/record/revision").asText());
        });
        System.out.println("CollectorOutageSystemTest: lineage revisions " + revisions);
        assertThat(revisions).as("lineage revision per outage hour (docs/processes.md, \"Gaps the collectors report\": a kept"
                + " hour too is written with the gap in its revision, which says what the backfill recovered); %s", states)
                .allSatisfy((h, revision) -> assertThat(revision).as("%s", h).contains("backfill of collector gap " + outage.id() + " done"));
    }

    /** Generates the period's report as {@code compliance} and approves it as {@code reviewer} (the four-eyes rule). */
    private static JsonNode approved(String period) {
        String id = pipeline.api.post("/api/v1/reports?period=" + period, "compliance").path("id").asText();
        return pipeline.api.post("/api/v1/reports/" + id + "/approve", "reviewer");
    }

    /** The boiler's hours in a stored report (its one source). */
    private static int sourceHours(JsonNode summary) {
        JsonNode report = pipeline.api.get("/api/v1/reports/" + summary.path("id").asText());
        return report.at("/content/bySource/0/hours").asInt();
    }

    /** The period's first hour with readings: its local midnight, or the run's start when that is later. */
    private static Instant firstHourOf(String period) {
        Instant midnight = YearMonth.parse(period).atDay(1).atStartOfDay(ZONE).toInstant();
        return midnight.isAfter(START) ? midnight : START;
    }

    /** The hand values of the hours {@code from} to {@code to} (exclusive) counted from {@code first}. */
    private static double handKg(Instant first, int from, int to) {
        double kg = 0;
        for (int h = from; h < to; h++) kg += expectedKg(first.plus(Duration.ofHours(h)));
        return kg;
    }

    /** Records the CO2 rows of the run's first day; true, so that it can lead a condition. */
    private static boolean poll(HourStates states) {
        states.record(pipeline.api.get("/api/v1/emissions?source=boiler.stack&gas=CO2&interval=PT1H&from=" + START
                + "&to=" + START.plus(Duration.ofDays(1))).path("rows"));
        return true;
    }

    /** An hour with all its readings and the hand value: what a backfill that beat the live readings leaves. */
    private static boolean isWhole(JsonNode row, Instant hour) {
        return isFinal(row) && !row.path("substituted").asBoolean()
                && Math.abs(row.path("massKg").asDouble() - expectedKg(hour)) < 1e-3;
    }

    private static boolean isFinal(JsonNode row) {
        return row != null && row.path("availabilityPct").asDouble() == 100.0
                && row.has("backfillPending") && !row.path("backfillPending").asBoolean();
    }

    private static Instant tickZeroWallTime() throws IOException {
        Matcher m = TICK_ZERO.matcher(Files.readString(pipeline.logs().resolve("plant-simulator.log")));
        assertThat(m.find()).as("the simulator logs the wall time of its tick 0").isTrue();
        return Instant.parse(m.group(1));
    }

    /** The simulator's source time now: its clock runs {@value #SPEED}× from tick 0. */
    private static Instant plantTime(Instant tickZero) {
        return START.plus(Duration.between(tickZero, Instant.now()).multipliedBy(SPEED));
    }

    /** The gap the restarted collector published, as its log says (docs/processes.md, "Gaps and backfill"). */
    record RestartGap(String id, Instant from, Instant to) {

        private static final Pattern LINE = Pattern.compile("gap (\\S+) \\(collector-restart\\) from (\\S+) to (\\S+) over");

        static Optional<RestartGap> in(Path log) {
            try {
                Matcher m = LINE.matcher(Files.readString(log));
                return m.find() ? Optional.of(new RestartGap(m.group(1), Instant.parse(m.group(2)), Instant.parse(m.group(3))))
                        : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Instant firstHour() {
            return from.truncatedTo(ChronoUnit.HOURS);
        }

        /** The hour readings came again in. */
        Instant lastHour() {
            return to.truncatedTo(ChronoUnit.HOURS);
        }

        /** The hours the gap touched, as the job marks them (from {@code from}'s hour to {@code to}'s). */
        Stream<Instant> hours() {
            return Stream.iterate(firstHour(), h -> !h.isAfter(lastHour()), h -> h.plus(Duration.ofHours(1)));
        }
    }
}
