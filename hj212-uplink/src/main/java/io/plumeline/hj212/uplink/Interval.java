package io.plumeline.hj212.uplink;

import io.plumeline.core.site.Tag;
import java.util.List;

/**
 * The statistics of one tag over a minute, an hour or a day, in the code's HJ 212 unit, and its data flag
 * (shared/reference/standards-and-users.md §2.1, DataFlag): N normal; T over the measurement's upper limit (the
 * average above the tag's {@code valid.max}); D fault (the analyser gave only BAD or UNCERTAIN readings, as OPC UA
 * reports a failed sensor); B communication failure between analyser and logger (no reading came at all); and the
 * flags of the stack's state ({@link StateTimeline}: C calibration, M maintenance, S manual, D fault, F stopped), which
 * take the place of the readings' own. Only an N value counts as valid (HJ 75).
 */
record Interval(Double avg, Double min, Double max, char flag) {

    static final char NORMAL = 'N';
    static final char OVER_RANGE = 'T';
    static final char FAULT = 'D';
    static final char NO_COMMUNICATION = 'B';
    /** HJ 75-2017: an hourly value is valid with at least 45 valid minutes, a daily value with at least 20 valid hours. */
    static final int VALID_HOUR_MINUTES = 45;
    static final int VALID_DAY_HOURS = 20;

    boolean valid() {
        return flag == NORMAL;
    }

    /**
     * A tag's readings over a minute, or its latest reading for a real-time value; {@code factor} turns the tag's
     * unit into the code's.
     */
    static Interval readings(List<Sample> samples, double factor, Tag.ValidRange range) {
        List<Double> good = samples.stream().filter(Sample::good).map(Sample::value).toList();
        if (good.isEmpty()) return new Interval(null, null, null, samples.isEmpty() ? NO_COMMUNICATION : FAULT);
        double avg = good.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double min = good.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = good.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        boolean over = range != null && range.max() != null && avg > range.max();
        return new Interval(avg * factor, min * factor, max * factor, over ? OVER_RANGE : NORMAL);
    }

    /** This interval flagged by the stack's state ({@code flag}), or as it is when the state sets none (0). */
    Interval inState(char flag) {
        return flag == 0 ? this : new Interval(avg, min, max, flag);
    }

    /** An hour of minutes, valid with at least 45 valid minutes ({@link #of}). */
    static Interval hour(List<Interval> minutes) {
        return of(minutes, VALID_HOUR_MINUTES);
    }

    /** A day of hours, valid with at least 20 valid hours ({@link #of}). */
    static Interval day(List<Interval> hours) {
        return of(hours, VALID_DAY_HOURS);
    }

    /**
     * A longer interval made of shorter ones: the average of the valid parts' averages, the extremes of their
     * extremes. Valid with at least {@code validNeeded} valid parts; otherwise it carries the flag most of its other
     * parts have (D for a faulted analyser, B when nothing came), values still computed from what was valid.
     */
    private static Interval of(List<Interval> parts, int validNeeded) {
        List<Interval> valid = parts.stream().filter(Interval::valid).toList();
        char flag = valid.size() >= validNeeded ? NORMAL : dominantInvalidFlag(parts);
        if (valid.isEmpty()) return new Interval(null, null, null, flag);
        return new Interval(valid.stream().mapToDouble(Interval::avg).average().orElseThrow(),
                valid.stream().mapToDouble(Interval::min).min().orElseThrow(),
                valid.stream().mapToDouble(Interval::max).max().orElseThrow(), flag);
    }

    private static char dominantInvalidFlag(List<Interval> parts) {
        int[] counts = new int[128];
        char best = NO_COMMUNICATION;
        for (Interval p : parts) {
            if (p.valid()) continue;
            if (++counts[p.flag()] > counts[best]) best = p.flag();
        }
        return best;
    }
}
