package io.plumeline.core.emissions;

import java.time.Instant;

/** One reading of an input as the accounting sees it: a value from {@code ts} on, or null when it was not GOOD. */
public record Sample(Instant ts, Double value) {

    public boolean isGood() {
        return value != null;
    }
}
