package io.plumeline.flink.influx;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Measurement;
import java.time.Instant;
import java.util.Arrays;

/**
 * One point in InfluxDB line protocol: {@code measurement,tag=v,... field=v,... timestamp-ns}. Tags are
 * written sorted by key (InfluxDB's preferred order); numbers always as floats, because a field's type is
 * fixed by its first write and {@code 12i} after {@code 12.0} would be refused.
 */
public final class LinePoint {

    private final String measurement;
    private final Measurement.Retention retention;
    // A point has a handful of tags: two arrays kept sorted by insertion cost less than a map per point.
    private String[] tagKeys = new String[4];
    private String[] tagValues = new String[4];
    private int tagCount;
    private final StringBuilder fields = new StringBuilder(64);
    private Instant timestamp;

    private LinePoint(String measurement, Measurement.Retention retention) {
        this.measurement = measurement;
        this.retention = retention;
    }

    /** A point of one of the contract's measurements, written to that measurement's retention policy. */
    public static LinePoint of(Measurement measurement) {
        return new LinePoint(measurement.id(), measurement.retention());
    }

    /** A point of any measurement, for tools that write their own; {@link #toPoint()} needs {@link #of}. */
    public static LinePoint measurement(String name) {
        return new LinePoint(requireText("measurement", name), null);
    }

    /**
     * An empty or absent tag value is left out: line protocol has no empty tag, InfluxDB reads it as absent.
     * A key given twice keeps its last value.
     */
    public LinePoint tag(String key, String value) {
        if (value == null || value.isEmpty()) return this;
        requireText("tag key", key);
        requireSingleLine(key, value);
        int at = tagCount;
        while (at > 0 && tagKeys[at - 1].compareTo(key) >= 0) at--;
        if (at < tagCount && tagKeys[at].equals(key)) {
            tagValues[at] = value;
            return this;
        }
        if (tagCount == tagKeys.length) {
            tagKeys = Arrays.copyOf(tagKeys, tagCount * 2);
            tagValues = Arrays.copyOf(tagValues, tagCount * 2);
        }
        System.arraycopy(tagKeys, at, tagKeys, at + 1, tagCount - at);
        System.arraycopy(tagValues, at, tagValues, at + 1, tagCount - at);
        tagKeys[at] = key;
        tagValues[at] = value;
        tagCount++;
        return this;
    }

    /** A null value leaves the field out (a BAD reading has no value). */
    public LinePoint field(String key, Double value) {
        if (value == null) return this;
        if (!Double.isFinite(value)) throw new IllegalArgumentException("field " + key + ": not a finite number: " + value);
        appendFieldKey(key);
        appendDouble(fields, value);
        return this;
    }

    public LinePoint field(String key, boolean value) {
        appendFieldKey(key);
        fields.append(value);
        return this;
    }

    public LinePoint field(String key, String value) {
        if (value == null) return this;
        appendFieldKey(key);
        fields.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') fields.append('\\');
            fields.append(c);
        }
        fields.append('"');
        return this;
    }

    public LinePoint timestamp(Instant ts) {
        this.timestamp = ts;
        return this;
    }

    /** The line with the retention policy of its measurement. */
    public InfluxPoint toPoint() {
        if (retention == null) throw new IllegalStateException(measurement + ": not a measurement of the contract, no retention policy");
        return new InfluxPoint(retention.policy(), toLine());
    }

    public String toLine() {
        if (fields.isEmpty()) throw new IllegalStateException(measurement + ": a point needs at least one field");
        if (timestamp == null) throw new IllegalStateException(measurement + ": a point needs a timestamp");
        StringBuilder line = new StringBuilder(measurement.length() + fields.length() + 24 + 24 * tagCount);
        escape(line, measurement, false);
        for (int i = 0; i < tagCount; i++) {
            escape(line.append(','), tagKeys[i], true);
            escape(line.append('='), tagValues[i], true);
        }
        line.append(' ').append(fields).append(' ').append(InfluxQl.nanos(timestamp));
        return line.toString();
    }

    private void appendFieldKey(String key) {
        requireSingleLine("field key", requireText("field key", key));
        if (!fields.isEmpty()) fields.append(',');
        escape(fields, key, true);
        fields.append('=');
    }

    /** Whole numbers without an exponent or ".0" (still floats in line protocol: no {@code i} suffix). */
    public static String formatDouble(double value) {
        return appendDouble(new StringBuilder(24), value).toString();
    }

    private static StringBuilder appendDouble(StringBuilder out, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return out.append((long) value);
        return out.append(value);
    }

    /** Measurements escape commas and spaces; tag keys, tag values and field keys also escape '='. */
    private static void escape(StringBuilder out, String text, boolean equalsSign) {
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first), equalsSign)) first++;
        // most names need nothing escaped: copied whole rather than char by char
        if (first == text.length()) {
            out.append(text);
            return;
        }
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c, equalsSign)) out.append('\\');
            out.append(c);
        }
    }

    private static boolean needsEscape(char c, boolean equalsSign) {
        return c == ',' || c == ' ' || (equalsSign && c == '=');
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
