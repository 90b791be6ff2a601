package io.plumeline.flink.telemetry;

import io.plumeline.core.telemetry.Reading;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of the telemetry, per Kafka partition (a backlog read on one partition does not make the others
 * late): the newest admitted reading, less the out-of-orderness bound. Only what the data says of plant time moves
 * it — a GOOD reading of a tag of this site that is not stamped ahead of the clocks ({@link ReadingAdmission}). A
 * BAD or UNCERTAIN reading moves it at most to the newest GOOD reading of its tag: a server that stamps its initial
 * {@code BadWaitingForInitialData} with the current time and then replays days-old data would otherwise make all of
 * that data late. A partition that has had no such reading for the idleness timeout, whatever else it carries, no
 * longer holds the others back.
 */
public final class ReadingWatermarks implements WatermarkStrategy<RawMessage> {

    /** The wall clock of the idleness timeout, in milliseconds; a test gives its own. */
    interface Clock extends Serializable {
        long millis();
    }

    private final ReadingAdmission admission;
    private final long outOfOrdernessMs;
    private final long idlenessMs;
    private final Clock clock;

    public ReadingWatermarks(ReadingAdmission admission, Duration outOfOrderness, Duration idleness) {
        this(admission, outOfOrderness, idleness, System::currentTimeMillis);
    }

    ReadingWatermarks(ReadingAdmission admission, Duration outOfOrderness, Duration idleness, Clock clock) {
        this.admission = admission;
        this.outOfOrdernessMs = outOfOrderness.toMillis();
        this.idlenessMs = idleness.toMillis();
        this.clock = clock;
    }

    @Override
    public TimestampAssigner<RawMessage> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return (message, kafkaTimestamp) -> message.reading() == null ? Long.MIN_VALUE : message.reading().ts().toEpochMilli();
    }

    @Override
    public WatermarkGenerator<RawMessage> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new Generator();
    }

    private final class Generator implements WatermarkGenerator<RawMessage> {

        private final Map<String, Long> newestGoodByTag = new HashMap<>();
        private long newest = Long.MIN_VALUE;
        private long lastTimeBearing = clock.millis();

        @Override
        public void onEvent(RawMessage message, long eventTimestamp, WatermarkOutput output) {
            if (admission.refusal(message) != null) return;
            Reading reading = message.reading();
            long ts = reading.ts().toEpochMilli();
            if (reading.isGood()) {
                newestGoodByTag.merge(reading.tag(), ts, Math::max);
            } else {
                Long good = newestGoodByTag.get(reading.tag());
                if (good == null) return;
                ts = Math.min(ts, good);
            }
            newest = Math.max(newest, ts);
            lastTimeBearing = clock.millis();
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (clock.millis() - lastTimeBearing >= idlenessMs) {
                output.markIdle();
            } else if (newest != Long.MIN_VALUE) {
                output.emitWatermark(new Watermark(newest - outOfOrdernessMs - 1));
            }
        }
    }
}
