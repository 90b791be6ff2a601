package io.plumeline.core.site;

import io.plumeline.core.emissions.CalculationMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a source may use its method under the site's program (docs/calculations.md, "Method eligibility").
 * Only what the site model knows is checked: the program, the fuel, the category, the exception a source
 * states and the maximum rated heat input it states. Each refusal names the rule it breaks.
 */
final class MethodEligibility {

    /** Ids a site model may still spell that no longer name a method, with what became of them (none now). */
    static final Map<String, String> RENAMED = Map.of();

    /**
     * 40 CFR 98.252(a): CO2 from refinery fuel gas by Eq. C-5 or Tier 4, "unless either of the conditions in
     * paragraphs (a)(1) or (2) of this section are met, in which case use either Equations C-1 or C-2a".
     */
    static final Set<String> FUEL_GAS_EXCEPTIONS = Set.of("98.252(a)(1)", "98.252(a)(2)");
    static final Set<CalculationMethod> FUEL_GAS_METHODS =
            Set.of(CalculationMethod.EPA_C5, CalculationMethod.EPA_C6, CalculationMethod.EPA_PART75_F11);
    static final Set<CalculationMethod> FUEL_GAS_EXCEPTION_METHODS = Set.of(CalculationMethod.EPA_C1, CalculationMethod.EPA_C2A);

    /**
     * 40 CFR 98.33(b)(1), (b)(2): Tier 1 and Tier 2 for units of a maximum rated heat input capacity of 250 mmBtu/h
     * or less; above it Tier 2 only for natural gas and distillate oil, other fuels by Tier 3 (98.33(b)(3)) or
     * Tier 4. The rule's other Tier 1 cases (a Table C-1 fuel under 10 % of the unit's heat input, MSW, ...)
     * depend on data the site model does not have and are not accepted here.
     */
    static final double TIER_1_2_MAX_MMBTU_PER_HOUR = 250;
    static final Set<String> TIER_2_ANY_SIZE_FUELS = Set.of("natural_gas", "distillate_no2");
    static final String HEAT_INPUT_UOM = "mmBtu/h";

    private MethodEligibility() {
    }

    /** The problems of {@code source} at {@code path} under {@code program}, each "path: message". */
    static List<String> problems(String path, EmissionSource source, CalculationMethod method, Site site) {
        String program = site == null ? null : site.program();
        boolean refinery = site != null && site.subparts().contains("Y");
        List<String> problems = new ArrayList<>();
        String family = program(method);
        if (family != null && program != null && !family.equals(program)) {
            problems.add(path + ".method: " + method + " is a method of " + family + "; a " + program
                    + " site reports by the methods of its own program (" + methodsOf(program) + ")");
            return problems;
        }
        boolean part98 = "EPA_PART98".equals(program);
        boolean fuelGasRule = refinery && "stationary_combustion".equals(source.category()) && "fuel_gas".equals(source.fuel());
        String exception = source.exception();
        if (exception != null && !FUEL_GAS_EXCEPTIONS.contains(exception)) {
            problems.add(path + ".exception: '" + exception + "' is not a paragraph a rule here has; one of "
                    + new java.util.TreeSet<>(FUEL_GAS_EXCEPTIONS) + " (40 CFR 98.252(a))");
        } else if (exception != null && !(fuelGasRule && FUEL_GAS_EXCEPTION_METHODS.contains(method))) {
            problems.add(path + ".exception: " + exception + " lets a fuel gas source of a Part 98 refinery (site subparts"
                    + " with Y, category stationary_combustion, fuel fuel_gas) use EPA_C1 or EPA_C2A; this source needs no exception");
        }
        if (fuelGasRule && !FUEL_GAS_METHODS.contains(method) && method != CalculationMethod.EPA_C8
                && !(exception != null && FUEL_GAS_EXCEPTION_METHODS.contains(method))) {
            problems.add(path + ".method: 40 CFR 98.252(a) requires CO2 from refinery fuel gas by Eq. C-5 (EPA_C5) or"
                    + " Tier 4 (EPA_C6, EPA_PART75_F11), found " + method + "; EPA_C1 or EPA_C2A only with"
                    + " 'exception: \"98.252(a)(1)\"' or '\"98.252(a)(2)\"' when that paragraph's condition is met");
        }
        problems.addAll(subpartOfMethodProblems(path, method, site, part98));
        problems.addAll(heatInputProblems(path, source, method, part98));
        problems.addAll(defaultFlareProblems(path, source, method));
        return problems;
    }

    /**
     * 40 CFR 98.253(b)(1)(iii): Eq. Y-3 is for a flare whose HHV and carbon content are not measured at least
     * weekly, with the HHV of company records. A tag feeding its {@code hhv} is a monitored HHV, which is Eq. Y-2
     * ((b)(1)(ii)(B)); EPA_Y3 named that method until it was renamed EPA_Y2, so an older site model lands here.
     */
    private static List<String> defaultFlareProblems(String path, EmissionSource source, CalculationMethod method) {
        SourceInput hhv = source.inputs().get("hhv");
        if (method != CalculationMethod.EPA_Y3 || hhv == null || !hhv.isTag()) return List.of();
        return List.of(path + ".inputs.hhv: EPA_Y3 is Eq. Y-3 of 40 CFR 98.253(b)(1)(iii), the default-factor method for"
                + " a flare whose HHV is not measured at least weekly, with a constant HHV from company records; tag '"
                + hhv.tag() + "' measures the HHV, which is Eq. Y-2 of 98.253(b)(1)(ii)(B): use EPA_Y2 (EPA_Y3 was its id"
                + " until renamed)");
    }

