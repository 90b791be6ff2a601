package io.plumeline.flink.influx;

import static io.plumeline.core.contracts.InfluxQl.identifiers;
import static io.plumeline.core.contracts.InfluxQl.is;
import static io.plumeline.core.contracts.InfluxQl.nanos;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.telemetry.Quality;
import io.plumeline.flink.accounting.TelemetryArchive;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The telemetry the job's own sink wrote (measurement {@link Measurement#TELEMETRY} in policies record and raw: tags
 * site, tag; fields value, quality),
 * read back through InfluxDB's {@code /query} with the sink's database and credentials. A refused or failed query
 * is an {@link IOException}: the caller keeps what it wanted to compute and tries again.
 */
public final class InfluxTelemetryArchive implements TelemetryArchive {

    /**
     * Where the telemetry is: the copy kept for the record (the tags of reportable sources, for years) and the raw
     * one (every tag, for the telemetry retention); a reading in both is the same reading.
     */
    private static final List<String> TELEMETRY = List.of(
            InfluxQl.identifier(Measurement.Retention.RECORD.policy()) + "." + InfluxQl.identifier(Measurement.TELEMETRY.id()),
            InfluxQl.qualified(Measurement.TELEMETRY));
    private static final String GOOD = Quality.GOOD.name();
    private static final String NO_RECORD_POLICY = "retention policy not found: " + Measurement.Retention.RECORD.policy();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How far back the value before a gap is looked for: a reporting year. */
    private static final Duration BEFORE_WITHIN = Duration.ofDays(366);

    private final URI url;
    private final String database;
    private final InfluxCredentials credentials;
    private transient InfluxDbHttp http;

    public InfluxTelemetryArchive(URI url, String database, InfluxCredentials credentials) {
        this.url = url;
        this.database = database;
        this.credentials = credentials;
    }

    @Override
    public List<ArchivedReading> read(String site, Collection<String> tags, Instant from, Instant to) throws IOException {
        if (tags.isEmpty()) return List.of();
        String anyTag = tags.stream().map(t -> is(Keys.TAG, t)).collect(Collectors.joining(" OR "));
        Map<String, ArchivedReading> byTagAndTime = new LinkedHashMap<>();
        for (String telemetry : TELEMETRY) {
            JsonNode series = select("SELECT " + identifiers(Keys.VALUE, Keys.QUALITY) + " FROM " + telemetry
                    + " WHERE " + is(Keys.SITE, site) + " AND (" + anyTag + ") AND time >= " + nanos(from) + " AND time < "
                    + nanos(to) + " GROUP BY " + identifiers(Keys.TAG));
            for (JsonNode s : series) {
                String tag = s.path("tags").path(Keys.TAG).asText();
                for (JsonNode row : s.path("values")) {
                    ArchivedReading r = reading(tag, row);
                    byTagAndTime.putIfAbsent(tag + "@" + r.ts(), r);
                }
            }
        }
        List<ArchivedReading> readings = new ArrayList<>(byTagAndTime.values());
        readings.sort(Comparator.comparing(ArchivedReading::ts));
        return readings;
    }

    @Override
    public Optional<ArchivedReading> lastGoodBefore(String site, String tag, Instant t) throws IOException {
        return one(tag, "last", "time >= " + nanos(t.minus(BEFORE_WITHIN)) + " AND time < " + nanos(t), site)
                .max(Comparator.comparing(ArchivedReading::ts));
    }

    @Override
    public Optional<ArchivedReading> firstGoodFrom(String site, String tag, Instant t) throws IOException {
        return one(tag, "first", "time >= " + nanos(t), site).min(Comparator.comparing(ArchivedReading::ts));
    }

    /** The selector's GOOD reading of the tag in each policy that has one. */
    private Stream<ArchivedReading> one(String tag, String selector, String time, String site) throws IOException {
        List<ArchivedReading> found = new ArrayList<>();
        for (String telemetry : TELEMETRY) {
            JsonNode series = select("SELECT " + selector + "(" + identifiers(Keys.VALUE) + ") FROM " + telemetry + " WHERE "
                    + is(Keys.SITE, site) + " AND " + is(Keys.TAG, tag) + " AND " + is(Keys.QUALITY, GOOD) + " AND " + time);
            JsonNode row = series.path(0).path("values").path(0);
            if (!row.isMissingNode()) {
                found.add(new ArchivedReading(tag, Instant.EPOCH.plusNanos(row.path(0).asLong()), row.path(1).asDouble(), GOOD));
            }
        }
        return found.stream();
    }

    private static ArchivedReading reading(String tag, JsonNode row) {
        Instant ts = Instant.EPOCH.plusNanos(row.path(0).asLong());
        String quality = row.path(2).asText("BAD");
        Double value = GOOD.equals(quality) && row.path(1).isNumber() ? row.path(1).asDouble() : null;
        return new ArchivedReading(tag, ts, value, quality);
    }

    private JsonNode select(String influxQl) throws IOException {
        if (http == null) http = new InfluxDbHttp(url, database, TIMEOUT, credentials);
        InfluxDbHttp.Response response;
        try {
            response = http.select(influxQl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading the archive", e);
        }
        // a database the sink has not set up since the record policy came holds no copy for the record yet
        if (response.outcome() != InfluxDbHttp.Outcome.WRITTEN && !response.body().contains(NO_RECORD_POLICY)) {
            throw new IOException("the archive at " + http.describe() + " answered " + response.status() + ": "
                    + response.body());
        }
        return InfluxDbHttp.json(response).path("results").path(0).path("series");
    }
}
