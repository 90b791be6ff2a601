package io.plumeline.core.emissions;

import java.util.Map;

/** Flare equations of 40 CFR 98.253(b) (Subpart Y, petroleum refineries), for one period. Masses in kg. */
public final class EpaSubpartY {

    /** Combustion efficiency the flare equations assume. */
    public static final double COMBUSTION_EFFICIENCY = 0.98;

    private EpaSubpartY() {
    }

    /** Eq. Y-1a for one period: CO2 [t] = 0.98 × 1e-3 × Flare [scf] × 44/12 × MW / MVC × CC. */
    public static double y1aTonnes(double flareScf, double molecularWeight, double carbonContent) {
        return COMBUSTION_EFFICIENCY * 1e-3 * flareScf * 44.0 / 12.0 * molecularWeight
                / EpaSubpartC.MVC_SCF_PER_KGMOL * carbonContent;
    }

    /** Eq. Y-3 for one period: CO2 [t] = 0.98 × 1e-3 × Flare × HHV × EmF, with Flare × HHV in mmBtu. */
    public static double y3Tonnes(double heatMmBtu, double emissionFactorKgPerMmBtu) {
        return COMBUSTION_EFFICIENCY * 1e-3 * heatMmBtu * emissionFactorKgPerMmBtu;
    }

    /** EPA_Y1A: flare gas composition measured (carbon content and molecular weight). */
    static Map<Gas, Double> y1a(Working w) {
        double scf = w.input("flareGas", "scf");
        double cc = Working.checkFraction("carbonContent", w.input("carbonContent", "kg/kg"));
        double mw = w.input("molecularWeight", "kg/kmol");
        w.step("MVC", "molar volume at 68 °F, 14.7 psia (§98.253)", EpaSubpartC.MVC_SCF_PER_KGMOL, "scf/kg-mol");
        double co2 = w.step("CO2", "Eq. Y-1a: 0.98 × 1e-3 × Flare × 44/12 × MW / MVC × CC", y1aTonnes(scf, mw, cc), "t");
        return Map.of(Gas.CO2, co2 * 1000);
    }

    /** EPA_Y3: flare gas heating value measured; default emission factor of 60 kg CO2/mmBtu. */
    static Map<Gas, Double> y3(Working w, FactorTable subpartY) {
        w.record("hhv", "measured", w.given("hhv"), null);
        double heat = w.step("heatInput", "Flare × HHV",
                w.times("flareGas", w.given("flareGas"), "hhv", w.given("hhv")).in("mmBtu"), "mmBtu");
        double emf = w.factor("EmF", subpartY.factor("flare_gas", "CO2"), "kg/mmBtu");
        double co2 = w.step("CO2", "Eq. Y-3: 0.98 × 1e-3 × Flare × HHV × EmF", y3Tonnes(heat, emf), "t");
        return Map.of(Gas.CO2, co2 * 1000);
    }
}
