package io.plumeline.core.emissions;

import java.util.List;

/**
 * Missing data substitution of 40 CFR 75.33 for a monitor's hourly values, by the percent monitor data
 * availability (PMA) over the look-back of quality-assured operating hours (720 h; 2,160 h for flow and
 * NOx, which the caller chooses):
 *
 * <pre>
 * PMA ≥ 95 %   gap ≤ 24 h: mean of the hour before and the hour after; longer: the greater of that mean and the 90th percentile
 * 90–95 %      gap ≤ 8 h:  the same mean;                               longer: the greater of that mean and the 95th percentile
 * 80–90 %      the maximum hourly value of the look-back
 * &lt; 80 %       the maximum potential value
 * </pre>
 * Percentiles are nearest-rank (the smallest value with at least p % of the look-back at or below it).
 * Pure: Part 75 accounting in Flink decides the gap and the look-back and labels the hours substituted.
 */
public final class SubstitutionPolicy {

    private SubstitutionPolicy() {
    }

    /**
     * Which rule gave the hour's value. {@code VALID_HOUR_AVERAGE} is no substitution: a valid hour (§75.10(d)(1))
     * with gaps between its readings, whose average holds for the whole hour.
     */
    public enum Tier {
        VALID_HOUR_AVERAGE, INITIAL_MEAN_BEFORE_AFTER, INITIAL_MEAN_OF_PREVIOUS, MEAN_BEFORE_AFTER, PERCENTILE_90, PERCENTILE_95, MAXIMUM_LOOK_BACK, MAXIMUM_POTENTIAL
    }

    public record Substitution(double value, Tier tier) {
    }

    /**
     * The value for each hour of a gap of {@code gapHours}, given the PMA, the look-back's quality-assured
     * hourly values, the quality-assured values of the hour before and the hour after the gap, and the
     * maximum potential value of the parameter.
     */
    public static Substitution substitute(double pmaPercent, int gapHours, List<Double> lookBack, double hourBefore,
                                          double hourAfter, double maximumPotential) {
        if (!(pmaPercent >= 0 && pmaPercent <= 100)) throw new IllegalArgumentException("PMA must be 0–100 %, found " + pmaPercent);
        if (gapHours < 1) throw new IllegalArgumentException("a gap is at least one hour, found " + gapHours);
        if (pmaPercent < 80) return new Substitution(maximumPotential, Tier.MAXIMUM_POTENTIAL);
        if (lookBack.isEmpty()) throw new IllegalArgumentException("a PMA of " + pmaPercent + " % needs the look-back's hourly values");
        if (pmaPercent < 90) return new Substitution(percentile(lookBack, 100), Tier.MAXIMUM_LOOK_BACK);
        double mean = (hourBefore + hourAfter) / 2;
        boolean high = pmaPercent >= 95;
        if (gapHours <= (high ? 24 : 8)) return new Substitution(mean, Tier.MEAN_BEFORE_AFTER);
        double p = percentile(lookBack, high ? 90 : 95);
        return p > mean ? new Substitution(p, high ? Tier.PERCENTILE_90 : Tier.PERCENTILE_95)
                : new Substitution(mean, Tier.MEAN_BEFORE_AFTER);
    }

    /**
     * The value of a missing hour in the initial period of §75.31 (before 720, or 2,160 for a flow, quality-assured
     * monitor operating hours, {@link Part75Availability#initialPeriod}). An SO2, CO2, O2 or moisture parameter,
     * §75.31(b)(1): the average of the quality-assured hours before and after the missing data period
     * ({@code hourAfter} null: not known yet, the hour before stands for it). A flow of a unit without load ranges:
     * the average of all its previous quality-assured values (§75.57 Table 4a, code 7(c)). No prior quality-assured
     * data, §75.31(b)(2) and (c): the maximum potential value.
     */
    public static Substitution initial(boolean flow, Double hourBefore, Double hourAfter, List<Double> previous,
                                       double maximumPotential) {
        if (flow && !previous.isEmpty()) {
            return new Substitution(previous.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                    Tier.INITIAL_MEAN_OF_PREVIOUS);
        }
        if (flow || hourBefore == null) return new Substitution(maximumPotential, Tier.MAXIMUM_POTENTIAL);
        double after = hourAfter == null ? hourBefore : hourAfter;
        return new Substitution((hourBefore + after) / 2, Tier.INITIAL_MEAN_BEFORE_AFTER);
    }

    /** Nearest-rank percentile: the value at rank ⌈p × n / 100⌉ of the sorted values. */
    public static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p * sorted.length / 100);
        return sorted[Math.max(rank, 1) - 1];
    }
}
