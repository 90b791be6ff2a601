package io.plumeline.reporting.influx;

import java.time.Duration;
import java.time.Instant;

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

    /** An RFC 3339 time literal, written from an {@link Instant}, never from request text. */
    public static String time(Instant instant) {
        return "'" + instant + "'";
    }

    /** A duration literal for GROUP BY time(), in whole seconds. */
    public static String duration(Duration duration) {
        return duration.toSeconds() + "s";
    }
}
