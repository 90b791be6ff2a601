package io.plumeline.core.emissions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mass of a pollutant from its concentration and the flue gas flow: E [kg/h] = C [mg/Nm3] × Q [Nm3/h] ×
 * 1e-6, concentration and flow on the same (dry or wet) basis. One input per pollutant measured.
 */
public final class PollutantMass {

    static final Map<String, Gas> CONCENTRATIONS =
            Map.of("noxConcentration", Gas.NOX, "so2Concentration", Gas.SO2, "coConcentration", Gas.CO);

    private PollutantMass() {
    }

    /** E [kg/h] = C [mg/Nm3] × Q [Nm3/h] × 1e-6. */
    public static double kgPerHour(double concentrationMgPerNm3, double flowNm3PerHour) {
        return concentrationMgPerNm3 * flowNm3PerHour * 1e-6;
    }

    static Map<Gas, Double> compute(Working w) {
        if (CONCENTRATIONS.keySet().stream().noneMatch(w::has)) {
            throw new CalculationException("noxConcentration", "POLLUTANT_MASS needs at least one of "
                    + CONCENTRATIONS.keySet().stream().sorted().toList());
        }
        double flow = w.input("stackFlow", "Nm3/h");
        double hours = w.input("duration", "h");
        Map<Gas, Double> masses = new LinkedHashMap<>();
        for (String input : new String[] {"noxConcentration", "so2Concentration", "coConcentration"}) {
            if (!w.has(input)) continue;
            Gas gas = CONCENTRATIONS.get(input);
            // Wet/dry and O2-normalised concentrations need the measured moisture and O2, which this method
            // does not take yet: refused rather than taken as raw (docs/calculations.md, measurement bases)
            if (!w.given(input).unit().basis().isNone()) {
                throw new CalculationException(input, "in '" + w.given(input).unit() + "' states a basis ("
                        + w.given(input).unit().basis().describe() + "); POLLUTANT_MASS takes only a concentration on the flow's own basis, in 'mg/Nm3'");
            }
            double c = w.input(input, "mg/Nm3");
            double rate = w.step(gas + " rate", "C × Q × 1e-6", kgPerHour(c, flow), "kg/h");
            masses.put(gas, w.step(gas.symbol(), gas + " rate × duration", rate * hours, "kg"));
        }
        return masses;
    }
}
