package io.plumeline.core.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The literals of InfluxQL, for every module that queries the contract's measurements. Values are checked
 * against the site model before they get here; these still escape, so that a value can never end a literal and
 * start a clause of its own.
 */
public final class InfluxQl {

    private InfluxQl() {
    }

    /** A single-quoted string literal (tag values in WHERE). */
    public static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A double-quoted identifier (database, retention policy, measurement, tag and field keys). */
    public static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Identifiers separated by commas, as in a SELECT or GROUP BY list. */
    public static String identifiers(String... names) {
        return Arrays.stream(names).map(InfluxQl::identifier).collect(Collectors.joining(", "));
    }

    /** A measurement in its retention policy: {@code "raw"."telemetry"}. */
    public static String qualified(Measurement measurement) {
        return identifier(measurement.retention().policy()) + "." + identifier(measurement.id());
    }

    /** {@code "key" = 'value'}, the tag condition of a WHERE. */
    public static String is(String key, String value) {
        return identifier(key) + " = " + string(value);
    }

    /** An RFC 3339 time literal, written from an {@link Instant}, never from request text. */
    public static String time(Instant instant) {
        return "'" + instant + "'";
    }

    /** A time literal in epoch nanoseconds, exact to the nanosecond where RFC 3339 text would round-trip too. */
    public static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** A duration literal for GROUP BY time(), in whole seconds. */
    public static String duration(Duration duration) {
        return duration.toSeconds() + "s";
    }
}
