package io.plumeline.flink.live;

import static io.plumeline.flink.TestSite.CRUDE;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.BAD_SENSOR_FAILURE;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.TestSite;
import io.plumeline.flink.influx.InfluxPoint;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The test site's limit: the crude feed's 10-minute average at most 410 t/h. */
class LimitCheckTest {

    private static final Instant H4 = Instant.parse("2026-11-26T04:00:00Z");

    @Test
    void theRollingAverageIsCheckedAtEachMinuteEndAndBadReadingsDoNotCount() throws Exception {
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<String, Reading, InfluxPoint>(
                new KeyedProcessOperator<>(new LimitCheck(TestSite.model())), Reading::tag, Types.STRING)) {
            harness.open();
            // 9 minutes at 400, then one at 500: mean 410 is not above the max; a BAD reading at 0 changes nothing
            for (int m = 0; m < 10; m++) {
                Instant t = H4.plusSeconds(60L * m);
                harness.processElement(new StreamRecord<>(reading(CRUDE, t, m == 9 ? 500.0 : 400.0, GOOD), t.toEpochMilli()));
            }
            harness.processElement(new StreamRecord<>(reading(CRUDE, H4.plusSeconds(545), null, BAD_SENSOR_FAILURE)));
            harness.processWatermark(H4.plusSeconds(600).toEpochMilli());
            assertThat(harness.extractOutputValues()).isEmpty();

            // 04:10 at 420: the window 04:01–04:10 holds 8 × 400, 500, 420 → 412 > 410 at 04:11
            Instant t = H4.plusSeconds(600);
            harness.processElement(new StreamRecord<>(reading(CRUDE, t, 420.0, GOOD), t.toEpochMilli()));
            harness.processWatermark(H4.plusSeconds(660).toEpochMilli());

            assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
                assertThat(p.retentionPolicy()).isEqualTo(InfluxPoint.FOREVER);
                assertThat(p.line()).isEqualTo("alerts,limit=PT10M:410,site=test-refinery,tag=cdu-1.crude\\ feed\\,a\\=b"
                        + " value=412,max=410 " + H4.plusSeconds(660).toEpochMilli() * 1_000_000);
            });

            // a silent tag is not checked on what is left of its period (which alone would average 460)
            harness.processWatermark(H4.plusSeconds(3600).toEpochMilli());
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }
}
