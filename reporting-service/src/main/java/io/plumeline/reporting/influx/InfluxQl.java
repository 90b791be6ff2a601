package io.plumeline.reporting.influx;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Literals for InfluxQL. Request values are checked against the site model before they get here; these
 * still escape, so that a value can never end a literal and start a clause of its own.
 */
public final class InfluxQl {

    private InfluxQl() {
    }

    /** A single-quoted string literal (tag values in WHERE). */
    public static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A double-quoted identifier (measurement, tag and field keys). */
    public static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Keys as a SELECT or GROUP BY list, {@code "value", "quality"}: the queries name keys through
     * {@code io.plumeline.core.contracts.Keys} (docs/contracts.md), never as text of their own.
     */
    public static String fields(String... keys) {
        return Arrays.stream(keys).map(InfluxQl::identifier).collect(Collectors.joining(", "));
    }

    /** A key equal to a string literal, {@code "site" = 'plant-1'}, for WHERE. */
    public static String is(String key, String value) {
        return identifier(key) + " = " + string(value);
    }

    /** An RFC 3339 time literal, written from an {@link Instant}, never from request text. */
    public static String time(Instant instant) {
        return "'" + instant + "'";
    }

    /** A duration literal for GROUP BY time(), in whole seconds. */
    public static String duration(Duration duration) {
        return duration.toSeconds() + "s";
    }
}
