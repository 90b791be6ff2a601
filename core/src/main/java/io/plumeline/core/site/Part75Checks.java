package io.plumeline.core.site;

import io.plumeline.core.emissions.Part75LoadRange;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * What a {@code substitution: PART75} source needs for the rules it is filled by. It is a Part 75 CEMS
 * ({@link #CEMS_METHODS}): a method computed from fuel meters would be filled by Appendix D, which is not implemented.
 * A flow monitor's and a NOx monitor's missing hours are filled from the values of the hour's load range (40 CFR
 * 75.33(c) Table 2, §75.31(c)), so such a source names its unit's load ({@code load}: the tag and the maximum hourly gross load, Appendix C §2.1).
 * Units without a load, whose Table 2 works on operational bins, are not implemented: without {@code load} the source
 * is refused, naming the rule. {@code potential} gives an input's potential value (Appendix A §2.1: the maximum
 * potential concentration or flow, the minimum potential moisture) where the tag's valid range is not it. Either
 * block on a source not filled by Part 75 would be read by nothing and is refused.
 */
final class Part75Checks {

    static final String PART75 = "PART75";
    /**
     * The methods of a Part 75 CEMS: CO2 by Appendix F Eq. F-11 or Part 98's Tier 4 (Eq. C-6), pollutants from flow and
     * concentration monitors. A method computed from fuel meters and their heating value would follow Appendix D §2.4's
     * missing data (fuel flow, GCV, density), which is not implemented.
     */
    static final Set<String> CEMS_METHODS = Set.of("EPA_PART75_F11", "EPA_C6", "POLLUTANT_MASS");

    private Part75Checks() {
    }

    /** After the load's own checks ({@link SiteModelValidator}): whether the source has the load its rule needs. */
    static void check(String path, EmissionSource source, BiConsumer<String, String> problem) {
        if (!PART75.equals(source.substitution())) {
            if (source.load() != null) {
                problem.accept(path + ".load", "is read only by substitution PART75 (40 CFR 75.33(c) Table 2), not by "
                        + source.substitution());
            }
            if (!source.potential().isEmpty()) {
                problem.accept(path + ".potential", "is read only by substitution PART75 (40 CFR 75.33, Appendix A §2.1),"
                        + " not by " + source.substitution());
            }
            return;
        }
        if (source.method() != null && !CEMS_METHODS.contains(source.method())) {
            problem.accept(path + ".substitution", "PART75 is for a Part 75 CEMS source (" + String.join(", ", new TreeSet<>(CEMS_METHODS))
                    + "); " + source.method() + " is not a CEMS method: Part 75 fills a fuel meter's data by Appendix D §2.4"
                    + " (fuel flow, GCV), which is not implemented: use the program's rule (substitution: PROGRAM)");
            return;
        }
        source.potential().forEach((input, value) -> {
            SourceInput spec = source.inputs().get(input);
            if (spec == null || !spec.isTag()) {
                problem.accept(path + ".potential." + input, "names no input of the source read from a tag; inputs: "
                        + source.inputs().keySet());
            } else if (value == null || !Double.isFinite(value) || value < 0) {
                problem.accept(path + ".potential." + input, "must be a number of at least 0 in the unit of tag '"
                        + spec.tag() + "', found " + value);
            }
        });
        if (source.load() != null) return;
        for (String input : Part75LoadRange.LOAD_BASED_INPUTS) {
            if (Part75LoadRange.loadBased(source, input)) {
                problem.accept(path + ".load", "is required by substitution PART75 with input " + input + " read from a tag:"
                        + " its missing hours are filled from the values of the hour's load range, 40 CFR 75.33(c) Table 2,"
                        + " drawn from the unit's load tag and maximum hourly gross load (Appendix C §2.1); operational bins"
                        + " of units without a load are not implemented");
                return;
            }
        }
    }
}
