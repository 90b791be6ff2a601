package io.plumeline.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * The §75.33 look-back of one monitored input of a source: its hourly value per operating hour, the newest
 * {@code capacity} hours (720, or 2,160 for a flow), null for an hour that was not quality-assured. Hours
 * may be recorded again (a late reading recomputes an hour) and out of order; they are kept sorted.
 */
public class HourlyValues {

    public int capacity;
    public ArrayList<Long> hours = new ArrayList<>();
    public ArrayList<Double> values = new ArrayList<>();

    public HourlyValues() {
    }

    public HourlyValues(int capacity) {
        this.capacity = capacity;
    }

    /** Records an hour's value (null: not quality-assured), replacing an earlier record of the same hour. */
    public void record(long hourStart, Double value) {
        int i = hours.size();
        while (i > 0 && hours.get(i - 1) > hourStart) i--;
        if (i > 0 && hours.get(i - 1) == hourStart) {
            values.set(i - 1, value);
            return;
        }
        hours.add(i, hourStart);
        values.add(i, value);
        while (hours.size() > capacity) {
            hours.remove(0);
            values.remove(0);
        }
    }

    /** How many of the recorded hours lie before {@code hourStart}: the look-back of a gap in that hour. */
    int countBefore(long hourStart) {
        int n = hours.size();
        while (n > 0 && hours.get(n - 1) >= hourStart) n--;
        return n;
    }

    /** The quality-assured values of the look-back of {@code hourStart}. */
    List<Double> qualityAssuredBefore(long hourStart) {
        List<Double> qa = new ArrayList<>();
        for (int i = 0; i < countBefore(hourStart); i++) if (values.get(i) != null) qa.add(values.get(i));
        return qa;
    }

    /** Operating hours without a quality-assured value right before {@code hourStart}: the gap goes on since then. */
    int gapHoursBefore(long hourStart) {
        int gap = 0;
        for (int i = countBefore(hourStart) - 1; i >= 0 && values.get(i) == null; i--) gap++;
        return gap;
    }

    /** The quality-assured values of the recorded hours in [since, hourStart): a reference period. */
    List<Double> qualityAssuredBetween(long since, long hourStart) {
        List<Double> qa = new ArrayList<>();
        for (int i = 0; i < countBefore(hourStart); i++) {
            if (hours.get(i) >= since && values.get(i) != null) qa.add(values.get(i));
        }
        return qa;
    }

    Double lastQualityAssuredBefore(long hourStart) {
        for (int i = countBefore(hourStart) - 1; i >= 0; i--) if (values.get(i) != null) return values.get(i);
        return null;
    }

    /**
     * The first quality-assured value recorded after {@code hourStart}: known when the hour is computed again after
     * later hours were (a late reading), so that the mean of before and after has its "after".
     */
    Double firstQualityAssuredAfter(long hourStart) {
        for (int i = countBefore(hourStart); i < hours.size(); i++) {
            if (hours.get(i) > hourStart && values.get(i) != null) return values.get(i);
        }
        return null;
    }
}
