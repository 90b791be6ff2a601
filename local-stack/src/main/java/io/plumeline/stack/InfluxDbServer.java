package io.plumeline.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Measurement;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The operating system's InfluxDB 1.x ({@code influxd}) as a child process with its own configuration:
 * everything under one data folder, listening on loopback only, logging to a file.
 *
 * <pre>{@code
 * try (InfluxDbServer influx = InfluxDbServer.startTemporary()) {
 *     influx.createDatabase("plumeline");
 *     String url = influx.url();   // http://127.0.0.1:PORT for influxdb-java or /write and /query
 * }
 * }</pre>
 */
public final class InfluxDbServer extends LocalServer {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Path DEBIAN_INFLUXD = Path.of("/usr/bin/influxd");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** HTTP Basic of the admin user when auth is on; this class's own calls go as that user. */
    private volatile String authorization;

    private InfluxDbServer(ChildProcess process, int port, Path dataDir, boolean temporary) {
        super(process, port, dataDir, temporary, Duration.ofSeconds(20));
    }

    /**
     * Starts influxd with its data in {@code dataDir} (kept across runs), HTTP on 127.0.0.1:{@code port},
     * and waits until {@code /ping} answers.
     */
    public static InfluxDbServer start(Path dataDir, int port, Path logFile, Duration timeout) {
        return start(dataDir, port, logFile, timeout, false);
    }

    /** For tests: free ports and a temporary data folder that {@link #close()} deletes. */
    public static InfluxDbServer startTemporary() {
        return startTemporary(false);
    }

    /**
     * For tests: as {@link #startTemporary()} with {@code auth-enabled = true} and {@code adminUser} created
     * with all privileges (InfluxDB lets the first admin be created before auth applies). This object's own
     * queries and writes go as that user.
     */
    public static InfluxDbServer startTemporaryWithAuth(String adminUser, String adminPassword) {
        InfluxDbServer server = startTemporary(true);
        server.query(null, "CREATE USER " + InfluxQl.identifier(adminUser) + " WITH PASSWORD "
                + InfluxQl.string(adminPassword) + " WITH ALL PRIVILEGES");
        server.authorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
        return server;
    }

    private static InfluxDbServer startTemporary(boolean auth) {
        Path dataDir = Folders.temporary("plumeline-influxdb-");
        try {
            InfluxDbServer server = start(dataDir, Ports.free(), dataDir.resolve("influxd.log"),
                    DEFAULT_START_TIMEOUT, true, auth);
            server.stopAtExit("influxd-cleanup");
            return server;
        } catch (RuntimeException e) {
            Folders.deleteRecursively(dataDir);
            throw e;
        }
    }

    private static InfluxDbServer start(Path dataDir, int port, Path logFile, Duration timeout,
            boolean temporary) {
        return start(dataDir, port, logFile, timeout, temporary, false);
    }

