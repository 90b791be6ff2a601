package io.plumeline.core.emissions;

import static io.plumeline.core.emissions.CalculationMethod.EPA_C6;
import static io.plumeline.core.emissions.CalculationMethod.EPA_PART75_F11;
import static io.plumeline.core.emissions.CalculationMethod.EPA_Y1A;
import static io.plumeline.core.emissions.CalculationMethod.EPA_Y12;
import static io.plumeline.core.emissions.CalculationMethod.EPA_Y2;
import static io.plumeline.core.emissions.CalculationMethod.EPA_Y3;
import static io.plumeline.core.emissions.CalculationMethod.EPA_Y6;
import static io.plumeline.core.emissions.CalculationMethod.EPA_Y8;
import static io.plumeline.core.emissions.CalculationMethod.POLLUTANT_MASS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Each regulatory program's own rule for a missing quality-assured value, per input (docs/calculations.md, "Missing
 * data"). Pure: {@link #estimate} takes the values around the gap and the history as arguments and says which
 * fallback it took when the rule's first choice was not available. A named backup tag (site model
 * {@code missingData.<input>.backup}) comes before every estimate here: it is measured data of the same quantity or
 * a correlated one, and {@link GapFill} uses it wherever it is GOOD.
 */
public enum MissingDataRule {
    EPA_PART98, EU_ETS, CN_MEE;

    /** How a missing value is estimated. */
    public enum Estimate {
        /** §98.35(b)(1), §98.255(b): the mean of the quality-assured values immediately before and after the gap. */
        MEAN_BEFORE_AFTER,
        /** §98.35(b)(2), §98.255(c): the best available estimate: the backup tag, else the last good value. */
        BEST_AVAILABLE,
        /** MRR Art. 45: the reference period's mean plus twice its standard deviation (minus, where lower is conservative). */
        MEAN_PLUS_TWO_SIGMA,
        /** MRR Art. 44(2): the mean of the hour's remaining values (at least 80 % of the hour measured). */
        MEAN_OF_REMAINING,
        /** MRR Art. 66(1), MEE guideline: a conservative estimate: the worst of the values around the gap and the reference period. */
        CONSERVATIVE
    }

    /** The rule that fills one input: an id for the report, the text it follows, and its estimate. */
    public record Rule(String id, String citation, Estimate estimate) {
    }

    /**
     * MRR Art. 44(2): a CEMS parameter with at least {@link #HOURLY_MEAN_MIN_SHARE} of the hour's possible measurements
     * has its hourly mean computed pro rata from the remaining values; only below that do Art. 45(2)–(4) substitute.
     * Filling the gaps with the mean of the hour's remaining values gives that hourly mean.
     */
    public static final Rule EU_MRR_HOURLY_MEAN = new Rule("EU_MRR_HOURLY_MEAN_OF_REMAINING",
            "Regulation (EU) 2018/2066 Art. 44(2)", Estimate.MEAN_OF_REMAINING);
    public static final double HOURLY_MEAN_MIN_SHARE = 0.8;

    /** A substitute value, and the fallback taken ({@code null}: the rule's first choice); value null: none could be had. */
    public record Value(Double value, String fallback) {
    }

    /** Fallbacks, as the report names them (docs/calculations.md explains each). */
    public static final String VALUE_BEFORE_ONLY = "VALUE_BEFORE_ONLY";
    public static final String FIRST_VALUE_AFTER = "FIRST_VALUE_AFTER";
    public static final String LAST_GOOD_VALUE = "LAST_GOOD_VALUE";
    public static final String NO_REFERENCE_PERIOD = "NO_REFERENCE_PERIOD";
    public static final String REFERENCE_WORST = "REFERENCE_WORST";
    public static final String TAG_VALID_LIMIT = "TAG_VALID_LIMIT";
    public static final String NO_VALUE = "NO_VALUE";

    /** Inputs §98.35(b)(1) names: heat content, carbon content, molecular weight (and their per-energy forms). */
    private static final Set<String> FUEL_PARAMETERS = Set.of("hhv", "ncv", "carbonContent", "carbonContentPerEnergy",
            "molecularWeight");
    /** Subpart Y's own methods (flares, FCCU coke burn-off, sulfur recovery), whose missing data §98.255 governs. */
    private static final Set<CalculationMethod> SUBPART_Y = Set.of(EPA_Y1A, EPA_Y2, EPA_Y3, EPA_Y6, EPA_Y8, EPA_Y12);
    /** Measurement-based methods (a CEMS: concentration × flow), which MRR Art. 45 covers. */
    private static final Set<CalculationMethod> MEASUREMENT = Set.of(EPA_C6, EPA_PART75_F11, POLLUTANT_MASS);

    /** The rule of the site's {@code program}; empty for a program without one here. */
    public static Optional<MissingDataRule> ofProgram(String program) {
        return Arrays.stream(values()).filter(r -> r.name().equals(program)).findFirst();
    }

