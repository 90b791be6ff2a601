package io.plumeline.flink.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.SubstitutionPolicy.Tier;
import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.LineageRecompute;
import io.plumeline.core.lineage.LineageRecord;
import io.plumeline.flink.SourceSample;
import io.plumeline.flink.TestSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Part 75 CEMS whose stack flow monitor fails, in the operator harness (TestSite.part75Cems: Eq. F-11 with CO2 and
 * flow monitors, a 200 MW unit): hour validity (§75.10(d)(1)), the initial period (§75.31), the PMA tiers and Table 2
 * (§75.33), each hour's MODC (§75.57 Table 4a), and the lineage that recomputes the hour to the bit. Its history alternates two loads hour by hour, so that the hour before and the hour
 * after a gap are at another load than the gap: every fourth hour from the first at 150 MW (75 %, load range 8) and
 * 900,000 scf/h, the next at 50 MW (25 %, range 3) and 400,000, then 150 MW and 1,100,000, then 50 MW and 400,000;
 * CO2 10.0 % throughout. Each hour has one reading per quadrant of each tag (valid, 40 CFR 75.10(d)(1)).
 *
 * <p>By hand, Eq. F-11: 5.7e-7 × 10.0 % × Q scf/h = 5.7e-6 × Q short tons in the hour × 907.18474 kg: 1,000,000
 * scf/h → 5,170.953 kg; 400,000 → 2,068.381 kg; the maximum potential flow the source gives, 1,800,000 (not the tag's
 * valid.max of 2,000,000) → 9,307.715 kg.
 */
class Part75AccountingTest {

    private static final Instant H4 = Instant.parse("2026-11-26T04:00:00Z");
    private static final String SOURCE = "boiler-1.stack";
    private static final double KG_PER_SCFH = 5.7e-7 * 10.0 * 907.18474;
    /** Each reading holds its quadrant: a valid hour without gaps. */
    private static final Duration HOLD = Duration.ofMinutes(15);

    /** Every sample sent, per tag: the readings InfluxDB would hold. */
    private final Map<String, List<Sample>> sent = new HashMap<>();
    private final AccountingHarness harness = new AccountingHarness(new SourceHourAccounting(TestSite.part75Cems(),
            HOLD, Duration.ZERO));

    Part75AccountingTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /**
     * After the initial period (2,164 quality-assured hours, more than a flow's 2,160; PMA 100 %), four hours with no
     * valid flow, each a gap of at most 24 h: Table 2 takes the average of the latest 2,160 quality-assured hours at
     * the hour's load range — 540 hours each of the four kinds, so range 8's average is (900,000 + 1,100,000) / 2 =
     * 1,000,000 and range 3's 400,000 (Table 1's mean of the hours around the gap would be 400,000 for every one).
     * 110 MW (55 %, range 6) has no hour of its own nor of range 7: range 8's 1,000,000. 190 MW (95 %, range 10) has
     * none at or above it: the source's maximum potential flow.
     */
    @Test
    void aFlowGapIsFilledFromTheHoursAtItsLoadRange() throws Exception {
        history(H4, 2_164);
        double[] loads = {150, 110, 50, 190};
        for (int i = 0; i < loads.length; i++) hour(H4.plus(Duration.ofHours(i)), loads[i], null);

        assertThat(last(H4)).satisfies(r -> substituted(r, 1_000_000, Tier.LOAD_RANGE_AVERAGE, "11"));
        assertThat(last(H4.plus(Duration.ofHours(1)))).satisfies(r -> substituted(r, 1_000_000, Tier.LOAD_RANGE_AVERAGE, "11"));
        assertThat(last(H4.plus(Duration.ofHours(2)))).satisfies(r -> substituted(r, 400_000, Tier.LOAD_RANGE_AVERAGE, "11"));
        assertThat(last(H4.plus(Duration.ofHours(3)))).satisfies(r -> substituted(r, 1_800_000, Tier.MAXIMUM_POTENTIAL, "12"));
    }

    /**
     * In the initial period (§75.31(c), 8 hours of history): the average of the earlier hours at the load range —
     * range 8 had 900,000, 1,100,000, 900,000, 1,100,000: 1,000,000 (§75.57 Table 4a code 7(b)).
     */
    @Test
    void inTheInitialPeriodAFlowGapTakesTheAverageOfTheEarlierHoursAtItsLoadRange() throws Exception {
        history(H4, 8);
        hour(H4, 150, null);

        assertThat(last(H4)).satisfies(r -> substituted(r, 1_000_000, Tier.INITIAL_MEAN_OF_PREVIOUS, "07"));
    }

