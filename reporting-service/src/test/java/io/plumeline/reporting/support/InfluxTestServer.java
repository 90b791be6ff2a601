package io.plumeline.reporting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real influxd (Debian's 1.6.7) on free ports with a temporary data folder, for tests. Stands in for
 * local-stack's {@code io.plumeline.stack.InfluxDbServer} until that exists; kept to this one class so the
 * swap touches nothing else. One server is shared by the whole test run and stopped when the JVM exits.
 */
public final class InfluxTestServer {

    private static final Path INFLUXD = Path.of("/usr/bin/influxd");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static InfluxTestServer shared;

    private final Path dir;
    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    private InfluxTestServer(Path dir, Process process, String url) {
        this.dir = dir;
        this.process = process;
        this.url = url;
    }

    public static synchronized InfluxTestServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "influxd-stop"));
        }
        return shared;
    }

    public static InfluxTestServer start() {
        if (!Files.isExecutable(INFLUXD)) {
            throw new IllegalStateException(INFLUXD + " is missing: these tests need a real InfluxDB 1.x; install "
                    + "Debian's package with 'apt-get install -y influxdb'");
        }
        try {
            Path dir = Files.createTempDirectory("plumeline-influxd-");
            int httpPort = freePort();
            int rpcPort = freePort();
            Path config = dir.resolve("influxdb.conf");
            Files.writeString(config, """
                    reporting-enabled = false
                    bind-address = "127.0.0.1:%d"
                    [meta]
                      dir = "%s/meta"
                      logging-enabled = false
                    [data]
                      dir = "%s/data"
                      wal-dir = "%s/wal"
                      query-log-enabled = false
                    [monitor]
                      store-enabled = false
                    [http]
                      bind-address = "127.0.0.1:%d"
                      log-enabled = false
                    [logging]
                      level = "warn"
                      suppress-logo = true
                    """.formatted(rpcPort, dir, dir, dir, httpPort));
            Process process = new ProcessBuilder(INFLUXD.toString(), "-config", config.toString(),
                    "-pidfile", dir.resolve("influxd.pid").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("influxd.log").toFile()).start();
            InfluxTestServer server = new InfluxTestServer(dir, process, "http://127.0.0.1:" + httpPort);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start influxd", e);
        }
    }

    public String url() {
        return url;
    }

    /** Writes line-protocol points with nanosecond timestamps, creating the database first if needed. */
    public void write(String database, List<String> lines) {
        query("CREATE DATABASE " + database);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/write?precision=ns&db=" + database))
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("influxd refused the write: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    public String query(String influxQl) {
        return query("", influxQl);
    }

    /** Runs InfluxQL and returns InfluxDB's JSON answer as it came. */
    public String query(String database, String influxQl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/query?db=" + database + "&q="
                + URLEncoder.encode(influxQl, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("influxd refused '" + influxQl + "': HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is not worth failing a test run over.
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url + "/ping")).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = log();
                stop();
                throw new IllegalStateException("influxd exited with " + process.exitValue() + " before answering /ping:\n" + log);
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        String log = log();
        stop();
        throw new IllegalStateException("influxd did not answer /ping with 204 within " + READY_TIMEOUT + ":\n" + log);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("influxd at " + url + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("influxd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
