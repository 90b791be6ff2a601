package io.plumeline.core.emissions;

import java.io.Serializable;
import java.util.function.LongConsumer;

/**
 * When an hour of the stream's accounting is computed and when its state goes, in event time (epoch ms): an hour
 * is first computed when the watermark passes its end, computed again while readings still come within the allowed
 * lateness, and closed after that; a reading for a closed hour is late and goes to the recompute from the stored
 * telemetry (docs/processes.md, "Late data"). The source-hours and the production chain keep their hours by it.
 */
public record HourSchedule(long allowedLatenessMs) implements Serializable {

    public static final long HOUR_MS = 3_600_000L;

    public HourSchedule {
        if (allowedLatenessMs < 0) throw new IllegalArgumentException("allowed lateness is negative: " + allowedLatenessMs);
    }

    /** The start of the UTC hour that holds {@code tsMs}. */
    public static long hourOf(long tsMs) {
        return Math.floorDiv(tsMs, HOUR_MS) * HOUR_MS;
    }

    /** The event time at which an hour is first computed: its end (event-time timers fire at watermark ≥ t). */
    public static long computeTime(long hourStart) {
        return hourStart + HOUR_MS - 1;
    }

    /** The event time after which the hour takes no more readings and its state goes. */
    public long closeTime(long hourStart) {
        return hourStart + HOUR_MS + allowedLatenessMs - 1;
    }

    /** Sets the hour's two timers through {@code register}: its computation and its close. */
    public void schedule(long hourStart, LongConsumer register) {
        register.accept(computeTime(hourStart));
        register.accept(closeTime(hourStart));
    }

    /** Whether a reading of the hour comes after its first result. */
    public static boolean computed(long hourStart, long watermark) {
        return watermark >= computeTime(hourStart);
    }

    /** Whether the hour's state is gone at this watermark. */
    public boolean closed(long hourStart, long watermark) {
        return watermark >= closeTime(hourStart);
    }

    /** The hour that a timer at {@code timer} computes. */
    public static long hourComputedAt(long timer) {
        return timer + 1 - HOUR_MS;
    }

    /** The hour whose state a timer at {@code timer} closes. */
    public long hourClosedAt(long timer) {
        return hourComputedAt(timer) - allowedLatenessMs;
    }
}
