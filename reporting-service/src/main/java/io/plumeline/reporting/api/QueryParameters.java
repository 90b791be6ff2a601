package io.plumeline.reporting.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Parses the query parameters the endpoints share. Each refusal names the parameter and the value, and none
 * lets a value through that is not what it claims to be: times come back as {@link Instant}s, never as text.
 */
public final class QueryParameters {

    /** InfluxDB stores int64 nanoseconds since the epoch; outside this window its queries fail. */
    public static final Instant EARLIEST = Instant.parse("1677-09-22T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2262-04-11T00:00:00Z");

    private QueryParameters() {
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, "is required");
        }
        return value;
    }

    public static Instant instant(String name, String value) {
        required(name, value);
        Instant instant;
        try {
            instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value.strip(), Instant::from);
        } catch (DateTimeException e) {
            throw new BadParameterException(name, "'" + shorten(value)
                    + "' is not an ISO-8601 instant such as 2026-11-26T04:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadParameterException(name, value + " is outside the times InfluxDB can hold (" + EARLIEST
                    + " to " + LATEST + ")");
        }
        return instant;
    }

    /** A {@code limit} parameter: {@code fallback} when absent, else a whole number from 1 to {@code max}. */
    public static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException("limit", "'" + shorten(value) + "' is not a whole number (1 to " + max + ")");
        }
        if (n < 1 || n > max) {
            throw new BadParameterException("limit", "must be from 1 to " + max + ", found " + n);
        }
        return n;
    }

    public static TimeRange range(String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new BadParameterException("to", "must be after from (" + start + "), found " + end);
        }
        return new TimeRange(start, end);
    }

    /** A positive ISO-8601 duration of whole seconds, at least one second (PT1M, PT15S, P1D). */
    public static Duration step(String name, String value) {
        Duration step;
        try {
            step = Duration.parse(value.strip());
        } catch (DateTimeException e) {
            throw new BadParameterException(name, "'" + shorten(value) + "' is not an ISO-8601 duration such as PT1M");
        }
        if (step.compareTo(Duration.ofSeconds(1)) < 0 || step.getNano() != 0) {
            throw new BadParameterException(name, "must be a whole number of seconds, at least PT1S; found " + value);
        }
        return step;
    }

    /** Echoes a refused value without letting a huge one fill the response. */
    public static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
