package io.plumeline.reporting.api;

import java.time.Duration;
import java.time.Instant;

/** A half-open interval [from, to) of a query, already checked: from before to, both storable in InfluxDB. */
public record TimeRange(Instant from, Instant to) {

    public Duration length() {
        return Duration.between(from, to);
    }

    /** Refuses a range longer than {@code max}, naming the limit, so that one request cannot scan years of data. */
    public TimeRange atMost(Duration max, String why) {
        if (length().compareTo(max) > 0) {
            throw new BadParameterException("to", "the range from " + from + " to " + to + " is " + Durations.text(length())
                    + "; at most " + Durations.text(max) + " " + why);
        }
        return this;
    }
}
