package io.plumeline.core.retry;

import java.io.Serializable;
import java.time.Duration;

/**
 * Exponential backoff between retries, doubling from {@code first} up to {@code max}: the collector's reconnects and
 * its Kafka sends, and the job's InfluxDB writes all wait by it.
 */
public record Backoff(Duration first, Duration max) implements Serializable {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff from " + first + " up to " + max + ": need 0 < first ≤ max");
        }
    }

    /** The wait after {@code previous} (null: the first wait). */
    public Duration next(Duration previous) {
        if (previous == null) return first;
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
