package io.plumeline.reporting.support;

import io.plumeline.stack.InfluxDbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One real influxd (local-stack's {@link InfluxDbServer}: Debian's InfluxDB 1.x on a free port with a temporary
 * data folder) shared by the whole test run; it stops when the JVM exits.
 */
public final class InfluxTestServer {

    public static final String RAW = "raw";
    public static final String FOREVER = "forever";
    /** The measurements the Flink job writes into {@code raw} (issue 7); every other one goes to {@code forever}. */
    static final Set<String> RAW_MEASUREMENTS = Set.of("telemetry", "late_readings", "emission_rate");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static InfluxDbServer shared;

    private InfluxTestServer() {
    }

    public static synchronized InfluxDbServer shared() {
        if (shared == null) {
            shared = InfluxDbServer.startTemporary();
        }
        return shared;
    }

    /**
     * Writes contract-3 points given as line protocol, one point a line, where the Flink job writes them: the
     * database and its retention policies are created as the job creates them, raw readings go to {@code raw},
     * results to {@code forever}.
     */
    public static void write(String database, List<String> lines) {
        createPolicies(database, RAW, FOREVER);
        Map<String, List<String>> byPolicy = lines.stream().collect(Collectors.groupingBy(
                line -> RAW_MEASUREMENTS.contains(measurement(line)) ? RAW : FOREVER, LinkedHashMap::new, Collectors.toList()));
        byPolicy.forEach((policy, points) -> write(database, policy, points));
    }

    /** The database, a 90-day policy for raw readings and a default one kept without limit, as the Flink job makes them. */
    public static void createPolicies(String database, String raw, String forever) {
        shared().createDatabase(database);
        shared().query(database, "CREATE RETENTION POLICY \"" + raw + "\" ON \"" + database + "\" DURATION 90d REPLICATION 1 SHARD DURATION 1d");
        shared().query(database, "CREATE RETENTION POLICY \"" + forever + "\" ON \"" + database
                + "\" DURATION INF REPLICATION 1 SHARD DURATION 52w DEFAULT");
    }

    /** Writes line protocol into one retention policy, which must exist. */
    public static void write(String database, String retentionPolicy, List<String> lines) {
        URI uri = URI.create(shared().url() + "/write?db=" + encode(database) + "&rp=" + encode(retentionPolicy)
                + "&precision=ns");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("InfluxDB refused a write to " + database + "." + retentionPolicy
                        + " (HTTP " + response.statusCode() + "): " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The measurement of a line: up to the first comma (tags follow) or space (fields follow). */
    private static String measurement(String line) {
        return line.split("[, ]", 2)[0];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
