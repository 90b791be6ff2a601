package io.plumeline.core.emissions;

import io.plumeline.core.site.EmissionSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether a source operated in an hour, from the tag its site model names ({@code operatingStatus}). An hour is a
 * non-operating hour only when the tag's GOOD readings show the source shut down for the whole of it: Part 75 counts
 * an operating hour as any hour or part of one in which the unit combusts fuel (40 CFR 72.2, "operating hour"), and
 * Part 98 substitutes the values missing "during unit operation" (the opening text of §98.35 and §98.255). So any
 * time of the hour in which the status is not known, or shows the source running, makes it an operating hour,
 * accounted and filled as any other: a missing hour is never taken for a shut-down one.
 */
public final class OperatingHours {

    /** The key under which the job hands the status tag's samples over with a source's inputs. */
    public static final String STATUS_KEY = "operatingStatus";

    private OperatingHours() {
    }

    /** Whether {@code status} (the hour's samples and the latest before it) shows the source shut down all hour. */
    public static boolean notOperating(EmissionSource.OperatingStatus spec, List<Sample> status, Instant hourStart,
                                       Duration maxHold) {
        if (spec == null || status == null) return false;
        Instant end = hourStart.plus(Duration.ofHours(1));
        // a reading that shows the source running is no "off" reading: it ends the hold of the one before it
        List<Sample> off = status.stream()
                .map(s -> new Sample(s.ts(), s.isGood() && s.value() <= spec.above() ? 1.0 : null)).toList();
        List<StepIntegral.Interval> shutDown = StepIntegral.goodIntervals(hourStart, end, off, maxHold);
        return shutDown.size() == 1 && shutDown.get(0).from().equals(hourStart) && shutDown.get(0).to().equals(end);
    }
}
