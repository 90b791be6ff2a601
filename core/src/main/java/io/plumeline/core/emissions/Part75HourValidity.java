package io.plumeline.core.emissions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether an hour of a Part 75 monitor is valid, 40 CFR 75.10(d)(1): its hourly average needs at least one data
 * point in each fifteen-minute quadrant of the hour in which the unit combusted fuel, and is the average of all its
 * valid data points. An hour that fails loses the component's data "for the entire hour" (§75.10(d)(3)) and is
 * substituted whole under subpart D, never blended from the minutes it has. Not here: (d)(1)'s two points 15 minutes
 * apart for an hour of calibration or other QA activity (the job knows of no such activity). The source-hours given here operate for the whole hour (a shut-down hour never
 * comes here), so all four quadrants are operating quadrants. Readings are counted, not held values: the reading
 * before the hour that holds into it proves nothing about the first quadrant.
 */
public final class Part75HourValidity {

    private static final Duration QUADRANT = Duration.ofMinutes(15);
    private static final int QUADRANTS = 4;

    private Part75HourValidity() {
    }

    /** The hour's value, the average of its valid readings, or empty when a quadrant has none. */
    public static OptionalDouble hourlyValue(Instant hourStart, List<Sample> samples) {
        boolean[] read = new boolean[QUADRANTS];
        double sum = 0;
        int n = 0;
        for (Sample s : samples) {
            if (!s.isGood() || s.ts().isBefore(hourStart)) continue;
            long quadrant = Duration.between(hourStart, s.ts()).toNanos() / QUADRANT.toNanos();
            if (quadrant >= QUADRANTS) continue;
            read[(int) quadrant] = true;
            sum += s.value();
            n++;
        }
        for (boolean r : read) if (!r) return OptionalDouble.empty();
        return OptionalDouble.of(sum / n);
    }
}
