package io.plumeline.core.emissions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mass of a pollutant from its concentration and the flue gas flow: E [kg/h] = C [mg/Nm3] × Q [Nm3/h] ×
 * 1e-6, concentration and flow on the same (dry or wet) basis and the concentration at the flue gas's actual O2: a
 * concentration on another basis is first put on the flow's ({@link FlueGasBasis}). One input per pollutant measured.
 */
public final class PollutantMass {

    /** The concentration inputs, in the order the gases are computed. */
    public static final List<String> CONCENTRATION_INPUTS = List.of("noxConcentration", "so2Concentration", "coConcentration");

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
        for (String input : CONCENTRATION_INPUTS) {
            if (!w.has(input)) continue;
            Gas gas = CONCENTRATIONS.get(input);
            double c = FlueGasBasis.onFlowBasis(w, input, "stackFlow");
            double rate = w.step(gas + " rate", "C × Q × 1e-6", kgPerHour(c, flow), "kg/h");
            masses.put(gas, w.step(gas.symbol(), gas + " rate × duration", rate * hours, "kg"));
        }
        return masses;
    }
}
