package io.plumeline.simulator.profile;

import java.time.Duration;

/** What one tag serves: its shape plus its own deterministic noise. */
public record TagProfile(String tagId, Profile shape, Noise noise) {

    public double valueAt(Duration elapsed) {
        long nanos = elapsed.toNanos();
        return shape.valueAt(nanos / 1e9) + noise.at(nanos);
    }
}
