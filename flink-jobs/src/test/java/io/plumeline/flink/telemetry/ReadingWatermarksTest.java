package io.plumeline.flink.telemetry;

import static io.plumeline.flink.TestSite.BAD_SENSOR_FAILURE;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.HHV;
import static io.plumeline.flink.TestSite.message;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.TestSite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** Event time moves only with what the plant's GOOD data says of plant time. */
class ReadingWatermarksTest {

    private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
    private static final Instant TWO_DAYS_AGO = NOW.minus(Duration.ofDays(2));
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final AtomicLong WALL = new AtomicLong();

    private final ReadingWatermarks strategy = new ReadingWatermarks(
            new ReadingAdmission(TestSite.model(), Duration.ofMinutes(5)), BOUND, Duration.ofSeconds(30), WALL::get);
    private final WatermarkGenerator<RawMessage> generator = strategy.createWatermarkGenerator(null);
    private final Output output = new Output();

    private static final class Output implements WatermarkOutput {
        Long watermark;
        boolean idle;

        @Override
        public void emitWatermark(Watermark w) {
            watermark = w.getTimestamp();
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }

    private void send(RawMessage message) {
        generator.onEvent(message, 0, output);
    }

    private Long watermark() {
        generator.onPeriodicEmit(output);
        return output.watermark;
    }

    private static long expected(Instant newest) {
        return newest.toEpochMilli() - BOUND.toMillis() - 1;
    }

    @Test
    void aGoodReadingMovesEventTimeToItsTsLessTheBound() {
        send(message(reading(FLOW, NOW, 1.0, GOOD), 1));

        assertThat(watermark()).isEqualTo(expected(NOW));
    }

    @Test
    void initialBadValuesStampedNowDoNotMakeReplayedDataLate() {
        // a server's BadWaitingForInitialData stamped "now", then its logged data of two days ago
        send(message(reading(FLOW, NOW, null, BAD_SENSOR_FAILURE), 1));
        send(message(reading(HHV, NOW, null, BAD_SENSOR_FAILURE), 2));
        assertThat(watermark()).isNull();

        send(message(reading(FLOW, TWO_DAYS_AGO, 1200.0, GOOD), 3));
        assertThat(watermark()).isEqualTo(expected(TWO_DAYS_AGO));

        // a BAD reading moves time no further than its tag's newest GOOD one
        send(message(reading(FLOW, NOW, null, BAD_SENSOR_FAILURE), 4));
        send(message(reading(FLOW, TWO_DAYS_AGO.minusSeconds(60), null, BAD_SENSOR_FAILURE), 5));
        assertThat(watermark()).isEqualTo(expected(TWO_DAYS_AGO));
    }

    @Test
    void readingsOfOtherSitesUnknownTagsClocksAheadOrUnreadableMoveNoTime() {
        Instant future = NOW.plus(Duration.ofDays(3653));
        send(message(reading(FLOW, TWO_DAYS_AGO, 1.0, GOOD), 1));
        send(message(reading("heater-9.ghost", future, 1.0, GOOD), 2));
        send(message(Reading.of("other-site", FLOW, future, 1.0, GOOD, future, 3), 3));
        send(AdmitReadingTest.sentAt(reading(HHV, future, 38.5, GOOD), NOW, 4));
        send(RawMessage.of("plumeline.telemetry", 0, 5, "{\"v\":1,".getBytes(StandardCharsets.UTF_8)));

        assertThat(watermark()).isEqualTo(expected(TWO_DAYS_AGO));
    }

    @Test
    void aPartitionWithoutTimeBearingReadingsGoesIdleAndComesBackWithItsNextGoodReading() {
        WALL.set(0);
        ReadingWatermarks fresh = new ReadingWatermarks(new ReadingAdmission(TestSite.model(), Duration.ofMinutes(5)),
                BOUND, Duration.ofSeconds(30), WALL::get);
        WatermarkGenerator<RawMessage> gen = fresh.createWatermarkGenerator(null);
        gen.onEvent(message(reading(FLOW, NOW, 1.0, GOOD), 1), 0, output);
        WALL.set(29_000);
        gen.onEvent(message(reading(HHV, NOW.plusSeconds(1), null, BAD_SENSOR_FAILURE), 2), 0, output);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isFalse();

        // only BAD readings of a tag never GOOD for 30 s: idle, though messages keep coming
        WALL.set(30_000);
        gen.onEvent(message(reading(HHV, NOW.plusSeconds(2), null, BAD_SENSOR_FAILURE), 3), 0, output);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();

        gen.onEvent(message(reading(FLOW, NOW.plusSeconds(3), 1.0, GOOD), 4), 0, output);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isFalse();
        assertThat(output.watermark).isEqualTo(expected(NOW.plusSeconds(3)));
    }

    @Test
    void aMessageIsStampedWithItsReadingsTsAndARefusedOneWithTheMinimum() {
        var assigner = strategy.createTimestampAssigner(null);

        assertThat(assigner.extractTimestamp(message(reading(FLOW, NOW, 1.0, GOOD), 1), 99L)).isEqualTo(NOW.toEpochMilli());
        assertThat(assigner.extractTimestamp(RawMessage.of("plumeline.telemetry", 0, 2,
                "{\"v\":1,".getBytes(StandardCharsets.UTF_8)), 99L)).isEqualTo(Long.MIN_VALUE);
    }
}
