package io.plumeline.core.emissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link Calculation} with the equations of its method: the mass of each gas, its CO2e under the
 * request's GWP set and every step of the working. Refuses a request that cannot be computed with a
 * {@link CalculationException} naming the input. The one implementation of every equation: the hourly
 * accounting and the what-if API both come here.
 */
public final class Calculator {

    private final Factors factors;

    public Calculator(Factors factors) {
        this.factors = factors;
    }

    public static Calculator withDefaults() {
        return new Calculator(Factors.defaults());
    }

    public Factors factors() {
        return factors;
    }

    public CalculationResult calculate(Calculation c) {
        Working w = new Working(c.method(), c.inputs());
        if (c.method() != CalculationMethod.EU_MRR_MASS_BALANCE && !c.streams().isEmpty()) {
            throw new CalculationException("streams", "only EU_MRR_MASS_BALANCE takes streams");
        }
        Map<Gas, Double> masses = switch (c.method()) {
            case EPA_C1 -> EpaSubpartC.tier1(w, factors.epaC1C2(), c.fuel());
            case EPA_C2A -> EpaSubpartC.tier2(w, factors.epaC1C2(), c.fuel());
            case EPA_C5 -> EpaSubpartC.tier3(w, factors.epaC1C2(), c.fuel());
            case EPA_C6 -> EpaSubpartC.tier4(w);
            case EPA_C8 -> EpaSubpartC.c8(w, factors.epaC1C2(), c.fuel());
            case EPA_C10 -> EpaSubpartC.c10(w, factors.epaC1C2(), c.fuel());
            case EPA_Y1A -> EpaSubpartY.y1a(w, factors.epaSubpartY());
            case EPA_Y2 -> EpaSubpartY.y2(w, factors.epaSubpartY());
            case EPA_Y3 -> EpaSubpartY.y3(w, factors.epaSubpartY());
            case EPA_Y6 -> EpaSubpartY.y6(w, factors.epaSubpartY());
            case EPA_Y8 -> EpaSubpartY.y8(w, factors.epaSubpartY());
            case EPA_Y12 -> EpaSubpartY.y12(w, factors.epaSubpartY());
            case EPA_ZZ -> EpaSubpartZZ.calcining(w);
            case EPA_P1 -> EpaSubpartP.p1(w);
            case EU_MRR_STD -> EuMrr.standard(w, factors.ipccMrr(), c.fuel());
            case EU_MRR_MASS_BALANCE -> EuMrr.massBalance(w, c.streams());
            case CN_MEE_COMBUSTION -> ChinaMee.combustion(w, factors.chinaMee(), c.fuel());
            case CN_MEE_FLARE -> ChinaMee.flare(w, factors.chinaMee());
            case CN_MEE_FCC_COKE -> ChinaMee.catalyticCrackingCoke(w, factors.chinaMee());
            case CN_MEE_REFORMER_COKE -> ChinaMee.reformerCoke(w, factors.chinaMee());
            case CN_MEE_HYDROGEN -> ChinaMee.hydrogen(w);
            case CN_MEE_ETHYLENE_DECOKING -> ChinaMee.ethyleneDecoking(w);
            case CN_MEE_CO2_RECOVERY -> ChinaMee.co2Recovery(w);
            case CN_MEE_ELECTRICITY -> ChinaMee.electricity(w, factors.chinaGrid(), c.fuel());
            case CN_MEE_HEAT -> ChinaMee.heat(w, factors.chinaMee());
            case EU_MRR_CAT_CRACKER -> EuMrr.catalystRegeneration(w);
            case EU_MRR_HYDROGEN -> EuMrr.hydrogen(w, factors.mrrAnnexIv());
            case EPA_PART75_F11 -> EpaPart75.f11(w);
            case POLLUTANT_MASS -> PollutantMass.compute(w);
        };
        return co2e(c, masses, w);
    }

    /**
     * CO2e = Σ GWP × mass over the greenhouse gases; the CH4 GWP follows the fuel's fossil flag where the method
     * reads the fuel's Table C-2 row; the refinery process and flare methane of Subpart Y is fossil.
     */
    private CalculationResult co2e(Calculation c, Map<Gas, Double> masses, Working w) {
        boolean fossil = !masses.containsKey(Gas.CH4) || !factors.tablesOf(c.method()).contains(factors.epaC1C2())
                || factors.epaC1C2().fossil(c.fuel());
        List<CalculationResult.GasResult> results = new ArrayList<>();
        StringBuilder formula = new StringBuilder();
        double total = 0;
        for (Map.Entry<Gas, Double> entry : masses.entrySet()) {
            Gas gas = entry.getKey();
            double co2e = 0;
            if (gas.greenhouse()) {
                double gwp = c.gwp().of(gas, fossil);
                if (gas != Gas.CO2) w.sourced("GWP " + gas, c.gwp().id() + (gas == Gas.CH4 ? (fossil ? ", fossil" : ", non-fossil") : ""),
                        gwp, "1", c.gwp().source());
                co2e = gwp * entry.getValue();
                formula.append(formula.isEmpty() ? "" : " + ").append(gas == Gas.CO2 ? "CO2" : gwp + " × " + gas);
            }
            results.add(new CalculationResult.GasResult(gas, entry.getValue(), co2e));
            total += co2e;
        }
        if (!formula.isEmpty()) w.step("CO2e", formula.toString(), total / 1000, "t");
        return new CalculationResult(c.method(), c.gwp().id(), List.copyOf(results), total, w.steps());
    }
}
