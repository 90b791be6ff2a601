package io.plumeline.core.site;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Part 75 rules a {@code substitution: PART75} source would need that Plumeline does not implement: the site
 * model refuses such a source, naming the rule, rather than fill its gaps by another one. A flow monitor's and a NOx
 * monitor's missing hours are filled per 40 CFR 75.33(c) and its Table 2 from the values of the corresponding load
 * range (or operational bin), which is not implemented; the concentration parameters (SO2, CO2, O2, moisture) follow
 * Table 1 and §§75.35–75.37, which are.
 */
final class Part75Checks {

    static final String PART75 = "PART75";
    /** The inputs measured by a flow or NOx monitor, whose missing data are load-based. */
    private static final Map<String, String> LOAD_BASED = Map.of(
            "stackFlow", "a stack flow monitor", "noxConcentration", "a NOx concentration monitor");

    private Part75Checks() {
    }

    static void check(String path, EmissionSource source, BiConsumer<String, String> problem) {
        if (!PART75.equals(source.substitution())) return;
        for (Map.Entry<String, String> loadBased : LOAD_BASED.entrySet()) {
            SourceInput input = source.inputs().get(loadBased.getKey());
            if (input != null && input.isTag()) {
                problem.accept(path + ".inputs." + loadBased.getKey(), "substitution PART75: the missing hours of "
                        + loadBased.getValue() + " are filled from its load range, 40 CFR 75.33(c) Table 2, which is not"
                        + " implemented");
            }
        }
    }
}
