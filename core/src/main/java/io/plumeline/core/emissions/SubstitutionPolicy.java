package io.plumeline.core.emissions;

import java.util.List;

/**
 * Missing data substitution of 40 CFR Part 75 for a monitor's hourly values. After the initial period (§75.31,
 * {@link #initial}), §75.33(b) Table 1 by the percent monitor data availability (PMA, §75.32,
 * {@link Part75Availability}) over the look-back of quality-assured monitor operating hours (720; 2,160 for a flow,
 * which the caller chooses):
 *
 * <pre>
 * PMA ≥ 95 %   gap ≤ 24 h: mean of the hour before and the hour after; longer: the greater of that mean and the 90th percentile
 * 90–95 %      gap ≤ 8 h:  the same mean;                               longer: the greater of that mean and the 95th percentile
 * 80–90 %      the maximum hourly value of the look-back
 * &lt; 80 %       the maximum potential value
 * </pre>
 * That is the table for SO2 (§75.33(b)) and CO2 (§75.35). For moisture (§75.37(d)(1)) and O2 (§75.36(d)) the
 * conservative side is the low one: "the lesser of", the 10th and 5th percentiles, the minimum hourly value and the
 * minimum potential value ({@link Direction#LOWER}, Table 4a of §75.57, codes 8 and 9). A flow monitor and a NOx
 * monitor follow §75.33(c) Table 2 instead ({@link #substituteAtLoad}): the same triggers, every value taken from the
 * look-back's hours at the missing hour's load range ({@link Part75LoadRange}). Percentiles are nearest-rank
 * (the smallest value with at least p % of the look-back at or below it). Pure: Part 75 accounting in Flink decides
 * the gap and the look-back and labels the hours substituted.
 */
public final class SubstitutionPolicy {

    private SubstitutionPolicy() {
    }

    /** Which side of the parameter over-states emissions, and so is the one substituted. */
    public enum Direction {
        HIGHER, LOWER;

        /**
         * The side of a method input: low for {@code moisture} (§75.37: a dry concentration put on a wet flow, Eq. C-7,
         * grows as the moisture falls) and {@code o2} (§75.36(d); an O2-referenced concentration grows as the measured
         * O2 falls), high for every other input.
         */
        public static Direction ofInput(String input) {
            return input.equals("moisture") || input.equals("o2") ? LOWER : HIGHER;
        }
    }

    /**
     * Which rule gave the hour's value, with its method of determination code (MODC, §75.57(c), Table 4a).
     * {@code VALID_HOUR_AVERAGE} is no substitution: a valid hour (§75.10(d)(1)) with gaps between its readings,
     * whose average holds for the whole hour, measured by the certified primary monitor (01). 06: the hours before
     * and after; 07: the initial missing data procedures; 08, 09: the 90th/95th (10th/5th) percentile; 10: the
     * maximum (minimum) hourly value of the look-back; 11: the average of the look-back's hours at the load range
     * (Table 2); 12: the maximum (minimum) potential value.
     */
    public enum Tier {
        VALID_HOUR_AVERAGE("01"), INITIAL_MEAN_BEFORE_AFTER("07"), INITIAL_MEAN_OF_PREVIOUS("07"),
        MEAN_BEFORE_AFTER("06"), LOAD_RANGE_AVERAGE("11"), PERCENTILE_90("08"), PERCENTILE_10("08"), PERCENTILE_95("09"), PERCENTILE_5("09"),
        MAXIMUM_LOOK_BACK("10"), MINIMUM_LOOK_BACK("10"), MAXIMUM_POTENTIAL("12"), MINIMUM_POTENTIAL("12");

        /** A measured hour's code: the certified primary monitoring system. */
        public static final String MEASURED = "01";

        private final String modc;

        Tier(String modc) {
            this.modc = modc;
        }

        public String modc() {
            return modc;
        }

        /**
         * The MODC of an hour of a {@code PART75} source from the tier its row and lineage record name
         * ({@code substitution}, {@code substitutionTier}): null, a measured hour, is {@link #MEASURED}.
         */
        public static String modcOf(String tier) {
            return tier == null ? MEASURED : valueOf(tier).modc();
        }
    }

    public record Substitution(double value, Tier tier) {
    }

