package io.plumeline.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * The hourly values of one monitored input of a source, per unit operating hour (a shut-down hour is not recorded),
 * the newest {@code capacity} hours, null for an hour that was not quality-assured. Hours may be recorded again (a
 * late reading recomputes an hour) and out of order; they are kept sorted. Beyond the hours kept it counts, since the
 * first hour recorded (the input's certification, for Part 75), the operating and the quality-assured hours: the
 * §75.31 initial period and the §75.32 Eq. 8 denominator outlive the 8,760 hours kept. Each hour may carry its load
 * range (40 CFR 75 Appendix C §2.1), by which a flow or NOx monitor's gaps are filled; null where none was known
 * (hours kept before load ranges were recorded, or a source without a load).
 *
 * <p>Kept in keyed state ({@code SourceHourAccounting}'s {@code lookBack}). Checkpoints and savepoints name this
 * class: moved to another package or renamed, it would make the running job's savepoints unrestorable
 * (docs/processes.md, "The hour family").
 */
public class HourlyValues {

    private static final long HOUR_MS = 3_600_000L;

    public int capacity;
    public ArrayList<Long> hours = new ArrayList<>();
    public ArrayList<Double> values = new ArrayList<>();
    /**
     * Parallel to {@link #hours}; shorter in state kept before it existed (the missing ones are null), and null itself
     * in state restored from then (Flink's POJO serializer gives a field it did not write Java's default).
     */
    public ArrayList<Integer> loadRanges = new ArrayList<>();
    /** The first hour ever recorded, null before any. */
    public Long firstHour;
    public long operatingHours;
    public long qualityAssuredHours;

    public HourlyValues() {
    }

    public HourlyValues(int capacity) {
        this.capacity = capacity;
    }

    /** Records an hour's value (null: not quality-assured), replacing an earlier record of the same hour. */
    public void record(long hourStart, Double value) {
        record(hourStart, value, null);
    }

    /** Records an hour's value and its load range (null: not known). */
    public void record(long hourStart, Double value, Integer loadRange) {
        if (firstHour == null || hourStart < firstHour) firstHour = hourStart;
        if (loadRanges == null) loadRanges = new ArrayList<>();
        while (loadRanges.size() < hours.size()) loadRanges.add(null);
        int i = hours.size();
        while (i > 0 && hours.get(i - 1) > hourStart) i--;
        if (i > 0 && hours.get(i - 1) == hourStart) {
            if (values.get(i - 1) != null) qualityAssuredHours--;
            if (value != null) qualityAssuredHours++;
            values.set(i - 1, value);
            loadRanges.set(i - 1, loadRange);
            return;
        }
        operatingHours++;
        if (value != null) qualityAssuredHours++;
        hours.add(i, hourStart);
        values.add(i, value);
        loadRanges.add(i, loadRange);
        while (hours.size() > capacity) {
            hours.remove(0);
            values.remove(0);
            loadRanges.remove(0);
        }
    }

    /** How many of the recorded hours lie before {@code hourStart}: the look-back of a gap in that hour. */
    public int countBefore(long hourStart) {
        int n = hours.size();
        while (n > 0 && hours.get(n - 1) >= hourStart) n--;
        return n;
    }

    /** The operating hours since the first one, before {@code hourStart} (those kept after it are not). */
    public long operatingHoursBefore(long hourStart) {
        return operatingHours - (hours.size() - countBefore(hourStart));
    }

    /** The quality-assured hours since the first one, before {@code hourStart}. */
    public long qualityAssuredHoursBefore(long hourStart) {
        long after = 0;
        for (int i = countBefore(hourStart); i < values.size(); i++) if (values.get(i) != null) after++;
        return qualityAssuredHours - after;
    }

    /** Clock hours from the first hour recorded to {@code hourStart}. */
    public long clockHoursSinceFirst(long hourStart) {
        return firstHour == null ? 0 : (hourStart - firstHour) / HOUR_MS;
    }

    /** How many of the latest {@code n} hours before {@code hourStart} were quality-assured. */
    public int qualityAssuredOfLatest(long hourStart, int n) {
        int end = countBefore(hourStart);
        int qa = 0;
        for (int i = Math.max(0, end - n); i < end; i++) if (values.get(i) != null) qa++;
        return qa;
    }

    /** The latest {@code n} quality-assured values before {@code hourStart} of the recorded hours since {@code since}. */
    public List<Double> latestQualityAssured(long since, long hourStart, int n) {
        List<Double> qa = qualityAssuredBetween(since, hourStart);
        return qa.subList(Math.max(0, qa.size() - n), qa.size());
    }

    /**
     * The latest {@code n} quality-assured hours before {@code hourStart} since {@code since}, as their load ranges
     * and values: the look-back that Table 2 of §75.33(c) takes the missing hour's load range from.
     */
    public LoadedValues latestQualityAssuredWithLoad(long since, long hourStart, int n) {
        List<Integer> ranges = new ArrayList<>();
        List<Double> qa = new ArrayList<>();
        for (int i = countBefore(hourStart) - 1; i >= 0 && qa.size() < n; i--) {
            if (hours.get(i) < since) break;
            if (values.get(i) == null) continue;
            ranges.add(loadRanges != null && i < loadRanges.size() ? loadRanges.get(i) : null);
            qa.add(values.get(i));
        }
        return new LoadedValues(ranges, qa);
    }

    /** Parallel lists: each quality-assured hour's load range (null: not known) and value. */
    public record LoadedValues(List<Integer> ranges, List<Double> values) {
    }

    /** Operating hours without a quality-assured value right before {@code hourStart}: the gap goes on since then. */
    public int gapHoursBefore(long hourStart) {
        int gap = 0;
        for (int i = countBefore(hourStart) - 1; i >= 0 && values.get(i) == null; i--) gap++;
        return gap;
    }

    /** The quality-assured values of the recorded hours in [since, hourStart): a reference period. */
    public List<Double> qualityAssuredBetween(long since, long hourStart) {
        List<Double> qa = new ArrayList<>();
        for (int i = 0; i < countBefore(hourStart); i++) {
            if (hours.get(i) >= since && values.get(i) != null) qa.add(values.get(i));
        }
        return qa;
    }

    public Double lastQualityAssuredBefore(long hourStart) {
        for (int i = countBefore(hourStart) - 1; i >= 0; i--) if (values.get(i) != null) return values.get(i);
        return null;
    }

    /**
     * The first quality-assured value recorded after {@code hourStart}: known when the hour is computed again after
     * later hours were (a late reading), so that the mean of before and after has its "after".
     */
    public Double firstQualityAssuredAfter(long hourStart) {
        for (int i = countBefore(hourStart); i < hours.size(); i++) {
            if (hours.get(i) > hourStart && values.get(i) != null) return values.get(i);
        }
        return null;
    }
}
