package io.plumeline.reporting.support;

import io.plumeline.stack.InfluxDbServer;
import java.util.List;

/**
 * One real influxd (local-stack's {@link InfluxDbServer}: Debian's InfluxDB 1.x on a free port with a temporary
 * data folder) shared by the whole test run; it stops when the JVM exits.
 */
public final class InfluxTestServer {

    private static InfluxDbServer shared;

    private InfluxTestServer() {
    }

    public static synchronized InfluxDbServer shared() {
        if (shared == null) {
            shared = InfluxDbServer.startTemporary();
        }
        return shared;
    }

    /** Writes contract-3 points given as line protocol, one point a line, creating the database when missing. */
    public static void write(String database, List<String> lines) {
        shared().createDatabase(database);
        shared().write(database, String.join("\n", lines));
    }
}
