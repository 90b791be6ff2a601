package io.plumeline.reporting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the running service, with query parameters encoded exactly as given (hostile ones included), as
 * one of the test users of {@code config/application.properties} (password: name + "-pw"): the compliance
 * officer unless {@link #as} or {@link #anonymous} says otherwise.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * One client for every ApiClient (every test, every {@link #as} and {@link #anonymous}): it keeps no cookies, so
     * no session or user carries over, and it keeps its connections open. A client per ApiClient cost a new client
     * (its selector thread) and a new connection for each request of the tests that call {@code as} per request.
     */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;

    public ApiClient(int port) {
        this("http://127.0.0.1:" + port, basic("compliance"));
    }

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same service as the test user {@code user} (engineer, compliance, reviewer, regulator or admin). */
    public ApiClient as(String user) {
        return new ApiClient(base, basic(user));
    }

    /** The same service without credentials. */
    public ApiClient anonymous() {
        return new ApiClient(base, null);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code parameters} alternate names and values; a null value leaves the parameter out. */
    public Response get(String path, String... parameters) {
        return send(HttpRequest.newBuilder(uri(path, parameters)).GET().build());
    }

    /** GETs a link the service gave ({@code /api/v1/telemetry?tag=…}), its query sent as the service encoded it. */
    public Response follow(String href) {
        if (!href.startsWith("/")) throw new IllegalArgumentException("not a link within the service: " + href);
        return send(HttpRequest.newBuilder(URI.create(base + href)).GET().build());
    }

    /** POSTs {@code body} as application/json, sent byte for byte (malformed bodies included). */
    public Response post(String path, String body, String... parameters) {
        return send(HttpRequest.newBuilder(uri(path, parameters)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(String path, String... parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < parameters.length; i += 2) {
            if (parameters[i + 1] != null) {
                query.add(parameters[i] + "=" + URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
            }
        }
        return URI.create(base + path + query);
    }

    private Response send(HttpRequest unauthenticated) {
        HttpRequest request = authorization == null ? unauthenticated
                : HttpRequest.newBuilder(unauthenticated, (name, value) -> true).header("Authorization", authorization).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
