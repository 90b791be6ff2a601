package io.plumeline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The reporting service's REST API as a test sees it (as the demo compliance officer of
 * examples/demo-users.properties), and waiting for a condition with a useful failure.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String AUTHORIZATION = basic("compliance");

    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The JSON answer to GET {@code path}, or an empty object while the service cannot be reached. */
    JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JSON answer to POST {@code path} with no body, as the demo user {@code user} (a second compliance officer,
     * {@code reviewer}, approves what {@code compliance} generated); a refusal fails with its status and problem.
     */
    JsonNode post(String path, String user) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("POST " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " as " + user + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo user's credentials (examples/demo-users.properties: the password is the name and "-demo"). */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
    }

    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout.toSeconds() + " s; " + state.get());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
