package io.plumeline.core.emissions;

import io.plumeline.core.units.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Equations of 40 CFR 98.33 (Subpart C, stationary fuel combustion). The static functions on numbers are
 * the equations in the regulation's units; the others take a request's inputs, record the working and
 * return the mass per gas in kg. CH4 and N2O (Eq. C-8) come with every Tier 1 to 3 CO2 result.
 */
public final class EpaSubpartC {

    /** Molar volume at EPA standard conditions (68 °F, 14.7 psia), scf per kg-mol. */
    public static final double MVC_SCF_PER_KGMOL = 849.5;
    /** Eq. C-6 constant, metric tons CO2 per (scf × %CO2). */
    public static final double C6_K = 5.18e-7;

    private EpaSubpartC() {
    }

    /** Eq. C-1 and C-2a: CO2 [t] = 1e-3 × Fuel × HHV × EF, with Fuel × HHV the heat input in mmBtu. */
    public static double c1Tonnes(double heatInputMmBtu, double emissionFactorKgPerMmBtu) {
        return 1e-3 * heatInputMmBtu * emissionFactorKgPerMmBtu;
    }

    /** Eq. C-5: CO2 [t] = 44/12 × Fuel [scf] × CC [kg C/kg] × MW [kg/kg-mol] / MVC × 1e-3. */
    public static double c5Tonnes(double fuelScf, double carbonContent, double molecularWeight) {
        return 44.0 / 12.0 * fuelScf * carbonContent * molecularWeight / MVC_SCF_PER_KGMOL * 1e-3;
    }

    /** Eq. C-6: CO2 [t/h] = 5.18e-7 × C [%CO2, wet] × Q [scfh, wet]. */
    public static double c6TonnesPerHour(double co2PercentWet, double stackFlowScfh) {
        return C6_K * co2PercentWet * stackFlowScfh;
    }

    /** Eq. C-7: a dry-basis concentration on the wet basis, C_wet = C_dry × (100 − %H2O) / 100, the one moisture conversion. */
    public static double c7Wet(double concentrationDry, double moisturePercent) {
        return FlueGasBasis.wetFromDry(concentrationDry, moisturePercent / 100);
    }

    /** Eq. C-8: CH4 or N2O [t] = 1e-3 × Fuel × HHV × EF, with Fuel × HHV the heat input in mmBtu. */
    public static double c8Tonnes(double heatInputMmBtu, double emissionFactorKgPerMmBtu) {
        return 1e-3 * heatInputMmBtu * emissionFactorKgPerMmBtu;
    }

    /** EPA_C1 (Tier 1): default HHV and CO2 factor of Table C-1; CH4 and N2O by C-8. */
    static Map<Gas, Double> tier1(Working w, FactorTable c1c2, String fuel) {
        requireFuel(fuel, c1c2);
        FactorTable.Tabulated hhv = c1c2.factor(fuel, "hhv");
        w.record("hhv", "Table C-1 default for " + fuel, hhv.quantity(), hhv.source());
        double heat = heatInput(w, hhv.quantity());
        return withC8(w, c1c2, fuel, heat, co2(w, c1c2, fuel, heat, "Eq. C-1"));
    }

    /** EPA_C2A (Tier 2): measured HHV (a C-2b weighted mean when sampled), CO2 factor of Table C-1; C-8. */
    static Map<Gas, Double> tier2(Working w, FactorTable c1c2, String fuel) {
        requireFuel(fuel, c1c2);
        Quantity hhv = w.given("hhv");
        w.record("hhv", "measured", hhv, null);
        double heat = heatInput(w, hhv);
        return withC8(w, c1c2, fuel, heat, co2(w, c1c2, fuel, heat, "Eq. C-2a"));
    }

    /** EPA_C5 (Tier 3, gaseous fuel): measured carbon content and molecular weight; C-8 with the measured or default HHV. */
    static Map<Gas, Double> tier3(Working w, FactorTable c1c2, String fuel) {
        requireFuel(fuel, c1c2);
        double fuelScf = w.input("fuelQuantity", "scf");
        double cc = Working.checkFraction("carbonContent", w.input("carbonContent", "kg/kg"));
        double mw = w.input("molecularWeight", "kg/kmol");
        w.step("MVC", "molar volume at 68 °F, 14.7 psia (§98.33)", MVC_SCF_PER_KGMOL, "scf/kg-mol");
        double co2 = w.step("CO2", "Eq. C-5: 44/12 × Fuel × CC × MW / MVC × 1e-3", c5Tonnes(fuelScf, cc, mw), "t");
        Quantity hhv = w.inputOrDefault("hhv", c1c2, fuel, "hhv");
        double heat = heatInput(w, hhv);
        return withC8(w, c1c2, fuel, heat, co2 * 1000);
    }

