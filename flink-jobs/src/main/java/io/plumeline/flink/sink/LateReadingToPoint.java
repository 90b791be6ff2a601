package io.plumeline.flink.sink;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import io.plumeline.flink.telemetry.LateReading;
import org.apache.flink.api.common.functions.MapFunction;

/** A reading too late for its hour as a point of {@code late_readings} at the reading's time, in the raw policy. */
public class LateReadingToPoint implements MapFunction<LateReading, InfluxPoint> {

    @Override
    public InfluxPoint map(LateReading late) {
        return LinePoint.of(Measurement.LATE_READINGS)
                .tag(Keys.SITE, late.site())
                .tag(Keys.TAG, late.tag())
                .field(Keys.VALUE, late.value())
                .field(Keys.QUALITY, late.quality())
                .field(Keys.DELAY_S, late.delayS())
                .timestamp(late.ts())
                .toPoint();
    }
}
