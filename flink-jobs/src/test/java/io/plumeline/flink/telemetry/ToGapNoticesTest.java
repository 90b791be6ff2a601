package io.plumeline.flink.telemetry;

import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.HHV;
import static io.plumeline.flink.TestSite.SITE;
import static io.plumeline.flink.TestSite.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.telemetry.GapReport;
import io.plumeline.flink.TestSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gap's records, keyed by its id, as the hours of each source they touch, in an operator harness (keyed state). */
class ToGapNoticesTest {

    private static final Instant H4 = Instant.parse("2026-11-26T04:00:00Z");
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private KeyedOneInputStreamOperatorTestHarness<String, GapReport, GapNotice> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new ToGapNotices(TestSite.model())),
                GapReport::id, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void report(GapReport report) throws Exception {
        harness.processElement(new StreamRecord<>(report));
    }

    private static GapReport gap(Instant from, Instant to, String... tags) {
        return new GapReport(GapReport.Type.GAP, "dcs-1/g", SITE, "dcs-1", from, to, List.of(tags), "connection-lost");
    }

    private static GapReport backfill() {
        return new GapReport(GapReport.Type.BACKFILL, "dcs-1/g", SITE, "dcs-1", null, null, List.of(), "12 readings read back");
    }

    private List<GapNotice> notices() {
        return harness.extractOutputValues();
    }

    @Test
    void aGapMarksTheHoursOfTheSourcesItsTagsFeedUntilItsBackfillIsDone() throws Exception {
        // 04:40 to 06:00 exactly: the first reading after is the 06:00 one, so 06:00 lost nothing
        report(gap(H4.plusSeconds(40 * 60), H4.plus(Duration.ofHours(2)), FLOW, "cdu-1.unknown"));
        assertThat(notices()).containsExactly(
                new GapNotice(SOURCE, "dcs-1/g", H4.toEpochMilli(), H4.toEpochMilli() + HOUR, false, "connection-lost"));

        report(gap(H4.plusSeconds(40 * 60), H4.plus(Duration.ofHours(2)), HHV));
        assertThat(notices()).as("another part of the same gap and source, the same hours: nothing new").hasSize(1);

        report(backfill());
        assertThat(notices()).hasSize(2).last().isEqualTo(
                new GapNotice(SOURCE, "dcs-1/g", H4.toEpochMilli(), H4.toEpochMilli() + HOUR, true, "12 readings read back"));
        report(backfill());
        assertThat(notices()).as("the gap is forgotten once done").hasSize(2);
    }

    @Test
    void aGapPublishedAgainWithMoreHoursMarksThemToo() throws Exception {
        report(gap(H4, H4.plusSeconds(600), FLOW));
        report(gap(H4, H4.plus(Duration.ofHours(3)), FLOW));
        assertThat(notices()).extracting(GapNotice::toHour)
                .containsExactly(H4.toEpochMilli(), H4.toEpochMilli() + 2 * HOUR);
    }

    @Test
    void aGapOfOtherTagsOnlyOrAnUnknownBackfillTouchesNoHour() throws Exception {
        report(gap(H4, H4.plusSeconds(600), "cdu-1.unknown"));
        report(backfill());
        assertThat(notices()).isEmpty();
    }

    @Test
    void aGapWhoseTagWasSilentForAMonthMarksTheWeekUpToItsEnd() throws Exception {
        Instant end = H4.plusSeconds(600);
        report(gap(H4.minus(Duration.ofDays(30)), end, FLOW));
        assertThat(notices()).singleElement().satisfies(n -> {
            assertThat(n.toHour()).isEqualTo(H4.toEpochMilli());
            assertThat(n.fromHour()).isEqualTo(H4.toEpochMilli() - (ToGapNotices.MAX_HOURS - 1) * HOUR);
        });
    }
}
