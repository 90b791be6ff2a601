package io.plumeline.simulator;

import java.time.Instant;

/**
 * Source time of tick k of a tag: {@code start + k × samplingMs × speed}, cut to the 100 ns that an
 * OPC UA DateTime holds, so the value computed for a tick is the value of the timestamp a client receives.
 */
public record SourceClock(Instant start, double speed) {

    private static final long DATETIME_RESOLUTION_NANOS = 100;

    public Instant sourceTime(int samplingMs, long tick) {
        long nanos = Math.round(tick * (double) samplingMs * speed * 1e6);
        return start.plusNanos(nanos - Math.floorMod(nanos, DATETIME_RESOLUTION_NANOS));
    }
}