    /**
     * The value for each hour of a gap of {@code gapHours}, given the PMA, the look-back's quality-assured hourly
     * values, the quality-assured values of the hour before and the hour after the gap, and the parameter's maximum
     * potential value ({@link Direction#HIGHER}) or minimum potential value ({@link Direction#LOWER}).
     */
    public static Substitution substitute(Direction direction, double pmaPercent, int gapHours, List<Double> lookBack,
                                          double hourBefore, double hourAfter, double potential) {
        if (!(pmaPercent >= 0 && pmaPercent <= 100)) throw new IllegalArgumentException("PMA must be 0–100 %, found " + pmaPercent);
        if (gapHours < 1) throw new IllegalArgumentException("a gap is at least one hour, found " + gapHours);
        boolean higher = direction == Direction.HIGHER;
        if (pmaPercent < 80) return new Substitution(potential, higher ? Tier.MAXIMUM_POTENTIAL : Tier.MINIMUM_POTENTIAL);
        if (lookBack.isEmpty()) throw new IllegalArgumentException("a PMA of " + pmaPercent + " % needs the look-back's hourly values");
        if (pmaPercent < 90) {
            return higher ? new Substitution(percentile(lookBack, 100), Tier.MAXIMUM_LOOK_BACK)
                    : new Substitution(percentile(lookBack, 0), Tier.MINIMUM_LOOK_BACK);
        }
        double mean = (hourBefore + hourAfter) / 2;
        boolean high = pmaPercent >= 95;
        if (gapHours <= (high ? 24 : 8)) return new Substitution(mean, Tier.MEAN_BEFORE_AFTER);
        // the 90th (95th) percentile, or for the low side the 10th (5th)
        double p = percentile(lookBack, higher ? (high ? 90 : 95) : (high ? 10 : 5));
        Tier tier = higher ? (high ? Tier.PERCENTILE_90 : Tier.PERCENTILE_95) : (high ? Tier.PERCENTILE_10 : Tier.PERCENTILE_5);
        return (higher ? p > mean : p < mean) ? new Substitution(p, tier) : new Substitution(mean, Tier.MEAN_BEFORE_AFTER);
    }

    /**
     * The value for each hour of a gap of {@code gapHours} of a flow or NOx monitor, §75.33(c) Table 2, given the PMA
     * and the look-back's quality-assured hourly values at the missing hour's load range ({@link Part75LoadRange#valuesAt}):
     *
     * <pre>
     * PMA ≥ 95 %   gap ≤ 24 h: the range's average; longer: the greater of that average and the range's 90th percentile
     * 90–95 %      gap ≤ 8 h:  the range's average; longer: the greater of that average and the range's 95th percentile
     * 80–90 %      the range's maximum hourly value
     * &lt; 80 %       the maximum potential value (MPF, MPC), as also when no hour is at the range or above it
     * </pre>
     * A flow and a NOx concentration over-state emissions on their high side only.
     */
    public static Substitution substituteAtLoad(double pmaPercent, int gapHours, List<Double> atLoad, double potential) {
        if (!(pmaPercent >= 0 && pmaPercent <= 100)) throw new IllegalArgumentException("PMA must be 0–100 %, found " + pmaPercent);
        if (gapHours < 1) throw new IllegalArgumentException("a gap is at least one hour, found " + gapHours);
        if (pmaPercent < 80 || atLoad.isEmpty()) return new Substitution(potential, Tier.MAXIMUM_POTENTIAL);
        if (pmaPercent < 90) return new Substitution(percentile(atLoad, 100), Tier.MAXIMUM_LOOK_BACK);
        double average = atLoad.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        boolean high = pmaPercent >= 95;
        if (gapHours <= (high ? 24 : 8)) return new Substitution(average, Tier.LOAD_RANGE_AVERAGE);
        double p = percentile(atLoad, high ? 90 : 95);
        return p > average ? new Substitution(p, high ? Tier.PERCENTILE_90 : Tier.PERCENTILE_95)
                : new Substitution(average, Tier.LOAD_RANGE_AVERAGE);
    }

    /**
     * The value of a missing hour in the initial period of §75.31 (before 720, or 2,160 for a flow, quality-assured
     * monitor operating hours, {@link Part75Availability#initialPeriod}). An SO2, CO2, O2 or moisture parameter,
     * §75.31(b)(1): the average of the quality-assured hours before and after the missing data period
     * ({@code hourAfter} null: not known yet, the hour before stands for it). A flow of a unit without load ranges:
     * the average of all its previous quality-assured values (§75.57 Table 4a, code 7(c)). No prior quality-assured
     * data, §75.31(b)(2) and (c): the maximum potential value; for moisture the minimum potential (§75.37(b)), and
     * O2 likewise ({@link Direction#LOWER}). A load-based flow or NOx monitor (§75.31(c), Table 4a code 7(b)) passes as
     * {@code previous} its values at the missing hour's load range or the nearest higher one.
     */
    public static Substitution initial(Direction direction, boolean flow, Double hourBefore, Double hourAfter,
                                       List<Double> previous, double potential) {
        if (flow && !previous.isEmpty()) {
            return new Substitution(previous.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                    Tier.INITIAL_MEAN_OF_PREVIOUS);
        }
        if (flow || hourBefore == null) {
            return new Substitution(potential, direction == Direction.HIGHER ? Tier.MAXIMUM_POTENTIAL : Tier.MINIMUM_POTENTIAL);
        }
        double after = hourAfter == null ? hourBefore : hourAfter;
        return new Substitution((hourBefore + after) / 2, Tier.INITIAL_MEAN_BEFORE_AFTER);
    }

    /** Nearest-rank percentile: the value at rank ⌈p × n / 100⌉ of the sorted values (the smallest for p = 0). */
    public static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p * sorted.length / 100);
        return sorted[Math.max(rank, 1) - 1];
    }
}
