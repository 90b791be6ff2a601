package io.plumeline.reporting.api;

import java.time.Duration;

/** Durations as people read them in error messages (7 days, not PT168H). */
final class Durations {

    private Durations() {
    }

    static String text(Duration d) {
        if (d.toSeconds() % 86_400 == 0 && d.getNano() == 0) return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        if (d.toSeconds() % 3_600 == 0 && d.getNano() == 0) return d.toHours() + " h";
        return d.toString();
    }
}
