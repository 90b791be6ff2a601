package io.plumeline.flink.influx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes every request on to a real influxd and its answer back, holding each {@code /write} for
 * {@code delay} first, and notes how many lines each write carried. A loaded InfluxDB cannot be made slow on
 * demand for a test, so the delay is added here; everything else is the real server's doing. It can also
 * answer the next writes itself with a status of its choosing ({@link #failWrites}), as a proxy in front of
 * InfluxDB or a failing server would: such answers cannot be had from a healthy influxd at will.
 */
final class SlowInfluxDbRelay implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Integer> linesPerWrite = new CopyOnWriteArrayList<>();
    private final AtomicInteger writesInFlight = new AtomicInteger();
    private final AtomicInteger mostWritesInFlight = new AtomicInteger();
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private volatile int faultStatus;
    private volatile String faultBody;

    SlowInfluxDbRelay(String influxUrl, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> relay(exchange, influxUrl, delay));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Lines of each write InfluxDB has answered, in the order they arrived. */
    List<Integer> linesPerWrite() {
        return linesPerWrite;
    }

    /** The next {@code times} writes are answered here with {@code status} and {@code body}, not passed on. */
    void failWrites(int status, String body, int times) {
        faultStatus = status;
        faultBody = body;
        faultsLeft.set(times);
    }

    /** How many of the faults asked for are still to be answered. */
    int faultsLeft() {
        return faultsLeft.get();
    }

    /** The most writes that were held here at the same time. */
    int mostWritesInFlight() {
        return mostWritesInFlight.get();
    }

    private void relay(HttpExchange exchange, String influxUrl, Duration delay) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean write = exchange.getRequestURI().getPath().equals("/write");
            if (write && faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                byte[] answer = faultBody.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(faultStatus, answer.length == 0 ? -1 : answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return;
            }
            if (write) {
                mostWritesInFlight.accumulateAndGet(writesInFlight.incrementAndGet(), Math::max);
                linesPerWrite.add(LineBuffer.lines(body, 0, body.length));
                Thread.sleep(delay.toMillis());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(influxUrl + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) request.header("Content-Type", contentType);
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (write) writesInFlight.decrementAndGet();
            answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
