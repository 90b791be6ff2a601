package io.plumeline.flink.influx;

import static io.plumeline.core.contracts.InfluxQl.identifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.RecordRetention;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three retention policies of a Plumeline database: {@code raw} (telemetry, late readings, live rates) for
 * the configured period in one-day shards, so expiry drops whole days; {@code record} (a copy of the telemetry of the
 * tags a reportable source reads) for the program's record-keeping period in one-week shards
 * ({@link RecordRetention}); and {@code forever} (hourly results, alerts) without limit and the default, so a write
 * that forgets its policy keeps its data. Decides the InfluxQL that brings a database's policies there from what
 * {@code SHOW RETENTION POLICIES} answers.
 */
public record RetentionPolicies(Duration raw, Duration record) implements Serializable {

    static final Duration RAW_SHARD = Duration.ofDays(1);
    static final Duration RECORD_SHARD = Duration.ofDays(7);
    private static final String RECORD = Measurement.Retention.RECORD.policy();
    private static final Pattern GO_DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+(?:\\.\\d+)?)s)?");

    public RetentionPolicies {
        if (raw == null || raw.compareTo(RAW_SHARD) < 0) {
            throw new IllegalArgumentException("telemetry retention must be at least one day (the shard duration of '"
                    + InfluxPoint.RAW + "'), found " + raw);
        }
        if (record == null || record.compareTo(raw) < 0 || record.compareTo(RECORD_SHARD) < 0) {
            throw new IllegalArgumentException("record retention must be at least the telemetry retention (" + raw
                    + ") and a week (the shard duration of '" + RECORD + "'), found " + record);
        }
    }

    /** {@code raw} with the record kept for Part 98's three years, or as long as {@code raw} when that is longer. */
    public RetentionPolicies(Duration raw) {
        this(raw, raw == null || raw.compareTo(RecordRetention.ofProgram("EPA_PART98")) < 0
                ? RecordRetention.ofProgram("EPA_PART98") : raw);
    }

    public static RetentionPolicies defaults() {
        return new RetentionPolicies(Duration.ofDays(90));
    }

    /** The statements that create what is missing and correct what differs; none when all is as configured. */
    List<String> statements(String database, JsonNode showRetentionPolicies) {
        Existing raw = null;
        Existing record = null;
        Existing forever = null;
        for (JsonNode series : showRetentionPolicies.path("results").path(0).path("series")) {
            List<String> columns = new ArrayList<>();
            series.path("columns").forEach(c -> columns.add(c.asText()));
            for (JsonNode row : series.path("values")) {
                Existing policy = new Existing(row.get(columns.indexOf("name")).asText(),
                        goDuration(row.get(columns.indexOf("duration")).asText()),
                        row.get(columns.indexOf("default")).asBoolean());
                if (policy.name.equals(InfluxPoint.RAW)) raw = policy;
                if (policy.name.equals(RECORD)) record = policy;
                if (policy.name.equals(InfluxPoint.FOREVER)) forever = policy;
            }
        }
        String on = " ON " + identifier(database);
        List<String> statements = new ArrayList<>();
        if (raw == null) {
            statements.add("CREATE RETENTION POLICY " + identifier(InfluxPoint.RAW) + on + " DURATION " + influxQl(this.raw)
                    + " REPLICATION 1 SHARD DURATION " + influxQl(RAW_SHARD));
        } else if (!raw.duration.equals(this.raw)) {
            statements.add("ALTER RETENTION POLICY " + identifier(InfluxPoint.RAW) + on + " DURATION " + influxQl(this.raw));
        }
        if (record == null) {
            statements.add("CREATE RETENTION POLICY " + identifier(RECORD) + on + " DURATION " + influxQl(this.record)
                    + " REPLICATION 1 SHARD DURATION " + influxQl(RECORD_SHARD));
        } else if (!record.duration.equals(this.record)) {
            statements.add("ALTER RETENTION POLICY " + identifier(RECORD) + on + " DURATION " + influxQl(this.record));
        }
        if (forever == null) {
            statements.add("CREATE RETENTION POLICY " + identifier(InfluxPoint.FOREVER) + on
                    + " DURATION INF REPLICATION 1 SHARD DURATION 52w DEFAULT");
        } else if (!forever.duration.isZero() || !forever.isDefault) {
            statements.add("ALTER RETENTION POLICY " + identifier(InfluxPoint.FOREVER) + on + " DURATION INF DEFAULT");
        }
        return statements;
    }

    private record Existing(String name, Duration duration, boolean isDefault) {
    }

    /** InfluxDB shows durations as Go writes them ({@code 2160h0m0s}); infinite is {@code 0s}. */
    static Duration goDuration(String text) {
        Matcher m = GO_DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) throw new IllegalArgumentException("not a retention duration: '" + text + "'");
        Duration d = Duration.ZERO;
        if (m.group(1) != null) d = d.plusHours(Long.parseLong(m.group(1)));
        if (m.group(2) != null) d = d.plusMinutes(Long.parseLong(m.group(2)));
        if (m.group(3) != null) d = d.plusMillis(Math.round(Double.parseDouble(m.group(3)) * 1000));
        return d;
    }

    static String influxQl(Duration d) {
        return d.toSeconds() % 3600 == 0 ? d.toHours() + "h" : d.toSeconds() + "s";
    }
}
