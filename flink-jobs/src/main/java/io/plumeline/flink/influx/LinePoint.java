package io.plumeline.flink.influx;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point in InfluxDB line protocol: {@code measurement,tag=v,... field=v,... timestamp-ns}. Tags are
 * written sorted by key (InfluxDB's preferred order); numbers always as floats, because a field's type is
 * fixed by its first write and {@code 12i} after {@code 12.0} would be refused.
 */
public final class LinePoint {

    private final String measurement;
    private final TreeMap<String, String> tags = new TreeMap<>();
    private final StringBuilder fields = new StringBuilder();
    private Instant timestamp;

    private LinePoint(String measurement) {
        this.measurement = measurement;
    }

    public static LinePoint measurement(String name) {
        return new LinePoint(requireText("measurement", name));
    }

    /** An empty or absent tag value is left out: line protocol has no empty tag, InfluxDB reads it as absent. */
    public LinePoint tag(String key, String value) {
        if (value != null && !value.isEmpty()) tags.put(requireText("tag key", key), requireSingleLine(key, value));
        return this;
    }

    /** A null value leaves the field out (a BAD reading has no value). */
    public LinePoint field(String key, Double value) {
        if (value == null) return this;
        if (!Double.isFinite(value)) throw new IllegalArgumentException("field " + key + ": not a finite number: " + value);
        return appendField(key, formatDouble(value));
    }

    public LinePoint field(String key, boolean value) {
        return appendField(key, Boolean.toString(value));
    }

    public LinePoint field(String key, String value) {
        if (value == null) return this;
        return appendField(key, '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }

    public LinePoint timestamp(Instant ts) {
        this.timestamp = ts;
        return this;
    }

    public String toLine() {
        if (fields.isEmpty()) throw new IllegalStateException(measurement + ": a point needs at least one field");
        if (timestamp == null) throw new IllegalStateException(measurement + ": a point needs a timestamp");
        StringBuilder line = new StringBuilder(escape(measurement, false));
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            line.append(',').append(escape(tag.getKey(), true)).append('=').append(escape(tag.getValue(), true));
        }
        line.append(' ').append(fields).append(' ').append(nanos(timestamp));
        return line.toString();
    }

    static long nanos(Instant ts) {
        return Math.addExact(Math.multiplyExact(ts.getEpochSecond(), 1_000_000_000L), ts.getNano());
    }

    private LinePoint appendField(String key, String value) {
        if (!fields.isEmpty()) fields.append(',');
        fields.append(escape(requireSingleLine("field key", requireText("field key", key)), true)).append('=').append(value);
        return this;
    }

    /** Whole numbers without an exponent or ".0" (still floats in line protocol: no {@code i} suffix). */
    public static String formatDouble(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return Double.toString(value);
    }

    /** Measurements escape commas and spaces; tag keys, tag values and field keys also escape '='. */
    private static String escape(String text, boolean equalsSign) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ' || (equalsSign && c == '=')) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    private static String requireText(String what, String text) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException(what + " is empty");
        return text;
    }

    /** A line break cannot be escaped in a measurement, tag or key: it would end the line. */
    private static String requireSingleLine(String what, String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + ": a line break cannot be written in line protocol: " + text);
        }
        return text;
    }
}
