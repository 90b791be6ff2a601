package io.plumeline.hj212.uplink;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The data uploads of HJ 212-2017 the uplink makes (shared/reference/standards-and-users.md §2.1, CN codes) and the
 * stretch of time each covers: minutes, hours and days of the site's local time, and real-time slots of the
 * real-time interval counted from the epoch. A day runs from one local midnight to the next, so a day that changes
 * to or from daylight saving time has 23 or 25 hours.
 */
enum Cadence {

    REALTIME("2011"),
    DAY("2031"),
    MINUTE("2051"),
    HOUR("2061");

    private final String cn;

    Cadence(String cn) {
        this.cn = cn;
    }

    String cn() {
        return cn;
    }

    static Optional<Cadence> of(String cn) {
        return Arrays.stream(values()).filter(c -> c.cn.equals(cn)).findFirst();
    }

    /** The start of the interval that holds {@code at}. */
    Instant start(Instant at, ZoneId zone, Duration realtime) {
        return switch (this) {
            case REALTIME -> Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), realtime.toSeconds()) * realtime.toSeconds());
            case MINUTE -> at.atZone(zone).truncatedTo(ChronoUnit.MINUTES).toInstant();
            case HOUR -> at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        };
    }

    /** The end of the interval that starts at {@code start}, which is the next one's start. */
    Instant end(Instant start, ZoneId zone, Duration realtime) {
        return switch (this) {
            case REALTIME -> start.plus(realtime);
            case MINUTE -> start.plus(Duration.ofMinutes(1));
            case HOUR -> start.plus(Duration.ofHours(1));
            case DAY -> start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        };
    }
}
