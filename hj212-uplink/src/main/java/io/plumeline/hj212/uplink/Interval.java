package io.plumeline.hj212.uplink;

import io.plumeline.core.site.Tag;
import java.util.List;

/**
 * The statistics of one tag over a minute or an hour, in the code's HJ 212 unit, and its data flag
 * (shared/reference/standards-and-users.md §2.1, DataFlag): N normal; T over the measurement's upper limit (the
 * average above the tag's {@code valid.max}); D fault (the analyser gave only BAD or UNCERTAIN readings, as OPC UA
 * reports a failed sensor); B communication failure between analyser and logger (no reading came at all). M, C, F and S
 * need the analyser's maintenance and calibration status, which the site model does not map yet. Only an N value
 * counts as valid (HJ 75).
 */
record Interval(Double avg, Double min, Double max, char flag, int validMinutes) {

    static final char NORMAL = 'N';
    static final char OVER_RANGE = 'T';
    static final char FAULT = 'D';
    static final char NO_COMMUNICATION = 'B';
    /** HJ 75-2017: an hourly value is valid with at least 45 valid minutes. */
    static final int VALID_HOUR_MINUTES = 45;

    boolean valid() {
        return flag == NORMAL;
    }

    /** A minute of a tag's readings; {@code factor} turns the tag's unit into the code's. */
    static Interval minute(List<Sample> samples, double factor, Tag.ValidRange range) {
        List<Double> good = samples.stream().filter(Sample::good).map(Sample::value).toList();
        if (good.isEmpty()) return new Interval(null, null, null, samples.isEmpty() ? NO_COMMUNICATION : FAULT, 0);
        double avg = good.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double min = good.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = good.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        boolean over = range != null && range.max() != null && avg > range.max();
        return new Interval(avg * factor, min * factor, max * factor, over ? OVER_RANGE : NORMAL, over ? 0 : 1);
    }

    /**
     * An hour of minutes: the average of the valid minutes' averages, the extremes of their extremes. Valid with ≥ 45
     * valid minutes; otherwise it carries the flag most of its other minutes have (D for a faulted analyser, B when
     * nothing came), values still computed from what was valid.
     */
    static Interval hour(List<Interval> minutes) {
        List<Interval> valid = minutes.stream().filter(Interval::valid).toList();
        char flag = valid.size() >= VALID_HOUR_MINUTES ? NORMAL : dominantInvalidFlag(minutes);
        if (valid.isEmpty()) return new Interval(null, null, null, flag, 0);
        return new Interval(valid.stream().mapToDouble(Interval::avg).average().orElseThrow(),
                valid.stream().mapToDouble(Interval::min).min().orElseThrow(),
                valid.stream().mapToDouble(Interval::max).max().orElseThrow(), flag, valid.size());
    }

    private static char dominantInvalidFlag(List<Interval> minutes) {
        int[] counts = new int[128];
        char best = NO_COMMUNICATION;
        for (Interval m : minutes) {
            if (m.valid()) continue;
            if (++counts[m.flag()] > counts[best]) best = m.flag();
        }
        return best;
    }
}