    /** EPA_C6 (Tier 4, CEMS): CO2 = 5.18e-7 × C × Q × hours; with moisture, C is dry and C-7 puts it on the wet basis. */
    static Map<Gas, Double> tier4(Working w) {
        double co2Pct = w.percent("co2Concentration");
        if (w.has("moisture")) {
            double moisture = w.percent("moisture");
            if (moisture >= 100) throw new CalculationException("moisture", "must be below 100 %");
            co2Pct = w.step("co2ConcentrationWet", "Eq. C-7: C_dry × (100 − %H2O) / 100", c7Wet(co2Pct, moisture), "vol%");
        }
        double scfh = w.input("stackFlow", "scf/h");
        double hours = w.input("duration", "h");
        double rate = w.step("CO2 rate", "Eq. C-6: 5.18e-7 × C × Q", c6TonnesPerHour(co2Pct, scfh), "t/h");
        double co2 = w.step("CO2", "CO2 rate × duration", rate * hours, "t");
        return Map.of(Gas.CO2, co2 * 1000);
    }

    /** EPA_C8 alone: CH4 and N2O of a fuel from its heat input (measured HHV or the Table C-1 default). */
    static Map<Gas, Double> c8(Working w, FactorTable c1c2, String fuel) {
        requireFuel(fuel, c1c2);
        double heat = heatInput(w, w.inputOrDefault("hhv", c1c2, fuel, "hhv"));
        return withC8(w, c1c2, fuel, heat, null);
    }

    /**
     * EPA_C10 (Tier 4 CH4 and N2O, §98.33(c)(4)): 1e-3 × HI_A × EF, the Table C-2 factor of the fuel, with the
     * heat input HI_A measured (CEMS and F-factors or fuel records) rather than fuel × HHV. C-10 has C-8's form.
     */
    static Map<Gas, Double> c10(Working w, FactorTable c1c2, String fuel) {
        requireFuel(fuel, c1c2);
        return nonCo2(w, c1c2, fuel, w.input("heatInput", "mmBtu"), "Eq. C-10: 1e-3 × HI_A × EF", new LinkedHashMap<>());
    }

    private static double heatInput(Working w, Quantity hhv) {
        Quantity energy = w.times("fuelQuantity", w.given("fuelQuantity"), "hhv", hhv);
        return w.step("heatInput", "Fuel × HHV", energy.in("mmBtu"), "mmBtu");
    }

    private static double co2(Working w, FactorTable c1c2, String fuel, double heat, String equation) {
        double ef = w.factor("EF CO2", c1c2.factor(fuel, "CO2"), "kg/mmBtu");
        return 1000 * w.step("CO2", equation + ": 1e-3 × Fuel × HHV × EF", c1Tonnes(heat, ef), "t");
    }

    private static Map<Gas, Double> withC8(Working w, FactorTable c1c2, String fuel, double heat, Double co2Kg) {
        Map<Gas, Double> masses = new LinkedHashMap<>();
        if (co2Kg != null) masses.put(Gas.CO2, co2Kg);
        // Tier 1–3 CH4 and N2O always use the Table C-2 row of the fuel, whatever the CO2 tier
        return nonCo2(w, c1c2, fuel, heat, "Eq. C-8: 1e-3 × Fuel × HHV × EF", masses);
    }

    private static Map<Gas, Double> nonCo2(Working w, FactorTable c1c2, String fuel, double heat, String formula,
                                           Map<Gas, Double> masses) {
        for (Gas gas : new Gas[] {Gas.CH4, Gas.N2O}) {
            double ef = w.factor("EF " + gas, c1c2.factor(fuel, gas.symbol()), "kg/mmBtu");
            masses.put(gas, 1000 * w.step(gas.symbol(), formula, c8Tonnes(heat, ef), "t"));
        }
        return masses;
    }

    private static void requireFuel(String fuel, FactorTable c1c2) {
        if (fuel == null) {
            throw new CalculationException("fuel", "is required: the CO2, CH4 and N2O factors come from " + c1c2.id()
                    + ", which has " + c1c2.fuels().keySet());
        }
        c1c2.fossil(fuel);
    }
}
