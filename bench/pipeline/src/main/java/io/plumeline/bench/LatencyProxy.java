package io.plumeline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sits between the Flink job and InfluxDB and passes every request on. When InfluxDB has acknowledged a write,
 * each {@code telemetry} line of it is stored: that moment minus the line's timestamp (the OPC UA source
 * timestamp) is the reading's latency from source to InfluxDB, kept in a histogram of whole milliseconds.
 */
final class LatencyProxy implements AutoCloseable {

    private static final String TELEMETRY = "telemetry,";

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String target;
    private final AtomicLong telemetryWritten = new AtomicLong();
    private volatile Histogram histogram;
    private volatile Histogram interval;
    /** Source timestamps before this (ms since the epoch, on the simulator's source clock) are not recorded. */
    private volatile long recordFromMs = Long.MAX_VALUE;
    /** Wall time minus source time of the simulator's ticks, ms. */
    private volatile long sourceToWallMs;

    LatencyProxy(String influxUrl) throws IOException {
        this.target = influxUrl;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Records the telemetry of ticks from {@code fromSourceMs} on; {@code sourceToWallMs} maps their timestamps to wall time. */
    void record(long fromSourceMs, long sourceToWallMs, Histogram into) {
        this.sourceToWallMs = sourceToWallMs;
        this.histogram = into;
        this.recordFromMs = fromSourceMs;
    }

    /** From now on also records into {@code next} (the previous interval's histogram is no longer written). */
    void interval(Histogram next) {
        this.interval = next;
    }

    long telemetryWritten() {
        return telemetryWritten.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) request.header("Content-Type", contentType);
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                exchange.sendResponseHeaders(503, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            long ackedMs = System.currentTimeMillis();
            if (response.statusCode() == 204 && exchange.getRequestURI().getPath().equals("/write")) {
                observe(body, ackedMs);
            }
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private void observe(byte[] body, long ackedMs) {
        String lines = new String(body, StandardCharsets.UTF_8);
        Histogram into = histogram;
        Histogram current = interval;
        long from = recordFromMs;
        long offset = sourceToWallMs;
        long count = 0;
        int start = 0;
        while (start < lines.length()) {
            int end = lines.indexOf('\n', start);
            if (end < 0) end = lines.length();
            if (lines.startsWith(TELEMETRY, start)) {
                count++;
                long tsMs = Long.parseLong(lines, lines.lastIndexOf(' ', end - 1) + 1, end, 10) / 1_000_000L;
                if (into != null && tsMs >= from) {
                    long latency = ackedMs - (tsMs + offset);
                    into.add(latency);
                    if (current != null) current.add(latency);
                }
            }
            start = end + 1;
        }
        telemetryWritten.addAndGet(count);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
