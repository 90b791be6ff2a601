package io.plumeline.flink.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumeline.core.contracts.InfluxQl;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The calls of InfluxDB's v1 HTTP API the sink needs: {@code /write} to a retention policy with line protocol
 * in ns precision, and {@code /query} for {@code CREATE DATABASE} and the retention policies. InfluxDB 1.x
 * serves them, 2.x and 3.x through their v1 compatibility endpoints (a policy maps to a bucket by DBRP).
 */
final class InfluxDbHttp {

    /**
     * How a write ended: written, worth retrying, the database or a policy missing (to be created again), the
     * body over the server's {@code max-body-size} (to be sent again in smaller parts), or points refused for
     * good (a retry would be refused again).
     */
    enum Outcome { WRITTEN, RETRY, DATABASE_MISSING, TOO_LARGE, REFUSED }

    private static final ObjectMapper JSON = new ObjectMapper();

    record Response(Outcome outcome, int status, String body) {
    }

    private final URI base;
    private final String database;
    private final Duration timeout;
    private final InfluxCredentials credentials;
    private final HttpClient client;

    InfluxDbHttp(URI base, String database, Duration timeout) {
        this(base, database, timeout, InfluxCredentials.none());
    }

    InfluxDbHttp(URI base, String database, Duration timeout, InfluxCredentials credentials) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.database = database;
        this.timeout = timeout;
        this.credentials = credentials;
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
        return client.sendAsync(authorized(HttpRequest.newBuilder(uri)).timeout(timeout)
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(lines, offset, length)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure != null ? new Response(Outcome.RETRY, -1, failure.toString())
                        : answer(response));
    }

    static Response await(CompletableFuture<Response> answer) throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return new Response(Outcome.RETRY, -1, e.getCause().toString());
        }
    }

    Response createDatabase() throws InterruptedException {
        return query("CREATE DATABASE " + InfluxQl.identifier(database));
    }

    Response showRetentionPolicies() throws InterruptedException {
        return query("SHOW RETENTION POLICIES ON " + InfluxQl.identifier(database));
    }

    String database() {
        return database;
    }

    /** InfluxQL through {@code /query}; an error InfluxDB reports inside a 200 answer is a refusal. */
    Response query(String influxQl) throws InterruptedException {
        return post("q=" + encode(influxQl), influxQl);
    }

    /** A SELECT on the database, times as integer nanoseconds; an error inside a 200 answer is a refusal. */
    Response select(String influxQl) throws InterruptedException {
        return post("db=" + encode(database) + "&epoch=ns&q=" + encode(influxQl), influxQl);
    }

    private Response post(String form, String influxQl) throws InterruptedException {
        Response response = send(authorized(HttpRequest.newBuilder(base.resolve("query"))).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.outcome() != Outcome.WRITTEN) return response;
        String error = json(response).path("results").path(0).path("error").asText(null);
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
        return base + " database " + database + " (" + credentials.describe() + ")";
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        credentials.authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private Response send(HttpRequest request) throws InterruptedException {
        try {
            return answer(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new Response(Outcome.RETRY, -1, e.toString());
        }
    }

    /** Credentials refused: the next attempt reads the password again, so a corrected file lets the job go on. */
    private Response answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) credentials.reload();
        return new Response(classify(status, response.body()), status, response.body());
    }

    /**
     * Only points InfluxDB itself refuses are given up: a 400 whose body says it could not parse them or wrote
     * the batch in part ({@code partial write}: type conflicts, points outside the retention policy), as the
     * same points would be refused again. Everything else that is not 2xx (credentials refused, a database
     * that cannot be found, a server or proxy error, a timeout) may pass later and is retried, so that no batch
     * is dropped for what an operator can fix.
     */
    static Outcome classify(int status, String body) {
        if (status / 100 == 2) return Outcome.WRITTEN;
        // the database, or one of its retention policies, was dropped while the job ran: create them again
        if (body != null && (body.contains("database not found") || body.contains("retention policy not found"))) {
            return Outcome.DATABASE_MISSING;
        }
        if (status == 413) return Outcome.TOO_LARGE;
        if (status == 400 && body != null && (body.contains("partial write") || body.contains("unable to parse"))) {
            return Outcome.REFUSED;
        }
        return Outcome.RETRY;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
