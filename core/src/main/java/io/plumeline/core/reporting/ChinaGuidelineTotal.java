package io.plumeline.core.reporting;

import io.plumeline.core.emissions.Accounting;
import io.plumeline.core.emissions.CalculationMethod;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * 企业温室气体排放总量, the enterprise total of 《中国石油化工企业温室气体排放核算方法与报告指南（试行）》 (NDRC, 2014), from
 * a period's per-source sums: its six parts, each as the guideline's reporting table writes it, the direct and
 * indirect emissions apart, and the total. Masses in kg of CO2e under the report's GWP set: the guideline counts
 * CO2 only and the {@code CN_MEE_*} methods give CO2 alone, so CO2e is their CO2; a method that gave another gas
 * would have it counted in its part as CO2e, as the guideline's E_GHG_过程 allows (docs/calculations.md, "China MEE").
 *
 * <p>{@code co2eKg} of a part is the quantity the guideline reports, so CO2回收利用量 is the CO2 recovered (positive)
 * although the recovery method stores it as a negative mass; {@code countedKg} is what the part adds to the total
 * (−R for the deduction), so that the subtraction is a row of its own and never hidden in a sum.
 */
public record ChinaGuidelineTotal(List<PartTotal> parts, double directKg, double deductionKg, double indirectKg,
                                  double totalKg) {

    /** The guideline's parts in the order of its equation (1) and reporting table. */
    public enum Part {
        COMBUSTION("E_CO2_燃烧", "燃料燃烧排放", Accounting.DIRECT),
        FLARE("E_CO2_火炬", "火炬燃烧排放", Accounting.DIRECT),
        PROCESS("E_GHG_过程", "工业生产过程排放", Accounting.DIRECT),
        CO2_RECOVERED("R_CO2_回收", "CO2回收利用量", Accounting.DEDUCTION),
        ELECTRICITY("E_CO2_净电", "净购入电力隐含的排放", Accounting.INDIRECT),
        HEAT("E_CO2_净热", "净购入热力隐含的排放", Accounting.INDIRECT);

        private final String symbol;
        private final String guidelineName;
        private final Accounting accounting;

        Part(String symbol, String guidelineName, Accounting accounting) {
            this.symbol = symbol;
            this.guidelineName = guidelineName;
            this.accounting = accounting;
        }

        /** The term of equation (1), e.g. {@code E_CO2_燃烧}. */
        public String symbol() {
            return symbol;
        }

        /** The part's name in the guideline's reporting table, e.g. 燃料燃烧排放. */
        public String guidelineName() {
            return guidelineName;
        }

        public Accounting accounting() {
            return accounting;
        }
    }

    /** The site model's program whose reports carry these parts. */
    public static final String PROGRAM = "CN_MEE";

    /** The name of the total in the guideline's reporting table. */
    public static final String TOTAL_NAME = "企业温室气体排放总量";

    /** Equation (1) as the guideline writes it. */
    public static final String EQUATION = "E_GHG = E_CO2_燃烧 + E_CO2_火炬 + E_GHG_过程 − R_CO2_回收 + E_CO2_净电 + E_CO2_净热";

    /** One part over the period and the sources whose results it holds, in the order of the report's sources. */
    public record PartTotal(Part part, Accounting accounting, double co2eKg, double countedKg, List<String> sources) {
    }

    /**
     * The parts and the total of {@code sources} (a period's roll-up). A source's part is told by its method (each
     * {@code CN_MEE_*} method computes one of the guideline's sources); a direct method that is not the guideline's
     * falls back on the source's category ({@code stationary_combustion}, {@code flare}, {@code process}:
     * {@code categoryOf} gives it by source id, null for a source no longer in the site model). A source without
     * CO2e (pollutants) is in no part. A source with CO2e that fits no part is refused: leaving it out would make
     * the total differ from the sum of the report's sources without saying so.
     */
    public static ChinaGuidelineTotal of(List<SourceTotal> sources, Function<String, String> categoryOf) {
        Map<Part, double[]> sums = new EnumMap<>(Part.class);
        Map<Part, List<String>> members = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            sums.put(part, new double[1]);
            members.put(part, new ArrayList<>());
        }
        for (SourceTotal source : sources) {
            Optional<Part> byMethod = byMethod(source.method());
            // a method of no part without CO2e (pollutants) adds nothing and would only crowd a part's sources
            if (byMethod.isEmpty() && source.co2eKg() == 0) continue;
            Optional<Part> part = byMethod.isPresent() ? byMethod
                    : byCategory(source.method(), categoryOf.apply(source.source()));
            if (part.isEmpty()) {
                throw new IllegalArgumentException("source " + source.source() + " (method " + source.method()
                        + ", category " + categoryOf.apply(source.source()) + ") has CO2e but is none of the parts of the"
                        + " China petrochemical guideline's equation (1)");
            }
            sums.get(part.get())[0] += source.co2eKg();
            members.get(part.get()).add(source.source());
        }
        List<PartTotal> parts = new ArrayList<>();
        for (Part part : Part.values()) {
            double sum = sums.get(part)[0];
            // the recovery method's mass is −R; the guideline reports R and subtracts it
            double reported = part.accounting() == Accounting.DEDUCTION && sum != 0 ? -sum : sum;
            parts.add(new PartTotal(part, part.accounting(), reported, sum, List.copyOf(members.get(part))));
        }
        double combustion = parts.get(Part.COMBUSTION.ordinal()).co2eKg();
        double flare = parts.get(Part.FLARE.ordinal()).co2eKg();
        double process = parts.get(Part.PROCESS.ordinal()).co2eKg();
        double recovered = parts.get(Part.CO2_RECOVERED.ordinal()).co2eKg();
        double electricity = parts.get(Part.ELECTRICITY.ordinal()).co2eKg();
        double heat = parts.get(Part.HEAT.ordinal()).co2eKg();
        // 《中国石油化工企业温室气体排放核算方法与报告指南（试行）》 (2014), equation (1):
        // E_GHG = E_CO2_燃烧 + E_CO2_火炬 + E_GHG_过程 − R_CO2_回收 + E_CO2_净电 + E_CO2_净热
        double total = combustion + flare + process - recovered + electricity + heat;
        return new ChinaGuidelineTotal(List.copyOf(parts), combustion + flare + process, recovered, electricity + heat,
                total);
    }

    /** The part each of the guideline's methods computes. */
    static Optional<Part> byMethod(String methodId) {
        return CalculationMethod.find(methodId).flatMap(method -> switch (method) {
            case CN_MEE_COMBUSTION -> Optional.of(Part.COMBUSTION);
            case CN_MEE_FLARE -> Optional.of(Part.FLARE);
            case CN_MEE_FCC_COKE, CN_MEE_REFORMER_COKE, CN_MEE_HYDROGEN, CN_MEE_ETHYLENE_DECOKING -> Optional.of(Part.PROCESS);
            case CN_MEE_CO2_RECOVERY -> Optional.of(Part.CO2_RECOVERED);
            case CN_MEE_ELECTRICITY -> Optional.of(Part.ELECTRICITY);
            case CN_MEE_HEAT -> Optional.of(Part.HEAT);
            default -> Optional.empty();
        });
    }

    /** A direct method that is not the guideline's: the part of the source's category, where it names one. */
    static Optional<Part> byCategory(String methodId, String category) {
        // an indirect or deducted result cannot be placed by a category, which names where a source emits
        boolean direct = CalculationMethod.find(methodId).map(m -> m.accounting() == Accounting.DIRECT).orElse(true);
        if (!direct || category == null) return Optional.empty();
        return switch (category) {
            case "stationary_combustion" -> Optional.of(Part.COMBUSTION);
            case "flare" -> Optional.of(Part.FLARE);
            case "process" -> Optional.of(Part.PROCESS);
            default -> Optional.empty();
        };
    }

    /** The total of one part. */
    public PartTotal part(Part part) {
        return parts.get(part.ordinal());
    }
}