    private static List<String> heatInputProblems(String path, EmissionSource source, CalculationMethod method, boolean part98) {
        SourceInput rated = source.maxRatedHeatInput();
        if (rated == null) return List.of();
        String at = path + ".maxRatedHeatInput";
        if (rated.isTag() || rated.value() == null || !HEAT_INPUT_UOM.equals(rated.uom())) {
            return List.of(at + ": give the unit's maximum rated heat input as {value: ..., uom: " + HEAT_INPUT_UOM
                    + "} (HHV basis, as 40 CFR 98.33(b) states it)");
        }
        if (!(rated.value() > 0) || rated.value().isInfinite()) {
            return List.of(at + ": must be a positive number of " + HEAT_INPUT_UOM + ", found " + rated.value());
        }
        boolean tier1 = method == CalculationMethod.EPA_C1;
        boolean tier2 = method == CalculationMethod.EPA_C2A;
        if (!part98 || rated.value() <= TIER_1_2_MAX_MMBTU_PER_HOUR || !(tier1 || tier2)) return List.of();
        if (tier2 && TIER_2_ANY_SIZE_FUELS.contains(source.fuel())) return List.of();
        return List.of(path + ".method: 40 CFR 98.33(b) allows Tier " + (tier1 ? 1 : 2) + " (" + method + ") for a unit"
                + " of at most " + (int) TIER_1_2_MAX_MMBTU_PER_HOUR + " mmBtu/h" + (tier2 ? " unless it burns natural gas"
                + " or distillate oil" : "") + "; this one is rated " + rated.value() + " mmBtu/h: use Tier 3 (EPA_C5)"
                + " or Tier 4 (EPA_C6, EPA_PART75_F11)" + (tier1 ? ", or Tier 2 (EPA_C2A) for natural gas or distillate oil" : ""));
    }

    /**
     * A Part 98 facility that lists its subparts (98.2(a): it reports under every subpart that applies, 98.3(c)(4)
     * by subpart) lists the one each of its methods belongs to: a hydrogen plant's Eq. P-1 is subpart P, not Y,
     * even inside a refinery. A site that lists none is not checked.
     */
    private static List<String> subpartOfMethodProblems(String path, CalculationMethod method, Site site, boolean part98) {
        // a list with a malformed entry is refused on its own (subpartProblems); its methods are not checked against it
        if (!part98 || site.subparts().isEmpty() || site.subparts().stream().anyMatch(s -> !wellFormed(s))) return List.of();
        String subpart = subpartOf(method);
        if (subpart == null || site.subparts().contains(subpart)) return List.of();
        return List.of(path + ".method: " + method + " is a method of 40 CFR Part 98 subpart " + subpart
                + "; the site's subparts " + site.subparts() + " do not list " + subpart + ": add it to site.subparts");
    }

    /** The Part 98 subpart of a method: C for combustion (Tier 4 and Part 75's F-11 included), P, Y, ZZ. */
    static String subpartOf(CalculationMethod method) {
        String id = method.name();
        if (id.equals("EPA_P1")) return "P";
        if (id.equals("EPA_ZZ")) return "ZZ";
        if (id.startsWith("EPA_Y")) return "Y";
        if (id.startsWith("EPA_C") || id.equals("EPA_PART75_F11")) return "C";
        return null;
    }

    /** A Part 98 facility names its subparts as the rule does: a letter or two (C, Y, MM). */
    static List<String> subpartProblems(Site site) {
        List<String> problems = new ArrayList<>();
        if (site.subparts().isEmpty()) return problems;
        if (!"EPA_PART98".equals(site.program())) {
            problems.add("site.subparts: are the subparts of 40 CFR Part 98; a " + site.program() + " site has none");
        }
        for (int i = 0; i < site.subparts().size(); i++) {
            String subpart = site.subparts().get(i);
            if (!wellFormed(subpart)) {
                problems.add("site.subparts[" + i + "]: '" + subpart + "' is not a Part 98 subpart (a letter or two: C, Y, MM)");
            }
        }
        return problems;
    }

    private static boolean wellFormed(String subpart) {
        return subpart != null && subpart.matches("[A-Z]{1,2}");
    }

    /** The program a method belongs to, or null for a method any program may use (pollutants). */
    static String program(CalculationMethod method) {
        String id = method.name();
        if (id.startsWith("EPA_")) return "EPA_PART98";
        if (id.startsWith("EU_MRR_")) return "EU_ETS";
        if (id.startsWith("CN_MEE_")) return "CN_MEE";
        return null;
    }

    private static List<String> methodsOf(String program) {
        return java.util.Arrays.stream(CalculationMethod.values()).filter(m -> {
            String family = program(m);
            return family == null || family.equals(program);
        }).map(Enum::name).toList();
    }
}