    /**
     * A twenty-minute gap inside a valid hour (each quadrant has readings: 04:15–04:20 in the second, 04:40–04:45 in
     * the third) is measured: its value, the average of its valid readings, holds for the whole hour. 1,000,000 scf/h
     * from 04:00 to 04:20 (120 readings), BAD to 04:40, 1,300,000 after (120): (120 × 1,000,000 + 120 × 1,300,000) / 240
     * = 1,150,000 scf/h → 5,946.596 kg, MODC 01.
     */
    @Test
    void aTwentyMinuteGapInAValidHourTakesTheAverageOfItsReadingsForTheWholeHour() throws Exception {
        history(H4, 8);
        readings(H4, H4.plusSeconds(20 * 60), 150, 1_000_000, null, null);
        readings(H4.plusSeconds(20 * 60), H4.plusSeconds(40 * 60), 150, 1_000_000, H4, H4.plus(Duration.ofHours(1)));
        readings(H4.plusSeconds(40 * 60), H4.plus(Duration.ofHours(1)), 150, 1_300_000, null, null);
        harness.watermark(H4.plus(Duration.ofHours(1)).toEpochMilli());

        assertThat(last(H4)).satisfies(r -> {
            assertThat(r.substitution()).isEqualTo(Tier.VALID_HOUR_AVERAGE.name());
            assertThat(r.modc()).isEqualTo("01");
            assertThat(r.emission().availabilityPct()).isCloseTo(100.0 * 40 / 60, within(1e-6));
            assertThat(r.emission().substitutedMin()).isCloseTo(20.0, within(1e-6));
            assertThat(r.emission().massKg()).isCloseTo(1_150_000 * KG_PER_SCFH, within(1e-3));
        });
        assertRecomputes(H4);
    }

    /**
     * An invalid hour (no valid flow reading from 04:15 to 04:35, so none in the second quadrant) in the initial period
     * is substituted whole: its own readings (1,200,000 before 04:15, 1,500,000 after 04:35) do not count, only the
     * average of the earlier hours at its load range, 1,000,000 (8 hours of the class comment), for the whole hour; its
     * availability is still that of its measured 40 minutes.
     */
    @Test
    void anInvalidHourIsSubstitutedWholeAndItsOwnReadingsDoNotCount() throws Exception {
        history(H4, 8);
        readings(H4, H4.plusSeconds(15 * 60), 150, 1_200_000, null, null);
        readings(H4.plusSeconds(15 * 60), H4.plus(Duration.ofHours(1)), 150, 1_500_000, H4, H4.plusSeconds(35 * 60));
        harness.watermark(H4.plus(Duration.ofHours(1)).toEpochMilli());

        assertThat(last(H4)).satisfies(r -> {
            substituted(r, 1_000_000, Tier.INITIAL_MEAN_OF_PREVIOUS, "07");
            assertThat(r.emission().availabilityPct()).isCloseTo(100.0 * 40 / 60, within(1e-6));
        });
        assertRecomputes(H4);
    }

    /**
     * §75.33 by a PMA of §75.32 Eq. 8 between 80 and 90 %: 2,700 operating hours at 150 MW (range 8), the flow at
     * 1,000,000 + 1,000 × (k mod 50) scf/h, every sixth hour's flow invalid (no reading in its second quadrant): 2,250
     * quality-assured (past a flow's 2,160), PMA 2,250 / 2,700 = 83.3 % → the maximum hourly value of the range in the
     * latest 2,160 quality-assured hours, 1,049,000 scf/h, MODC 10.
     */
    @Test
    void aPmaBetween80And90PercentTakesTheMaximumAtTheLoadRange() throws Exception {
        int hours = 2_700;
        for (int k = 0; k < hours; k++) {
            Instant h = H4.minus(Duration.ofHours(hours - k));
            for (int q = 0; q < 4; q++) {
                Instant t = h.plusSeconds(15 * 60L * q);
                sample("stackFlow", "boiler-1.stack_flow", t, k % 6 != 5 || q != 1 ? 1_000_000.0 + 1_000 * (k % 50) : null);
                sample("co2Concentration", "boiler-1.co2", t, 10.0);
                sample("load", "boiler-1.gross_load", t, 150.0);
            }
            harness.watermark(h.plus(Duration.ofHours(1)).toEpochMilli());
        }
        hour(H4, 150, null);

        assertThat(last(H4)).satisfies(r -> substituted(r, 1_049_000, Tier.MAXIMUM_LOOK_BACK, "10"));
    }

