package io.plumeline.reporting.influx;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Measurement;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads from InfluxDB through its v1 HTTP API ({@code /query} with InfluxQL, {@code /ping}), which InfluxDB
 * 1.x serves natively and 2.x/3.x through their v1 compatibility endpoints. Read-only: the Flink jobs write.
 */
@Component
public class InfluxClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    private final InfluxProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    public InfluxClient(InfluxProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public String url() {
        return properties.url().toString();
    }

    public String database() {
        return properties.database();
    }

    /**
     * A measurement in the retention policy it lives in, {@code "raw"."telemetry"} or {@code "forever"."emissions"}:
     * the policy names are this deployment's ({@code plumeline.influx.*-retention-policy}), which of the two a
     * measurement is in is the contract's.
     */
    public String measurement(Measurement measurement) {
        return measurement(measurement, measurement.retention());
    }

    /** A measurement in a given retention policy: the copy of {@code telemetry} kept for the record. */
    public String measurement(Measurement measurement, Measurement.Retention retention) {
        String policy = switch (retention) {
            case RAW -> properties.telemetryRetentionPolicy();
            case RECORD -> properties.recordRetentionPolicy();
            case FOREVER -> properties.resultsRetentionPolicy();
        };
        return InfluxQl.identifier(policy) + "." + InfluxQl.identifier(measurement.id());
    }

    /**
     * Runs one InfluxQL statement against the configured database. A database or retention policy that does
     * not exist yet (nothing written so far) gives no series rather than an error.
     */
    public List<Series> query(String influxQl) {
        URI uri = endpoint("/query?db=" + encode(properties.database()) + "&q=" + encode(influxQl));
        return series(answer(send(request(uri).GET().build(), "query")).path("results").path(0));
    }

    /**
     * Runs several statements in one request (POSTed, so that their length is no URL's), each answer in the
     * order of {@code statements}: a period of many days read as a few aggregates per day.
     */
    public List<List<Series>> queryAll(List<String> statements) {
        String form = "db=" + encode(properties.database()) + "&q=" + encode(String.join(";\n", statements));
        HttpRequest post = request(endpoint("/query")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode results = answer(send(post, "query")).path("results");
        List<List<Series>> answers = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            answers.add(series(results.path(i)));
        }
        return answers;
    }

    private JsonNode answer(HttpResponse<String> response) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new InfluxQueryException("InfluxDB at " + url() + " refused the credentials (HTTP "
                    + response.statusCode() + "); check plumeline.influx.username and password");
        }
        JsonNode body = parse(response);
        if (response.statusCode() != 200) {
            throw new InfluxQueryException("InfluxDB at " + url() + " answered HTTP " + response.statusCode() + ": "
                    + body.path("error").asString(response.body()));
        }
        return body;
    }

    /**
     * A database or retention policy that does not exist yet (nothing written so far) gives no series, and so do
     * the statements InfluxDB then leaves "not executed" (a real error of an earlier one has been thrown already).
     */
    private List<Series> series(JsonNode result) {
        String error = result.path("error").asString(null);
        if (error != null) {
            if (error.startsWith("database not found") || error.startsWith("retention policy not found")
                    || error.equals("not executed")) {
                return List.of();
            }
            throw new InfluxQueryException("InfluxDB at " + url() + " refused the query: " + error);
        }
        List<Series> series = new ArrayList<>();
        for (JsonNode node : result.path("series")) {
            if (node.path("partial").asBoolean(false)) {
                throw new InfluxQueryException("InfluxDB at " + url() + " cut the answer short (its [http] max-row-limit);"
                        + " raise the limit or narrow the query");
            }
            series.add(seriesOf(node));
        }
        return series;
    }

    /** The server's version from {@code /ping}, which needs no credentials even with auth enabled. */
    public String ping() {
        HttpResponse<String> response = send(request(endpoint("/ping")).GET().timeout(CONNECT_TIMEOUT).build(), "ping");
        if (response.statusCode() != 204) {
            throw new InfluxQueryException("InfluxDB at " + url() + " answered /ping with HTTP " + response.statusCode());
        }
        return response.headers().firstValue("X-Influxdb-Version").orElse("unknown");
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(QUERY_TIMEOUT);
        if (properties.username() != null && !properties.username().isEmpty()) {
            String credentials = properties.username() + ":" + (properties.password() == null ? "" : properties.password());
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InfluxUnavailableException("InfluxDB at " + url() + " cannot be reached (" + what + "): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfluxUnavailableException("interrupted while waiting for InfluxDB at " + url(), e);
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new InfluxQueryException("InfluxDB at " + url() + " answered HTTP " + response.statusCode()
                    + " with a body that is not JSON: " + abbreviate(response.body()));
        }
    }

    private static Series seriesOf(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        node.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
        List<String> columns = new ArrayList<>();
        node.path("columns").forEach(c -> columns.add(c.asString()));
        List<String> fixedColumns = List.copyOf(columns);
        List<Series.Row> rows = new ArrayList<>();
        node.path("values").forEach(values -> rows.add(new Series.Row(fixedColumns, values)));
        return new Series(node.path("name").asString(), tags, fixedColumns, rows);
    }

    private URI endpoint(String pathAndQuery) {
        String base = url().endsWith("/") ? url().substring(0, url().length() - 1) : url();
        return URI.create(base + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
