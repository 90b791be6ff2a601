package io.plumeline.flink.accounting;

import static io.plumeline.flink.TestSite.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.OperatingHours;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.LineageRecompute;
import io.plumeline.core.lineage.LineageRecord;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.SourceSample;
import io.plumeline.flink.TestSite;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.sink.LineageToPoint;
import io.plumeline.flink.telemetry.LateReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hourly function in an operator harness: state, event-time timers and watermarks as in a job.
 * Worked example 4 of the emissions reference: 1,200 Nm3/h for an hour at 38.5 MJ/Nm3 = 46,200 MJ
 * = 43.789 mmBtu (1 mmBtu = 1,055.056 MJ); × 59.00 kg CO2/mmBtu (Table C-1, fuel gas) = 2,583.56 kg CO2.
 * CO2 is linear in the fuel: x Nm3 in the hour give x / 1,200 of that.
 */
class SourceHourAccountingTest {

    private static final Instant H4 = Instant.parse("2026-11-26T04:00:00Z");
    private static final Instant H5 = H4.plus(Duration.ofHours(1));
    private static final double WORKED_EXAMPLE_KG = 46_200 / 1_055.056 * 59.00;

    private AccountingHarness harness;
    /** Every sample sent, per tag: the readings InfluxDB would hold. */
    private final Map<String, List<Sample>> sent = new HashMap<>();

    private void open(SiteModelText site, Duration allowedLateness) throws Exception {
        SourceHourAccounting accounting = new SourceHourAccounting(site, Duration.ofMinutes(5), allowedLateness);
        harness = new AccountingHarness(accounting);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void sample(String input, Instant ts, Double value) throws Exception {
        String tag = input.equals("hhv") ? TestSite.HHV : TestSite.FLOW;
        sent.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Sample(ts, value));
        harness.sample(new SourceSample(SOURCE, input, tag, ts, value,
                value == null ? "BAD" : "GOOD"));
    }

