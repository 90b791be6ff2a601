package io.plumeline.flink.telemetry;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * The gap records' time: none. They are about hours long past, so they must neither hold the hourly accounting's
 * event time back (an input that never sends a watermark would) nor move it (a gap record is no plant time): the
 * input is idle from its first periodic emit on, and the accounting's event time is the readings' alone. (The
 * final watermark of a bounded input still passes: tests' gaps sources end with their telemetry.)
 */
public class NoEventTime<T> implements WatermarkGenerator<T> {

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.markIdle();
    }
}
