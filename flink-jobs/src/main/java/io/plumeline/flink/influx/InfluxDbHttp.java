package io.plumeline.flink.influx;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The two calls of InfluxDB's v1 HTTP API the sink needs: {@code /write} with line protocol in ns precision
 * and {@code CREATE DATABASE} (idempotent). InfluxDB 1.x serves them, 2.x and 3.x through their v1
 * compatibility endpoints.
 */
final class InfluxDbHttp {

    /** How a write ended: written, worth retrying, or refused for good (a retry would be refused again). */
    enum Outcome { WRITTEN, RETRY, DATABASE_MISSING, REFUSED }

    record Response(Outcome outcome, int status, String body) {
    }

    private final URI base;
    private final String database;
    private final Duration timeout;
    private final HttpClient client;

    InfluxDbHttp(URI base, String database, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.database = database;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    Response write(String lines) throws InterruptedException {
        URI uri = base.resolve("write?db=" + encode(database) + "&precision=ns");
        return send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8)).build());
    }

    Response createDatabase() throws InterruptedException {
        String query = "CREATE DATABASE \"" + database.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return send(HttpRequest.newBuilder(base.resolve("query")).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + encode(query))).build());
    }

    String describe() {
        return base + " database " + database;
    }

    private Response send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(classify(response.statusCode(), response.body()), response.statusCode(),
                    response.body());
        } catch (IOException e) {
            return new Response(Outcome.RETRY, -1, e.toString());
        }
    }

    static Outcome classify(int status, String body) {
        if (status / 100 == 2) return Outcome.WRITTEN;
        if (status == 404 && body != null && body.contains("database not found")) return Outcome.DATABASE_MISSING;
        // 400: bad points (InfluxDB has written the good ones of the batch); 401/403: wrong credentials
        if (status / 100 == 4 && status != 408 && status != 429) return Outcome.REFUSED;
        return Outcome.RETRY;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