    /** Flow every 10 s at {@code flow} and HHV every minute through [from, to), the flow BAD from badFrom (inclusive) to badTo. */
    private void hour(Instant from, Instant to, double flow, Instant badFrom, Instant badTo) throws Exception {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
            boolean bad = badFrom != null && !t.isBefore(badFrom) && t.isBefore(badTo);
            sample("fuelQuantity", t, bad ? null : flow);
            if (t.getEpochSecond() % 60 == 0) sample("hhv", t, 38.5);
        }
    }

    private void hour(Instant from, Instant to, Instant badFrom, Instant badTo) throws Exception {
        hour(from, to, 1200.0, badFrom, badTo);
    }

    private void watermark(Instant t) throws Exception {
        harness.watermark(t.toEpochMilli());
    }

    private List<SourceHourResult> results() {
        return harness.results();
    }

    private List<SourceHourResult> ofHour(Instant hourStart) {
        return results().stream().filter(r -> r.emission().hourStart().equals(hourStart)).toList();
    }

    private List<SourceHourResult> co2() {
        return ofGas("CO2");
    }

    private List<SourceHourResult> ofGas(String gas) {
        return results().stream().filter(r -> r.emission().gas().equals(gas)).toList();
    }

    /** The CO2e of the greenhouse gases of the last result of each, summed: what the CO2e row must hold. */
    private double lastCo2eOfTheGreenhouseGases() {
        return List.of("CO2", "CH4", "N2O").stream().mapToDouble(g -> ofGas(g).get(ofGas(g).size() - 1).emission().co2eKg()).sum();
    }

    @Test
    void anHourGivesOneResultPerGasWhenTheWatermarkPassesItsEnd() throws Exception {
        open(TestSite.model(), Duration.ZERO);
        hour(H4, H5, null, null);

        watermark(H5.minusMillis(2));
        assertThat(results()).isEmpty();

        watermark(H5.minusMillis(1));
        assertThat(results()).extracting(r -> r.emission().gas()).containsExactlyInAnyOrder("CO2", "CH4", "N2O", "CO2e");
        assertThat(co2()).singleElement().satisfies(r -> {
            HourlyEmission co2 = r.emission();
            assertThat(co2.source()).isEqualTo(SOURCE);
            assertThat(co2.unit()).isEqualTo("heater-1");
            assertThat(co2.method()).isEqualTo("EPA_C2A");
            assertThat(co2.hourStart()).isEqualTo(H4);
            assertThat(co2.massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01)).isCloseTo(2583.56, within(0.01));
            assertThat(co2.availabilityPct()).isCloseTo(100.0, within(1e-9));
            assertThat(r.substituted()).isFalse();
            assertThat(r.lateCount()).isZero();
        });

        // the total: CO2 + 28 × CH4 + 265 × N2O (AR5), a little more than the CO2 alone
        assertThat(ofGas(HourlyEmission.CO2E)).singleElement().satisfies(r -> {
            HourlyEmission total = r.emission();
            assertThat(total.massKg()).isEqualTo(total.co2eKg()).isCloseTo(lastCo2eOfTheGreenhouseGases(), within(1e-9))
                    .isGreaterThan(co2().get(0).emission().massKg());
            assertThat(total.hourStart()).isEqualTo(H4);
            assertThat(total.availabilityPct()).isCloseTo(100.0, within(1e-9));
            assertThat(total.lineageId()).isEqualTo(HourlyEmission.lineageId(TestSite.SITE, SOURCE, "CO2e", H4));
            assertThat(r.substituted()).isFalse();
        });

        watermark(H5.plusSeconds(7200));
        assertThat(ofHour(H4)).as("one result per gas and the CO2e total, once").hasSize(4);
    }

    @Test
    void theEndOfABoundedInputExpectsNoFurtherHour() throws Exception {
        open(TestSite.model(), Duration.ZERO);
        hour(H4, H5, null, null);
        harness.watermark(Long.MAX_VALUE);

        assertThat(results()).hasSize(4).allSatisfy(r -> assertThat(r.emission().hourStart()).isEqualTo(H4));
    }

    /**
     * A source that goes silent keeps a row every hour, filled under its program's rule (EPA_PART98): the flow by
     * §98.35(b)(2), the best available estimate (its last GOOD value, 1,200 Nm3/h), the HHV by §98.35(b)(1) with the
     * value before the gap only (38.5), since none after it is known; so each hour is the worked example again.
     */
    @Test
    void anHourInWhichTheSourceSentNothingHasARowFilledUnderTheProgramRule() throws Exception {
        open(TestSite.model(), Duration.ZERO);
        hour(H4, H5, null, null);
        // nothing after 04:59:50: its flow holds 5 min into 05:00 (max hold), 06:00 has nothing at all
        watermark(H5.plusSeconds(7200));

        assertThat(co2()).extracting(r -> r.emission().hourStart()).containsExactly(H4, H5, H5.plusSeconds(3600));
        // 05:00: the 04:59 HHV holds to 05:04 (the 04:59:50 flow to 05:04:50), so both are GOOD for 4 minutes
        assertThat(co2().get(1).emission().availabilityPct()).isCloseTo(100.0 * 4 / 60, within(1e-9));
        assertThat(co2().get(1).emission().substitutedMin()).isCloseTo(56, within(1e-9));
        assertThat(co2().get(1).emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
        assertThat(co2().get(1).substitution()).isEqualTo("EPA_PART98_BEST_AVAILABLE+EPA_PART98_MEAN_BEFORE_AFTER");
        assertThat(co2().get(1).modc()).as("no MODC outside Part 75").isNull();
        assertThat(co2().get(2).emission().availabilityPct()).isZero();
        assertThat(co2().get(2).emission().substitutedMin()).isCloseTo(60, within(1e-9));
        assertThat(co2().get(2).emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
        assertThat(ofHour(H5.plusSeconds(3600))).extracting(r -> r.emission().gas())
                .containsExactlyInAnyOrder("CO2", "CH4", "N2O", "CO2e");
    }

    @Test
    void aSilentHourOfASourceOutsideTheReportHasAnEmptyRow() throws Exception {
        open(TestSite.notReported(), Duration.ZERO);
        hour(H4, H5, null, null);
        watermark(H5.plusSeconds(7200));

        // 05:00: both tags GOOD for 4 minutes; the fuel counts over its own GOOD time, the 04:59:50 flow held to
        // 05:04:50: 1,200 Nm3/h for 4 min 50 s = 29/360 of the worked example; 06:00 nothing
        assertThat(co2().get(1).emission().availabilityPct()).isCloseTo(100.0 * 4 / 60, within(1e-9));
        assertThat(co2().get(1).emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG * 29 / 360, within(0.01));
        assertThat(co2().get(2).emission().availabilityPct()).isZero();
        assertThat(co2().get(2).emission().massKg()).isZero();
        assertThat(co2()).allSatisfy(r -> assertThat(r.substituted()).isFalse());
    }

    @Test
    void theLastSamplesOfAnHourCarryIntoTheNext() throws Exception {
        open(TestSite.model(), Duration.ZERO);
        hour(H4, H5, null, null);
        // the next hour's first samples come 50 s late; the 04:59:50 flow and 04:59 HHV hold until then
        hour(H5.plusSeconds(50), H5.plusSeconds(3600), null, null);
        watermark(H5.plusSeconds(3600));

        assertThat(co2()).hasSize(2).last().satisfies(r -> {
            assertThat(r.emission().hourStart()).isEqualTo(H5);
            assertThat(r.emission().availabilityPct()).isCloseTo(100.0, within(1e-9));
            assertThat(r.emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
        });
    }

    @Test
    void aTwentyMinuteBadGapOfAFlowIsFilledWithItsLastGoodValue() throws Exception {
        open(TestSite.model(), Duration.ZERO);
        hour(H4, H5, H4.plusSeconds(20 * 60), H4.plusSeconds(40 * 60));
        watermark(H5);

        assertThat(co2()).singleElement().satisfies(r -> {
            // 40 of 60 minutes GOOD = 66.7 %; §98.35(b)(2) fills the 20 minutes with 1,200 Nm3/h: the worked example
            assertThat(r.emission().availabilityPct()).isCloseTo(66.7, within(0.05));
            assertThat(r.emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
            assertThat(r.emission().substitutedMin()).isCloseTo(20, within(1e-9));
            assertThat(r.substitution()).isEqualTo("EPA_PART98_BEST_AVAILABLE");
        });
    }

    @Test
    void aTwentyMinuteBadGapOfASourceOutsideTheReportIsFlaggedByTheAvailabilityOnly() throws Exception {
        open(TestSite.notReported(), Duration.ZERO);
        hour(H4, H5, H4.plusSeconds(20 * 60), H4.plusSeconds(40 * 60));
        watermark(H5);

        assertThat(co2()).singleElement().satisfies(r -> {
            // 40 of 60 minutes GOOD = 66.7 %; the 800 Nm3 measured give 800/1,200 of the worked example
            assertThat(r.emission().availabilityPct()).isCloseTo(66.7, within(0.05));
            assertThat(r.emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG * 40 / 60, within(0.01));
            assertThat(r.emission().substitutedMin()).isZero();
            assertThat(r.substituted()).isFalse();
        });
    }

    /**
     * The backup meter is measured data of the same flow: it fills the primary's 20-minute gap where it is GOOD,
     * before any estimate. Primary 1,200 Nm3/h, BAD 04:20 to 04:40; backup 1,500 Nm3/h: 800 + 500 = 1,300 Nm3,
     * 1,300/1,200 of the worked example.
     */
    @Test
    void aBackupMeterFillsTheGapOfItsPrimary() throws Exception {
        open(TestSite.withBackupFlowMeter(), Duration.ZERO);
        hour(H4, H5, H4.plusSeconds(20 * 60), H4.plusSeconds(40 * 60));
        for (Instant t = H4; t.isBefore(H5); t = t.plusSeconds(10)) {
            harness.sample(new SourceSample(SOURCE,
                    HourlyEmissions.backupKey("fuelQuantity"), TestSite.BACKUP_FLOW, t,
                    1500.0, "GOOD"));
        }
        watermark(H5);

        assertThat(co2()).singleElement().satisfies(r -> {
            assertThat(r.emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG * 1300 / 1200, within(0.01));
            assertThat(r.emission().availabilityPct()).isCloseTo(66.7, within(0.05));
            assertThat(r.substitution()).isEqualTo("BACKUP_TAG");
        });
    }

    /**
     * §98.35(b)(1) takes the mean of the HHV before and after a gap. The HHV is BAD from 04:50 to 05:10: at 05:00
     * the value after is not known, so 04:00 is filled with the value before (38.5, the worked example); when 05:00
     * is computed, with 40.5 from 05:10, 04:00 is computed again with (38.5 + 40.5) / 2 = 39.5 for its last
     * 10 minutes: a mean HHV of (50 × 38.5 + 10 × 39.5) / 60 = 38.6667, so 38.6667 / 38.5 of the worked example.
     */
    @Test
    void anHourFilledWithoutTheValueAfterItsGapIsComputedAgainWhenTheNextHourBringsIt() throws Exception {
        open(TestSite.model(), Duration.ofHours(2));
        hhvGapFrom0450To0510(H4, H5);
        watermark(H5);
        assertThat(co2()).singleElement().satisfies(r -> assertThat(r.emission().massKg())
                .isCloseTo(WORKED_EXAMPLE_KG, within(0.01)));

        hhvGapFrom0450To0510(H5, H5.plusSeconds(3600));
        watermark(H5.plusSeconds(3600));
        assertThat(co2()).extracting(r -> r.emission().hourStart()).containsExactly(H4, H5, H4);
        SourceHourResult revised = co2().get(2);
        assertThat(revised.emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG * (2320.0 / 60) / 38.5, within(0.01));
        assertThat(revised.substitution()).isEqualTo("EPA_PART98_MEAN_BEFORE_AFTER");
        assertThat(LineageJson.read(revised.lineage()).missingData().get("hhv").firstAfter()).isEqualTo(40.5);
        // 05:00: 38.5 before its gap, 40.5 after: 39.5 for 10 minutes, 40.5 for 50: (395 + 2,025) / 60 = 40.3333
        assertThat(co2().get(1).emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG * (2420.0 / 60) / 38.5, within(0.01));
    }

    /** Flow 1,200 Nm3/h every 10 s and HHV every minute in [from, to): 38.5 before 04:50, BAD to 05:10, then 40.5. */
    private void hhvGapFrom0450To0510(Instant from, Instant to) throws Exception {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
            sample("fuelQuantity", t, 1200.0);
            if (t.getEpochSecond() % 60 != 0) continue;
            boolean bad = !t.isBefore(H4.plusSeconds(50 * 60)) && t.isBefore(H5.plusSeconds(10 * 60));
            sample("hhv", t, bad ? null : t.isBefore(H5) ? 38.5 : 40.5);
        }
    }

    /**
     * heater-1.stack names its run signal: shut down from 04:00 to 05:00 (the signal 0 every minute, no fuel or HHV
     * reading at all), the hour is a non-operating hour — 0 kg, nothing substituted, marked so — where without the
     * signal it would be a missing hour filled by §98.35(b). The hour before burned the worked example's fuel.
     */
    @Test
    void anHourTheRunSignalShowsShutDownIsANonOperatingHourNotAMissingOne() throws Exception {
        open(TestSite.withOperatingStatus(), Duration.ZERO);
        Instant h3 = H4.minus(Duration.ofHours(1));
        hour(h3, H4, null, null);
        for (Instant t = h3; t.isBefore(H5); t = t.plusSeconds(60)) {
            double running = t.isBefore(H4) ? 1 : 0;
            sent.computeIfAbsent(TestSite.RUNNING, k -> new ArrayList<>()).add(new Sample(t, running));
            harness.sample(new SourceSample(SOURCE, OperatingHours.STATUS_KEY, TestSite.RUNNING, t,
                    running, "GOOD"));
        }
        watermark(H5);

        assertThat(co2()).hasSize(2);
        assertThat(co2().get(0).operating()).isTrue();
        assertThat(co2().get(0).emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
        SourceHourResult off = co2().get(1);
        assertThat(off.emission().hourStart()).isEqualTo(H4);
        assertThat(off.operating()).isFalse();
        assertThat(off.emission().massKg()).isZero();
        assertThat(off.substituted()).isFalse();
        assertThat(off.emission().substitutedMin()).isZero();
        List<SourceHourResult> hour = results().stream().filter(r -> r.emission().hourStart().equals(H4)).toList();
        LineageRecord record = LineageJson.read(hour.get(0).lineage());
        assertThat(record.notOperating()).isTrue();
        assertThat(LineageRecompute.recompute(TestSite.withOperatingStatus().yaml(), "operating", record, sent).emissions())
                .isEqualTo(hour.stream().map(SourceHourResult::emission).toList());
    }

    /**
     * The first 04:xx result lacks the half hour that comes late (the 04:29:00 HHV holds to 04:34: 34 minutes
     * available); the late half (180 flow and 30 HHV samples) recomputes the same hour.
     */
    @Test
    void aLateReadingWithinTheAllowedLatenessRecomputesTheHour() throws Exception {
        open(TestSite.model(), Duration.ofHours(2));
        hour(H4, H4.plusSeconds(1800), null, null);
        hour(H5, H5.plusSeconds(600), null, null);
        watermark(H5.plusSeconds(600));
        assertThat(co2()).singleElement().satisfies(r -> {
            assertThat(r.emission().availabilityPct()).isCloseTo(100.0 * 34 / 60, within(1e-9));
            assertThat(r.lateCount()).isZero();
        });
        String lineage = co2().get(0).emission().lineageId();

        hour(H4.plusSeconds(1800), H5, null, null);
        assertThat(co2()).as("recomputed at the next watermark, once for the whole burst").hasSize(1);
        watermark(H5.plusSeconds(610));

        List<SourceHourResult> h4 = co2().stream().filter(r -> r.emission().hourStart().equals(H4)).toList();
        assertThat(h4).hasSize(2).last().satisfies(r -> {
            assertThat(r.emission().availabilityPct()).isCloseTo(100.0, within(1e-9));
            assertThat(r.emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
            assertThat(r.emission().lineageId()).isEqualTo(lineage);
            assertThat(r.lateCount()).isEqualTo(180 + 30);
        });
        assertThat(ofGas(HourlyEmission.CO2E)).as("the total is recomputed with its gases").hasSize(2).last()
                .satisfies(r -> {
                    assertThat(r.emission().massKg()).isCloseTo(lastCo2eOfTheGreenhouseGases(), within(1e-9));
                    assertThat(r.emission().availabilityPct()).isCloseTo(100.0, within(1e-9));
                    assertThat(r.lateCount()).isEqualTo(180 + 30);
                });
        assertThat(harness.sideOutput(SourceHourAccounting.LATE)).isNullOrEmpty();

        // each computation of the hour carries one record (on its first result, the one the job writes), to the same
        // series and time: the recomputed record overwrites the first in place
        List<SourceHourResult> all = results().stream().filter(r -> r.emission().hourStart().equals(H4)).toList();
        List<SourceHourResult> records = all.stream().filter(r -> r.lineage() != null).toList();
        assertThat(records).hasSize(2);
        List<InfluxPoint> points = new ArrayList<>();
        for (SourceHourResult r : records) points.add(new LineageToPoint().map(r));
        assertThat(points).extracting(p -> seriesAndTime(p.line())).containsOnly(seriesAndTime(points.get(0).line()));
        assertThat(LineageJson.read(records.get(1).lineage()).input("fuelQuantity").orElseThrow().good()).isEqualTo(360);
        assertThat(points).allSatisfy(p -> assertThat(p.line()).contains("record=\""));
    }

    /** A line's measurement and tags, and its timestamp: what InfluxDB keys a point by. */
    private static String seriesAndTime(String line) {
        return line.substring(0, line.indexOf(' ')) + " @" + line.substring(line.lastIndexOf(' ') + 1);
    }

    @Test
    void aReadingAfterTheAllowedLatenessIsStoredAsLateAndChangesNoHour() throws Exception {
        open(TestSite.model(), Duration.ofHours(2));
        hour(H4, H5, null, null);
        watermark(H5.plusSeconds(7200));
        assertThat(co2()).filteredOn(r -> r.emission().hourStart().equals(H4)).hasSize(1);

        sample("fuelQuantity", H4.plusSeconds(5), 9999.0);
        sample("fuelQuantity", H4.plusSeconds(7), null);
        watermark(H5.plusSeconds(3 * 3600));

        assertThat(co2()).filteredOn(r -> r.emission().hourStart().equals(H4)).hasSize(1);
        assertThat(harness.sideOutput(SourceHourAccounting.LATE)).extracting(StreamRecord::getValue)
                .containsExactly(
                        new LateReading(TestSite.SITE, TestSite.FLOW, H4.plusSeconds(5), 9999.0, "GOOD", 3 * 3600 - 5),
                        new LateReading(TestSite.SITE, TestSite.FLOW, H4.plusSeconds(7), null, "BAD", 3 * 3600 - 7));
    }
}
