package io.plumeline.core.emissions;

import io.plumeline.core.site.EmissionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The load ranges of 40 CFR 75, by which a flow monitor's and a NOx monitor's missing hours are filled (§75.33(c)
 * Table 2, §75.31(c)): Appendix C §2.1's ten operating load ranges, each a tenth of the unit's maximum hourly gross
 * load — range 1 up to 10 %, range k above 10(k − 1) % up to 10k %, range 10 above 90 % (a load above the maximum is
 * in range 10). A missing hour takes the values of the quality-assured hours at its own range or, when that range has
 * none, at the nearest higher range that has (§75.57 Table 4a, code 7(b): "at the corresponding load range (or a
 * higher load range)"). Operational bins of units without a load are not here.
 */
public final class Part75LoadRange {

    /** The key under which the job hands the load tag's samples over with a source's inputs. */
    public static final String LOAD_KEY = "load";
    /** The inputs measured by a flow monitor or a NOx monitor, whose missing hours Table 2 fills by load range. */
    public static final Set<String> LOAD_BASED_INPUTS = Set.of("stackFlow", "noxConcentration");
    public static final int RANGES = 10;

    private Part75LoadRange() {
    }

    /** Whether {@code input} of {@code source} is filled by load range: a load-based input read from a tag. */
    public static boolean loadBased(EmissionSource source, String input) {
        return LOAD_BASED_INPUTS.contains(input) && source.inputs().containsKey(input) && source.inputs().get(input).isTag();
    }

    /** The range (1–10) of an hour's load, given the unit's maximum hourly gross load in the same unit. */
    public static int of(double load, double maximum) {
        if (!(maximum > 0) || !Double.isFinite(maximum)) {
            throw new IllegalArgumentException("the maximum hourly gross load must be positive, found " + maximum);
        }
        double percent = load / maximum * 100;
        if (!(percent > 10)) return 1;
        return (int) Math.min(RANGES, Math.ceil(percent / 10));
    }

    /**
     * The values of the hours at {@code range}, or at the nearest higher range with any; empty when neither.
     * {@code ranges} and {@code values} are parallel, a null range (an hour recorded without its load) matching none.
     */
    public static List<Double> valuesAt(int range, List<Integer> ranges, List<Double> values) {
        for (int r = range; r <= RANGES; r++) {
            List<Double> at = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Integer hourRange = ranges.get(i);
                if (hourRange != null && hourRange == r) at.add(values.get(i));
            }
            if (!at.isEmpty()) return at;
        }
        return List.of();
    }
}
