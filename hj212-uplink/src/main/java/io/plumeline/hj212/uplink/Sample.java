package io.plumeline.hj212.uplink;

import java.time.Instant;

/** One telemetry point of a tag (docs/contracts.md §3): its value is null unless the quality is GOOD. */
record Sample(String tag, Instant ts, Double value, String quality) {

    static final String GOOD = "GOOD";

    boolean good() {
        return GOOD.equals(quality) && value != null;
    }
}
