package io.plumeline.flink.accounting;

import static io.plumeline.flink.TestSite.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.LineageRecord;
import io.plumeline.flink.SourceSample;
import io.plumeline.flink.TestSite;
import io.plumeline.flink.accounting.TelemetryArchive.ArchivedReading;
import io.plumeline.flink.telemetry.GapNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readings that come after their hour's state is gone (a backfill after a long outage, a replayed log): the hour is
 * computed again from the stored telemetry, once per burst, and overwrites the first result.
 *
 * <p>Worked example 4 of the emissions reference: 1,200 Nm3/h for an hour at 38.5 MJ/Nm3 = 46,200 MJ = 43.789 mmBtu
 * × 59.00 kg CO2/mmBtu = 2,583.56 kg. The outage here takes 04:30–05:00; the plant burnt 1,800 Nm3/h then, which the
 * backfill brings: 0.5 h × 1,200 + 0.5 h × 1,800 = 1,500 Nm3 → 1,500/1,200 × 2,583.56 = 3,229.45 kg. Before the
 * backfill the gap is filled with the last good value (§98.35(b)(2)): 1,200 Nm3, the worked example itself.
 */
class ArchiveRecomputeTest {

    private static final Instant H4 = Instant.parse("2026-11-26T04:00:00Z");
    private static final Instant H5 = H4.plus(Duration.ofHours(1));
    private static final double WORKED_EXAMPLE_KG = 46_200 / 1_055.056 * 59.00;
    private static final Duration DELAY = Duration.ofSeconds(30);

    private final InMemoryArchive archive = new InMemoryArchive();
    private AccountingHarness harness;

    private void open() throws Exception {
        harness = new AccountingHarness(new SourceHourAccounting(
                TestSite.model(), Duration.ofMinutes(5), Duration.ofHours(2), archive, DELAY));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** Flow every 10 s and HHV every minute through [from, to); {@code stored}: the sink has written them. */
    private void readings(Instant from, Instant to, double flow, boolean stored) throws Exception {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(10)) {
            send("fuelQuantity", TestSite.FLOW, t, flow, stored);
            if (t.getEpochSecond() % 60 == 0) send("hhv", TestSite.HHV, t, 38.5, stored);
        }
    }

    private void send(String input, String tag, Instant t, double value, boolean stored) throws Exception {
        if (stored) archive.stored.add(new ArchivedReading(tag, t, value, "GOOD"));
        harness.sample(new SourceSample(SOURCE, input, tag, t, value, "GOOD"));
    }

    private List<SourceHourResult> co2Of(Instant hour) {
        return harness.results().stream()
                .filter(r -> r.emission().gas().equals("CO2") && r.emission().hourStart().equals(hour)).toList();
    }

