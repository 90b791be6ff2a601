package io.plumeline.hj212.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tags' readings from {@code "raw"."telemetry"} (docs/contracts.md §3) over InfluxDB's v1 HTTP API, where the
 * Flink job writes them: value, quality, one point per reading.
 */
final class InfluxTelemetry {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String database;
    private final Optional<String> authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    InfluxTelemetry(URI url, String database, Optional<String> user, Optional<String> password) {
        this.url = url;
        this.database = database;
        this.authorization = user.map(u -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    /** The readings of {@code tags} with from ≤ ts < to, oldest first. */
    List<Sample> read(String site, Collection<String> tags, Instant from, Instant to) throws IOException, InterruptedException {
        String q = "SELECT " + InfluxQl.identifiers(Keys.VALUE, Keys.QUALITY) + " FROM " + InfluxQl.qualified(Measurement.TELEMETRY)
                + where(site, tags, from, to) + " GROUP BY " + InfluxQl.identifier(Keys.TAG);
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : query(q).path("series")) {
            String tag = series.path("tags").path(Keys.TAG).asText();
            for (JsonNode row : series.path("values")) {
                Instant ts = Instant.EPOCH.plusNanos(row.path(0).asLong());
                samples.add(new Sample(tag, ts, row.path(1).isNumber() ? row.path(1).asDouble() : null, row.path(2).asText(null)));
            }
        }
        samples.sort(Comparator.comparing(Sample::ts));
        return samples;
    }

    /**
     * Each of {@code tags}' latest GOOD reading before {@code before}: what a tag that reports on change (a state)
     * holds when an interval starts.
     */
    List<Sample> latestBefore(String site, Collection<String> tags, Instant before) throws IOException, InterruptedException {
        String q = "SELECT last(" + InfluxQl.identifier(Keys.VALUE) + ") FROM " + InfluxQl.qualified(Measurement.TELEMETRY)
                + " WHERE " + ofTags(site, tags) + " AND time < " + InfluxQl.nanos(before) + " GROUP BY " + InfluxQl.identifier(Keys.TAG);
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : query(q).path("series")) {
            JsonNode row = series.path("values").path(0);
            if (!row.path(1).isNumber()) continue;
            samples.add(new Sample(series.path("tags").path(Keys.TAG).asText(), Instant.EPOCH.plusNanos(row.path(0).asLong()),
                    row.path(1).asDouble(), Sample.GOOD));
        }
        return samples;
    }

    /** Whether any of {@code tags} has a reading (every reading has a quality) with from ≤ ts < to. */
    boolean any(String site, Collection<String> tags, Instant from, Instant to) throws IOException, InterruptedException {
        String q = "SELECT " + InfluxQl.identifiers(Keys.QUALITY) + " FROM " + InfluxQl.qualified(Measurement.TELEMETRY)
                + where(site, tags, from, to) + " LIMIT 1";
        return query(q).path("series").size() > 0;
    }

    private static String where(String site, Collection<String> tags, Instant from, Instant to) {
        return " WHERE " + ofTags(site, tags) + " AND time >= " + InfluxQl.nanos(from) + " AND time < " + InfluxQl.nanos(to);
    }

    /** The condition that a point is one of {@code tags} of {@code site}. */
    private static String ofTags(String site, Collection<String> tags) {
        String anyTag = tags.stream().map(t -> InfluxQl.is(Keys.TAG, t)).collect(Collectors.joining(" OR "));
        return InfluxQl.is(Keys.SITE, site) + " AND (" + anyTag + ")";
    }

    /** InfluxDB could not be read: unreachable, or it answered with an error. */
    static final class Failure extends IOException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The statement's result, or a {@link Failure} naming InfluxDB's error. */
    private JsonNode query(String q) throws Failure, InterruptedException {
        try {
            return send(q);
        } catch (Failure e) {
            throw e;
        } catch (IOException e) {
            throw new Failure("InfluxDB " + url + ": " + e.getMessage(), e);
        }
    }

    private JsonNode send(String q) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/query?epoch=ns&db="
                        + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET();
        authorization.ifPresent(a -> request.header("Authorization", a));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        JsonNode result = json.path("results").path(0);
        String error = json.path("error").asText(result.path("error").asText(null));
        if (response.statusCode() != 200 || error != null) {
            throw new Failure("InfluxDB " + url + " answered HTTP " + response.statusCode() + ": " + (error != null ? error : response.body()), null);
        }
        return result;
    }
}
