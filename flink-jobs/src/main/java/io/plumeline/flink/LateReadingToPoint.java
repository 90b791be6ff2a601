package io.plumeline.flink;

import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import org.apache.flink.api.common.functions.MapFunction;

/** A reading too late for its hour as a point of {@code late_readings} at the reading's time, in the raw policy. */
public class LateReadingToPoint implements MapFunction<LateReading, InfluxPoint> {

    @Override
    public InfluxPoint map(LateReading late) {
        return InfluxPoint.raw(LinePoint.measurement("late_readings")
                .tag("site", late.site())
                .tag("tag", late.tag())
                .field("value", late.value())
                .field("quality", late.quality())
                .field("delay_s", late.delayS())
                .timestamp(late.ts())
                .toLine());
    }
}