    /** A measured hour is the monitor's own: no load range enters it. */
    @Test
    void aValidHourIsMeasured() throws Exception {
        history(H4, 8);
        hour(H4, 150, 1_234_000.0);

        assertThat(last(H4)).satisfies(r -> {
            assertThat(r.substitution()).isNull();
            assertThat(r.modc()).isEqualTo("01");
            assertThat(r.emission().massKg()).isCloseTo(1_234_000 * KG_PER_SCFH, within(1e-3));
        });
    }

    private static void substituted(SourceHourResult r, double flowScfh, Tier tier, String modc) {
        assertThat(r.substitution()).isEqualTo(tier.name());
        assertThat(r.modc()).as("40 CFR 75.57 Table 4a").isEqualTo(modc);
        assertThat(r.emission().massKg()).isCloseTo(flowScfh * KG_PER_SCFH, within(1e-3));
    }

    /** {@code hours} valid hours ending at {@code end}, in the four-hour pattern of the class comment. */
    private void history(Instant end, int hours) throws Exception {
        for (int k = 0; k < hours; k++) {
            boolean high = k % 2 == 0;
            hour(end.minus(Duration.ofHours(hours - k)), high ? 150 : 50, high ? (k % 4 == 0 ? 900_000.0 : 1_100_000.0) : 400_000.0);
        }
    }

    /** One reading per quadrant of each tag, the flow BAD all hour when {@code flow} is null; then the hour's watermark. */
    private void hour(Instant h, double loadMw, Double flow) throws Exception {
        for (int q = 0; q < 4; q++) {
            Instant t = h.plusSeconds(15 * 60L * q);
            sample("stackFlow", "boiler-1.stack_flow", t, flow);
            sample("co2Concentration", "boiler-1.co2", t, 10.0);
            sample("load", "boiler-1.gross_load", t, loadMw);
        }
        harness.watermark(h.plus(Duration.ofHours(1)).toEpochMilli());
    }

    private void sample(String input, String tag, Instant ts, Double value) throws Exception {
        sent.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Sample(ts, value));
        harness.sample(new SourceSample(SOURCE, input, tag, ts, value, value == null ? "BAD" : "GOOD"));
    }

    /** Every 10 s through [from, to): the flow at {@code flow} (BAD from badFrom to badTo), CO2 10.0 %, the load. */
    private void readings(Instant from, Instant to, double loadMw, double flow, Instant badFrom, Instant badTo) throws Exception {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
            boolean bad = badFrom != null && !t.isBefore(badFrom) && t.isBefore(badTo);
            sample("stackFlow", "boiler-1.stack_flow", t, bad ? null : flow);
            sample("co2Concentration", "boiler-1.co2", t, 10.0);
            sample("load", "boiler-1.gross_load", t, loadMw);
        }
    }

    /** The hour's last computation, recomputed from its lineage record and the readings: the same rows to the bit. */
    private void assertRecomputes(Instant hourStart) throws Exception {
        List<SourceHourResult> hour = harness.results().stream().filter(r -> r.emission().hourStart().equals(hourStart)).toList();
        int gases = (int) hour.stream().map(r -> r.emission().gas()).distinct().count();
        List<SourceHourResult> last = hour.subList(hour.size() - gases, hour.size());
        LineageRecord record = LineageJson.read(last.get(0).lineage());
        assertThat(LineageRecompute.recompute(TestSite.part75Cems().yaml(), "test-site-part75-cems.yaml", record, sent).emissions())
                .isEqualTo(last.stream().map(SourceHourResult::emission).toList());
    }

    private SourceHourResult last(Instant hourStart) {
        List<SourceHourResult> co2 = harness.results().stream()
                .filter(r -> r.emission().gas().equals("CO2") && r.emission().hourStart().equals(hourStart)).toList();
        assertThat(co2).as("CO2 results of %s", hourStart).isNotEmpty();
        return co2.get(co2.size() - 1);
    }
}