    @Test
    void aBackfillAfterTheAllowedLatenessComputesTheHourAgainFromTheArchiveOnce() throws Exception {
        open();
        readings(H4, H4.plusSeconds(1800), 1200, true);
        readings(H5, H5.plusSeconds(3600), 1200, true);
        harness.watermark(H5.plus(Duration.ofHours(3)).toEpochMilli());
        assertThat(co2Of(H4)).singleElement().satisfies(r -> {
            assertThat(r.emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
            assertThat(r.emission().availabilityPct()).isCloseTo(100.0 * 34 / 60, within(1e-9)); // the 04:29 HHV holds to 04:34
            assertThat(r.fromArchive()).isFalse();
        });
        String lineageId = co2Of(H4).get(0).emission().lineageId();

        // the backfill, 2 h 30 min after the hour closed: 180 flow and 30 HHV readings, not yet written by the sink
        readings(H4.plusSeconds(1800), H5, 1800, false);
        assertThat(harness.sideOutput(SourceHourAccounting.LATE)).as("still stored as late readings").hasSize(210);
        harness.processingTime(DELAY.toMillis() - 1);
        assertThat(co2Of(H4)).as("not before the delay: the burst gathers").hasSize(1);
        harness.processingTime(DELAY.toMillis());

        assertThat(co2Of(H4)).as("one recompute for the whole burst").hasSize(2).last().satisfies(r -> {
            assertThat(r.emission().massKg()).isCloseTo(1_500.0 / 1_200 * WORKED_EXAMPLE_KG, within(0.01));
            assertThat(r.emission().massKg()).isCloseTo(3_229.45, within(0.01));
            assertThat(r.emission().availabilityPct()).isCloseTo(100.0, within(1e-9));
            assertThat(r.emission().substitutedMin()).isZero();
            assertThat(r.lateCount()).isEqualTo(210);
            assertThat(r.fromArchive()).isTrue();
            assertThat(r.emission().lineageId()).as("overwrites the first result").isEqualTo(lineageId);
            LineageRecord record = LineageJson.read(r.lineage());
            assertThat(record.revision()).contains("210 readings came after the hour's allowed lateness (PT2H)")
                    .contains("stored telemetry");
            assertThat(record.input("fuelQuantity").orElseThrow().good()).isEqualTo(360);
        });
        assertThat(archive.reads).as("one read per source-hour touched: 04:00, and 05:00 that the last one holds into").isEqualTo(2);
        // 04:59:50 holds into 05:00 for 5 min: that hour was computed again too, with the backfilled value carried in
        assertThat(co2Of(H5)).hasSize(2).last().satisfies(r -> assertThat(r.fromArchive()).isTrue());
        assertThat(co2Of(H5).get(1).emission().massKg()).isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
    }

    @Test
    void aRecomputeTheArchiveCannotAnswerIsTriedAgainWithTheReadingsItWaitedWith() throws Exception {
        open();
        readings(H4, H4.plusSeconds(1800), 1200, true);
        harness.watermark(H5.plus(Duration.ofHours(3)).toEpochMilli());
        readings(H4.plusSeconds(1800), H5, 1800, false);
        archive.failNext = 1;
        harness.processingTime(DELAY.toMillis());
        assertThat(co2Of(H4)).as("the archive was down: nothing new yet").hasSize(1);
        harness.processingTime(DELAY.toMillis() * 2);
        assertThat(co2Of(H4)).hasSize(2).last().satisfies(r ->
                assertThat(r.emission().massKg()).isCloseTo(1_500.0 / 1_200 * WORKED_EXAMPLE_KG, within(0.01)));
    }

    /**
     * A collector gap from 04:30 to 06:10 (connection-lost): 04:00 and 05:00, closed, are computed again from the
     * archive as backfill pending, 06:00, still kept, at once; the backfill's readings come, then its
     * record, within the recompute delay of the readings: one recompute of each hour with both, no longer pending.
     */
    @Test
    void aCollectorGapMarksItsHoursPendingUntilItsBackfillIsDoneThenComputesThemAgain() throws Exception {
        open();
        readings(H4, H4.plusSeconds(1800), 1200, true);
        harness.watermark(H5.plus(Duration.ofHours(3)).toEpochMilli());
        Instant h6 = H5.plus(Duration.ofHours(1));
        GapNotice gap = new GapNotice(SOURCE, "dcs-1/g", H4.toEpochMilli(), h6.toEpochMilli(), false, "connection-lost");
        harness.gap(gap);
        harness.processingTime(DELAY.toMillis());
        assertThat(co2Of(H4)).hasSize(2).last().satisfies(r -> {
            assertThat(r.backfillPending()).isTrue();
            assertThat(r.emission().massKg()).as("what came so far").isCloseTo(WORKED_EXAMPLE_KG, within(0.01));
            assertThat(LineageJson.read(r.lineage()).revision())
                    .contains("collector gap dcs-1/g (connection-lost): backfill pending");
        });
        assertThat(co2Of(H5)).last().satisfies(r -> assertThat(r.backfillPending()).isTrue());
        assertThat(co2Of(h6)).as("kept: computed at once").hasSize(2).last().satisfies(r -> {
            assertThat(r.backfillPending()).isTrue();
            assertThat(r.fromArchive()).isFalse();
            assertThat(LineageJson.read(r.lineage()).revision())
                    .isEqualTo("collector gap dcs-1/g (connection-lost): backfill pending");
        });

        readings(H4.plusSeconds(1800), H5, 1800, true);
        harness.gap(new GapNotice(SOURCE, "dcs-1/g", gap.fromHour(), gap.toHour(), true, "210 readings read back"));
        harness.processingTime(DELAY.toMillis() * 2);
        // 04:30 to 05:00 at 1,800 instead of nothing: 1,500 Sm3/h over the hour on average
        assertThat(co2Of(H4)).as("one recompute for the readings and the record").hasSize(3).last().satisfies(r -> {
            assertThat(r.backfillPending()).isFalse();
            assertThat(r.emission().massKg()).isCloseTo(3_229.45, within(0.01));
            assertThat(r.lateCount()).isEqualTo(210);
            assertThat(LineageJson.read(r.lineage()).revision()).contains("210 readings came after")
                    .contains("backfill of collector gap dcs-1/g done: 210 readings read back");
        });
        assertThat(co2Of(H5)).last().satisfies(r -> assertThat(r.backfillPending()).isFalse());
        assertThat(co2Of(h6)).last().satisfies(r -> {
            assertThat(r.backfillPending()).isFalse();
            assertThat(LineageJson.read(r.lineage()).revision()).as("kept: from state, saying why")
                    .endsWith("backfill of collector gap dcs-1/g done: 210 readings read back");
        });
    }

    /** Two outages overlap 04:00: it stays pending until the backfill of both is done, whichever ends first. */
    @Test
    void anHourTwoGapsTouchIsPendingUntilBothBackfillsAreDone() throws Exception {
        open();
        readings(H4, H4.plusSeconds(1800), 1200, true);
        harness.watermark(H5.plus(Duration.ofHours(3)).toEpochMilli());
        long h4 = H4.toEpochMilli();
        harness.gap(new GapNotice(SOURCE, "dcs-1/a", h4, h4, false, "connection-lost"));
        harness.gap(new GapNotice(SOURCE, "dcs-2/b", h4, h4, false, "data-lost"));
        harness.gap(new GapNotice(SOURCE, "dcs-2/b", h4, h4, true, "12 readings read back"));
        harness.processingTime(DELAY.toMillis());
        assertThat(co2Of(H4)).last().satisfies(r -> assertThat(r.backfillPending()).as("dcs-1/a still reads back").isTrue());
        harness.gap(new GapNotice(SOURCE, "dcs-1/a", h4, h4, true, "40 readings read back"));
        harness.processingTime(DELAY.toMillis() * 2);
        assertThat(co2Of(H4)).last().satisfies(r -> assertThat(r.backfillPending()).isFalse());
    }
}
