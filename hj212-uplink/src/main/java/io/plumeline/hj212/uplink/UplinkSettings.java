package io.plumeline.hj212.uplink;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the uplink's options say (docs/processes.md, "HJ 212 uplink"): where to spool, which packets to make from
 * when, how long after an interval its telemetry is taken as complete, and how to wait for acknowledgements.
 */
public record UplinkSettings(Path spoolDir, long compactBytes, List<String> commands, Instant from, Duration delay,
                             Duration ackTimeout, int retries, Duration poll, List<Platform> platforms) {

    /** A platform: its id in the site model, address and password (from a file). */
    public record Platform(String id, String host, int port, String password) {
        @Override
        public String toString() {
            return id + "=" + host + ":" + port;   // never the password
        }
    }

    public UplinkSettings {
        commands = List.copyOf(commands);
        platforms = List.copyOf(platforms);
    }
}
