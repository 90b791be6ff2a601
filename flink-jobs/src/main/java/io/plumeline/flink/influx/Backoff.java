package io.plumeline.flink.influx;

import java.time.Duration;

/** Exponential backoff between retries, doubling from {@code first} up to {@code max}, for {@code giveUpAfter} in all. */
record Backoff(Duration first, Duration max, Duration giveUpAfter) {

    Duration next(Duration previous) {
        if (previous == null) return first;
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
