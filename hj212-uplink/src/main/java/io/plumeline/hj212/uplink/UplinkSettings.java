package io.plumeline.hj212.uplink;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the uplink's options say (docs/processes.md, "HJ 212 uplink"): where to spool, which packets to make from
 * when, how often a real-time packet, how long after an interval its telemetry is taken as complete, how to wait
 * for acknowledgements, and what to answer a platform that sets the logger's time (CN 1012). Refuses a CN it does
 * not make and a real-time interval HJ 212-2017 does not allow.
 */
public record UplinkSettings(Path spoolDir, long compactBytes, List<String> commands, Duration realtimeInterval,
                             Instant from, Duration delay, Duration ackTimeout, int retries, Duration poll,
                             List<Platform> platforms, TimeCalibration timeCalibration) {

    /** HJ 212-2017's RtdInterval, the real-time upload interval: whole seconds, 30 ≤ n ≤ 3600. */
    static final Duration MIN_REALTIME = Duration.ofSeconds(30);
    static final Duration MAX_REALTIME = Duration.ofHours(1);

    /** A platform: its id in the site model, address and password (from a file). */
    public record Platform(String id, String host, int port, String password) {
        @Override
        public String toString() {
            return id + "=" + host + ":" + port;   // never the password
        }
    }

    /**
     * {@code --time-calibration}: what a platform's CN 1012 (set the logger's time) gets. A virtual logger's clock is
     * its host's, kept by NTP, and Plumeline never shifts a reading's time stamp, so there is no clock to set:
     * {@code accept} answers that it was done (QnRtn 1, ExeRtn 1) and logs the offset the platform asked for, for an
     * operator to look at the host's NTP; {@code refuse} (the default) answers QnRtn 2 and logs it.
     */
    public enum TimeCalibration {
        ACCEPT, REFUSE;

        public static TimeCalibration of(String option) {
            for (TimeCalibration t : values()) {
                if (t.name().equalsIgnoreCase(option)) return t;
            }
            throw new IllegalArgumentException("--time-calibration " + option + ": accept or refuse");
        }
    }

    public UplinkSettings {
        commands = List.copyOf(commands);
        platforms = List.copyOf(platforms);
        for (String cn : commands) {
            if (Cadence.of(cn).isEmpty()) {
                throw new IllegalArgumentException("--packets " + cn + ": one of 2011 (real-time), 2031 (day), 2051 (minute), 2061 (hour)");
            }
        }
        if (realtimeInterval.getNano() != 0 || realtimeInterval.compareTo(MIN_REALTIME) < 0 || realtimeInterval.compareTo(MAX_REALTIME) > 0) {
            throw new IllegalArgumentException("--realtime-interval " + realtimeInterval
                    + ": HJ 212-2017 allows whole seconds from 30 to 3600 (RtdInterval)");
        }
    }

    /** The packets to make, in the order of {@code --packets}. */
    List<Cadence> cadences() {
        return commands.stream().map(cn -> Cadence.of(cn).orElseThrow()).toList();
    }
}
