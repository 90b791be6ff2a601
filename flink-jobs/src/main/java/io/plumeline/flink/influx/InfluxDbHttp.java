package io.plumeline.flink.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The calls of InfluxDB's v1 HTTP API the sink needs: {@code /write} to a retention policy with line protocol
 * in ns precision, and {@code /query} for {@code CREATE DATABASE} and the retention policies. InfluxDB 1.x
 * serves them, 2.x and 3.x through their v1 compatibility endpoints (a policy maps to a bucket by DBRP).
 */
final class InfluxDbHttp {

    /**
     * How a write ended: written, worth retrying, the body over the server's {@code max-body-size} (to be sent
     * again in smaller parts), or refused for good (a retry would be refused again).
     */
    enum Outcome { WRITTEN, RETRY, DATABASE_MISSING, TOO_LARGE, REFUSED }

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Lines in UTF-8, {@code length} bytes from {@code offset}, each ending with '\n'. */
    Response write(String retentionPolicy, byte[] lines, int offset, int length) throws InterruptedException {
        return await(writeAsync(retentionPolicy, lines, offset, length));
    }

    /**
     * The same write, answered later: the caller builds its next batch meanwhile. The bytes are read while
     * the request is sent, not copied: they must stay unchanged until the answer.
     */
    CompletableFuture<Response> writeAsync(String retentionPolicy, byte[] lines, int offset, int length) {
        URI uri = base.resolve("write?db=" + encode(database) + "&rp=" + encode(retentionPolicy) + "&precision=ns");
        return client.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(lines, offset, length)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure != null ? new Response(Outcome.RETRY, -1, failure.toString())
                        : new Response(classify(response.statusCode(), response.body()), response.statusCode(), response.body()));
    }

    static Response await(CompletableFuture<Response> answer) throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return new Response(Outcome.RETRY, -1, e.getCause().toString());
        }
    }

    Response createDatabase() throws InterruptedException {
        return query("CREATE DATABASE " + RetentionPolicies.quote(database));
    }

    Response showRetentionPolicies() throws InterruptedException {
        return query("SHOW RETENTION POLICIES ON " + RetentionPolicies.quote(database));
    }

    String database() {
        return database;
    }

    /** InfluxQL through {@code /query}; an error InfluxDB reports inside a 200 answer is a refusal. */
    Response query(String influxQl) throws InterruptedException {
        Response response = send(HttpRequest.newBuilder(base.resolve("query")).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + encode(influxQl))).build());
        if (response.outcome() != Outcome.WRITTEN) return response;
        JsonNode json = json(response);
        String error = json.path("results").path(0).path("error").asText(null);
        return error == null ? response : new Response(Outcome.REFUSED, response.status(), influxQl + ": " + error);
    }

    static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode().put("error", "not JSON: " + response.body());
        }
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
        // the database, or one of its retention policies, was dropped while the job ran: create them again
        if (body != null && (body.contains("database not found") || body.contains("retention policy not found"))) {
            return Outcome.DATABASE_MISSING;
        }
        if (status == 413) return Outcome.TOO_LARGE;
        // 400: bad points (InfluxDB has written the good ones of the batch); 401/403: wrong credentials
        if (status / 100 == 4 && status != 408 && status != 429) return Outcome.REFUSED;
        return Outcome.RETRY;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