    /**
     * The rule that fills {@code input} of a source computed by {@code method} in an hour of which the input was
     * measured for {@code measuredShare} (0–1).
     */
    public Rule ruleFor(CalculationMethod method, String input, double measuredShare) {
        Rule rule = ruleFor(method, input);
        return rule.estimate() == Estimate.MEAN_PLUS_TWO_SIGMA && measuredShare >= HOURLY_MEAN_MIN_SHARE
                ? EU_MRR_HOURLY_MEAN : rule;
    }

    /** The rule that fills {@code input} of a source computed by {@code method}. */
    public Rule ruleFor(CalculationMethod method, String input) {
        boolean subpartY = SUBPART_Y.contains(method);
        return switch (this) {
            case EPA_PART98 -> FUEL_PARAMETERS.contains(input)
                    ? new Rule("EPA_PART98_MEAN_BEFORE_AFTER", subpartY ? "40 CFR 98.255(b)" : "40 CFR 98.35(b)(1)",
                            Estimate.MEAN_BEFORE_AFTER)
                    : new Rule("EPA_PART98_BEST_AVAILABLE", subpartY ? "40 CFR 98.255(c)" : "40 CFR 98.35(b)(2)",
                            Estimate.BEST_AVAILABLE);
            case EU_ETS -> MEASUREMENT.contains(method)
                    ? new Rule("EU_MRR_MEAN_PLUS_2SIGMA", "Regulation (EU) 2018/2066 Art. 45", Estimate.MEAN_PLUS_TWO_SIGMA)
                    : new Rule("EU_MRR_CONSERVATIVE", "Regulation (EU) 2018/2066 Art. 66(1)", Estimate.CONSERVATIVE);
            case CN_MEE -> new Rule("CN_MEE_CONSERVATIVE",
                    "MEE GHG accounting guideline for petrochemical enterprises (2014): conservative value, documented",
                    Estimate.CONSERVATIVE);
        };
    }

    /** What the program requires of every missing value, for an error that refuses {@code substitution: NONE}. */
    public String requirement() {
        return switch (this) {
            case EPA_PART98 -> "EPA_PART98 §98.35 (§98.255 for flares) requires a substitute value for every missing"
                    + " quality-assured value";
            case EU_ETS -> "EU_ETS Regulation (EU) 2018/2066 Art. 45 and 66 require a conservative substitute for every data gap";
            case CN_MEE -> "CN_MEE's guideline requires a conservative, documented value for missing data";
        };
    }

    /**
     * The substitute for a gap: {@code before} and {@code after} are the input's quality-assured values immediately
     * before and after it (null where unknown), {@code reference} its quality-assured hourly values over the reference
     * period, {@code limit} the conservative end of the tag's valid range (null if it has none) and
     * {@code higherIsConservative} whether a higher value gives more emissions (false for moisture, which C-7 takes off
     * a dry concentration).
     */
    public static Value estimate(Estimate estimate, Double before, Double after, ReferencePeriod reference, Double limit,
                                 boolean higherIsConservative) {
        return switch (estimate) {
            case MEAN_BEFORE_AFTER -> before != null && after != null ? new Value((before + after) / 2, null)
                    // §98.35(b)(1): the "before" value where the "after" one is not obtained (yet); the first value after
                    // where none is before
                    : before != null ? new Value(before, VALUE_BEFORE_ONLY)
                    : after != null ? new Value(after, FIRST_VALUE_AFTER)
                    : worst(List.of(), reference, limit, higherIsConservative);
            case BEST_AVAILABLE -> before != null ? new Value(before, LAST_GOOD_VALUE)
                    : after != null ? new Value(after, FIRST_VALUE_AFTER)
                    : worst(List.of(), reference, limit, higherIsConservative);
            case MEAN_PLUS_TWO_SIGMA -> {
                if (reference.hours() >= 2) {
                    double mean = reference.mean();
                    double sigma = reference.standardDeviation();
                    yield new Value(higherIsConservative ? mean + 2 * sigma : Math.max(0, mean - 2 * sigma), null);
                }
                Value worst = worst(aroundGap(before, after), reference, limit, higherIsConservative);
                yield new Value(worst.value(), worst.fallback() == null ? NO_REFERENCE_PERIOD
                        : NO_REFERENCE_PERIOD + "+" + worst.fallback());
            }
            case CONSERVATIVE -> worst(aroundGap(before, after), reference, limit, higherIsConservative);
            case MEAN_OF_REMAINING -> throw new IllegalArgumentException(
                    "the mean of the hour's remaining values is the hour's, not an estimate from around the gap");
        };
    }

    private static List<Double> aroundGap(Double before, Double after) {
        return Stream.of(before, after).filter(v -> v != null).toList();
    }

    /** The worst of the values around the gap and the reference period; else the tag's conservative limit; else none. */
    private static Value worst(List<Double> around, ReferencePeriod reference, Double limit, boolean higherIsConservative) {
        List<Double> known = new ArrayList<>(around);
        if (!reference.isEmpty()) known.add(higherIsConservative ? reference.max() : reference.min());
        if (!known.isEmpty()) {
            double worst = higherIsConservative ? known.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    : known.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            return new Value(worst, around.isEmpty() ? REFERENCE_WORST : null);
        }
        return limit != null ? new Value(limit, TAG_VALID_LIMIT) : new Value(null, NO_VALUE);
    }
}
