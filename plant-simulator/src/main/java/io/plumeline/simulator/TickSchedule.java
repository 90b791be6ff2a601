package io.plumeline.simulator;

import java.time.Instant;

/**
 * The wall-clock time of tick 0, from which tick k of a tag is due at {@code epoch + k × samplingMs}. Given
 * on the command line ({@code --epoch}) it is shared by a simulator and its restarted successor; otherwise it
 * is set when the ticker starts.
 */
final class TickSchedule {

    private volatile Instant epoch;

    TickSchedule(Instant epoch) {
        this.epoch = epoch;
    }

    /** The epoch, or {@code null} while the ticker has not fixed it. */
    Instant epoch() {
        return epoch;
    }

    boolean fixed() {
        return epoch != null;
    }

    void fix(Instant wallTimeOfTick0) {
        epoch = wallTimeOfTick0;
    }

    /** Wall time tick k of a tag with this sampling interval was (or will be) due. */
    Instant due(int samplingMs, long k) {
        return epoch.plusMillis(samplingMs * k);
    }
}