    private static InfluxDbServer start(Path dataDir, int port, Path logFile, Duration timeout,
            boolean temporary, boolean auth) {
        Path influxd = findInfluxd();
        Path data = Folders.create(dataDir.toAbsolutePath());
        Path config = data.resolve("influxdb.conf");
        Folders.write(config, config(data, port, Ports.free(), auth));
        ChildProcess process = ChildProcess.start("InfluxDB", List.of(influxd.toString(),
                "-config", config.toString(), "-pidfile", data.resolve("influxd.pid").toString()),
                data, logFile);
        InfluxDbServer server = new InfluxDbServer(process, port, data, temporary);
        try {
            process.awaitReady(server::pings, timeout, "GET " + server.url() + "/ping did not answer 204");
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(5));
            throw e;
        }
        return server;
    }

    static Path findInfluxd() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(":")).filter(dir -> !dir.isBlank())
                                .map(dir -> Path.of(dir, "influxd")), Stream.of(DEBIAN_INFLUXD))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new StackException("influxd (InfluxDB 1.x) is not installed: it is neither"
                        + " on the PATH nor at " + DEBIAN_INFLUXD + ". `./plumeline test` installs it, or"
                        + " `apt-get install influxdb` (as root)."));
    }

    /**
     * The internal RPC port gets an explicit loopback address too: left alone it listens on every interface.
     * Reporting and the _internal monitor database stay off; HTTP request logging would flood the log.
     */
    private static String config(Path data, int httpPort, int rpcPort, boolean auth) {
        return """
                reporting-enabled = false
                bind-address = "127.0.0.1:%d"

                [meta]
                  dir = "%s"

                [data]
                  dir = "%s"
                  wal-dir = "%s"
                  query-log-enabled = false

                [monitor]
                  store-enabled = false

                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                  auth-enabled = %b

                [logging]
                  level = "info"
                  suppress-logo = true
                """.formatted(rpcPort, data.resolve("meta"), data.resolve("data"), data.resolve("wal"), httpPort, auth);
    }

    /** {@code http://127.0.0.1:PORT}, the base of the v1 API ({@code /write}, {@code /query}). */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port();
    }

    public void createDatabase(String name) {
        query(null, "CREATE DATABASE " + InfluxQl.identifier(name));
    }

    /** Writes line protocol with nanosecond timestamps. */
    public void write(String database, String lineProtocol) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/write?db="
                        + encode(database) + "&precision=ns"))
                .POST(HttpRequest.BodyPublishers.ofString(lineProtocol)).build());
        if (response.statusCode() != 204) {
            throw new StackException("InfluxDB refused a write to " + database + " (HTTP "
                    + response.statusCode() + "): " + response.body());
        }
    }

    /** Runs InfluxQL and returns the JSON answer; an error in any statement fails. */
    public JsonNode query(String database, String influxQl) {
        String form = "q=" + encode(influxQl) + (database == null ? "" : "&db=" + encode(database));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        JsonNode json = parse(response.body());
        String error = json.path("error").asText(null);
        for (JsonNode result : json.path("results")) {
            error = error != null ? error : result.path("error").asText(null);
        }
        if (response.statusCode() != 200 || error != null) {
            throw new StackException("InfluxDB query failed (HTTP " + response.statusCode() + "): " + influxQl
                    + " → " + (error != null ? error : response.body()));
        }
        return json;
    }

    /**
     * Number of points of {@code measurement} that have {@code field}; 0 when the database or the
     * measurement does not exist yet.
     */
    public long count(String database, String measurement, String field) {
        return count(database, null, measurement, field, null);
    }

    /** Points of {@code measurement} in a retention policy ({@code null}: the default one) with {@code field}; 0 when absent. */
    public long count(String database, String retentionPolicy, String measurement, String field) {
        return count(database, retentionPolicy, measurement, field, null);
    }

    /** Points of one of the contract's measurements, in its retention policy, that have {@code field} and match {@code where}. */
    public long count(String database, Measurement measurement, String field, String where) {
        return count(database, measurement.retention().policy(), measurement.id(), field, where);
    }

    /** As {@link #count(String, String, String, String)}, of the points matching an InfluxQL {@code where} condition. */
    public long count(String database, String retentionPolicy, String measurement, String field, String where) {
        String from = (retentionPolicy == null ? "" : InfluxQl.identifier(retentionPolicy) + ".") + InfluxQl.identifier(measurement);
        JsonNode json;
        try {
            json = query(database, "SELECT count(" + InfluxQl.identifier(field) + ") FROM " + from + (where == null ? "" : " WHERE " + where));
        } catch (StackException e) {
            if (e.getMessage().contains("database not found") || e.getMessage().contains("retention policy not found")) {
                return 0;
            }
            throw e;
        }
        JsonNode values = json.path("results").path(0).path("series").path(0).path("values").path(0);
        return values.isMissingNode() ? 0 : values.path(1).asLong();
    }

    private boolean pings() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (authorization != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("InfluxDB at " + url() + " did not answer " + request.uri().getPath()
                    + ": " + e.getMessage() + (isAlive() ? "" : " (influxd has exited; see " + logFile() + ")"),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while talking to InfluxDB", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("error", body);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
