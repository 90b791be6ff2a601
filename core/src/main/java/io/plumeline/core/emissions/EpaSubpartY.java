package io.plumeline.core.emissions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Equations of 40 CFR 98.253 (Subpart Y, petroleum refineries), for one period: flares (b), catalytic
 * cracking and fluid coking (c) and sulfur recovery (f). Masses in kg; the functions on numbers are in the
 * regulation's units (metric tons).
 */
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

    /**
     * Eq. Y-2 (HHV measured) and Eq. Y-3 (HHV of company records) for one period, one form: CO2 [t] =
     * 0.98 × 1e-3 × Flare × HHV × EmF, with Flare × HHV in mmBtu.
     */
    public static double y2Tonnes(double heatMmBtu, double emissionFactorKgPerMmBtu) {
        return COMBUSTION_EFFICIENCY * 1e-3 * heatMmBtu * emissionFactorKgPerMmBtu;
    }

    /**
     * Eq. Y-4: CH4 [t] = CO2 × EmF_CH4 / EmF + CO2 × (0.02 / 0.98) × (16 / 44) × f_CH4; the second term is the
     * methane the 2 % of uncombusted gas lets through.
     */
    public static double y4Tonnes(double co2Tonnes, double emfCh4, double emf, double methaneCarbonFraction) {
        return co2Tonnes * emfCh4 / emf
                + co2Tonnes * (1 - COMBUSTION_EFFICIENCY) / COMBUSTION_EFFICIENCY * 16.0 / 44.0 * methaneCarbonFraction;
    }

    /** Eq. Y-5 (flares), Y-9 and Y-10 (coke burn-off): CH4 or N2O [t] = CO2 × EmF_gas / EmF_CO2. */
    public static double ratioTonnes(double co2Tonnes, double emfGas, double emfCo2) {
        return co2Tonnes * emfGas / emfCo2;
    }

    /** Eq. Y-6, one hour: CO2 [t] = Q_r [dscf/h] × (%CO2 + %CO) / 100 × 44 / MVC × 0.001. */
    public static double y6TonnesPerHour(double exhaustDscfh, double co2Percent, double coPercent) {
        return exhaustDscfh * (co2Percent + coPercent) / 100 * 44.0 / EpaSubpartC.MVC_SCF_PER_KGMOL * 1e-3;
    }

    /** Eq. Y-8: CO2 [t] = CB [t coke] × CC × 44/12. */
    public static double y8Tonnes(double cokeBurnedTonnes, double carbonContent) {
        return cokeBurnedTonnes * carbonContent * 44.0 / 12.0;
    }

    /** Eq. Y-12: CO2 [t] = F_SG [scf] × 44 / MVC × MF_C × 0.001. */
    public static double y12Tonnes(double sourGasScf, double carbonMoleFraction) {
        return sourGasScf * 44.0 / EpaSubpartC.MVC_SCF_PER_KGMOL * carbonMoleFraction * 1e-3;
    }

    /** EPA_Y1A: flare gas composition measured (carbon content and molecular weight); Y-4, Y-5. */
    static Map<Gas, Double> y1a(Working w, FactorTable subpartY) {
        double scf = w.input("flareGas", "scf");
        double cc = Working.checkFraction("carbonContent", w.input("carbonContent", "kg/kg"));
        double mw = w.input("molecularWeight", "kg/kmol");
        w.step("MVC", "molar volume at 68 °F, 14.7 psia (§98.253)", EpaSubpartC.MVC_SCF_PER_KGMOL, "scf/kg-mol");
        double co2 = w.step("CO2", "Eq. Y-1a: 0.98 × 1e-3 × Flare × 44/12 × MW / MVC × CC", y1aTonnes(scf, mw, cc), "t");
        return flareCh4N2o(w, subpartY, co2, w.factor("EmF", subpartY.factor("flare_gas", "CO2"), "kg/mmBtu"));
    }

    /** EPA_Y2 (§98.253(b)(1)(ii)(B)): flare gas heating value measured, EmF 60 kg CO2/mmBtu; Y-4, Y-5. */
    static Map<Gas, Double> y2(Working w, FactorTable subpartY) {
        return heatContent(w, subpartY, "measured", "Eq. Y-2");
    }

    /** EPA_Y3 (§98.253(b)(1)(iii)(A)): the same form with the HHV of company records, routine flaring only; Y-4, Y-5. */
    static Map<Gas, Double> y3(Working w, FactorTable subpartY) {
        return heatContent(w, subpartY, "company records", "Eq. Y-3");
    }

    /** EPA_Y6: coke burn-off of a catalytic cracking or fluid coking unit from its exhaust; Y-9, Y-10. */
    static Map<Gas, Double> y6(Working w, FactorTable subpartY) {
        double q = w.input("exhaustFlow", "scf/h");
        double co2Pct = w.percent("co2Concentration");
        // §98.253(c)(2): %CO is zero where no auxiliary fuel is burned and no CO monitor is required
        double coPct = w.has("coConcentration") ? w.percent("coConcentration")
                : w.step("coConcentration", "not given: 0 (no CO monitor, §98.253(c)(2))", 0, "vol%");
        if (co2Pct + coPct > 100) {
            throw new CalculationException("coConcentration", "with co2Concentration is above 100 % (" + (co2Pct + coPct) + " vol%)");
        }
        double hours = w.input("duration", "h");
        w.step("MVC", "molar volume at 68 °F, 14.7 psia (§98.253)", EpaSubpartC.MVC_SCF_PER_KGMOL, "scf/kg-mol");
        double rate = w.step("CO2 rate", "Eq. Y-6: Q_r × (%CO2 + %CO) / 100 × 44 / MVC × 0.001",
                y6TonnesPerHour(q, co2Pct, coPct), "t/h");
        return cokeCh4N2o(w, subpartY, w.step("CO2", "CO2 rate × duration", rate * hours, "t"));
    }

    /** EPA_Y8: coke burn-off from the coke burned and its carbon content; Y-9, Y-10. */
    static Map<Gas, Double> y8(Working w, FactorTable subpartY) {
        double cb = w.input("cokeBurned", "t");
        double cc = w.fraction("carbonContent");
        return cokeCh4N2o(w, subpartY, w.step("CO2", "Eq. Y-8: CB × CC × 44/12", y8Tonnes(cb, cc), "t"));
    }

    /** EPA_Y12: sulfur recovery, the carbon of the sour gas fed; MF_C measured or the default 0.20. */
    static Map<Gas, Double> y12(Working w, FactorTable subpartY) {
        double scf = w.input("sourGasFlow", "scf");
        double mf = Working.checkFraction("carbonMoleFraction",
                w.inputOrDefault("carbonMoleFraction", subpartY, "sour_gas", "carbonMoleFraction").in("1"));
        w.step("carbonMoleFraction", "as a fraction", mf, "1");
        w.step("MVC", "molar volume at 68 °F, 14.7 psia (§98.253)", EpaSubpartC.MVC_SCF_PER_KGMOL, "scf/kg-mol");
        double co2 = w.step("CO2", "Eq. Y-12: F_SG × 44 / MVC × MF_C × 0.001", y12Tonnes(scf, mf), "t");
        return Map.of(Gas.CO2, co2 * 1000);
    }

    private static Map<Gas, Double> heatContent(Working w, FactorTable subpartY, String hhvFrom, String equation) {
        w.record("hhv", hhvFrom, w.given("hhv"), null);
        double heat = w.step("heatInput", "Flare × HHV",
                w.times("flareGas", w.given("flareGas"), "hhv", w.given("hhv")).in("mmBtu"), "mmBtu");
        double emf = w.factor("EmF", subpartY.factor("flare_gas", "CO2"), "kg/mmBtu");
        double co2 = w.step("CO2", equation + ": 0.98 × 1e-3 × Flare × HHV × EmF", y2Tonnes(heat, emf), "t");
        return flareCh4N2o(w, subpartY, co2, emf);
    }

    /** §98.253(b)(2), (3): CH4 by Eq. Y-4 with f_CH4 measured or 0.4, N2O by Eq. Y-5, from the flare's CO2. */
    private static Map<Gas, Double> flareCh4N2o(Working w, FactorTable subpartY, double co2Tonnes, double emf) {
        double fCh4 = Working.checkFraction("methaneFraction",
                w.inputOrDefault("methaneFraction", subpartY, "flare_gas", "methaneFraction").in("kg/kg"));
        w.step("methaneFraction", "f_CH4 as a fraction", fCh4, "kg/kg");
        double emfCh4 = w.factor("EmF CH4", subpartY.factor("flare_gas", "CH4"), "kg/mmBtu");
        double emfN2o = w.factor("EmF N2O", subpartY.factor("flare_gas", "N2O"), "kg/mmBtu");
        Map<Gas, Double> masses = new LinkedHashMap<>();
        masses.put(Gas.CO2, co2Tonnes * 1000);
        masses.put(Gas.CH4, 1000 * w.step("CH4", "Eq. Y-4: CO2 × EmF_CH4 / EmF + CO2 × (0.02/0.98) × (16/44) × f_CH4",
                y4Tonnes(co2Tonnes, emfCh4, emf, fCh4), "t"));
        masses.put(Gas.N2O, 1000 * w.step("N2O", "Eq. Y-5: CO2 × EmF_N2O / EmF", ratioTonnes(co2Tonnes, emfN2o, emf), "t"));
        return masses;
    }

    /** §98.253(c): CH4 by Eq. Y-9 and N2O by Eq. Y-10 from the coke burn-off CO2, with the petroleum coke factors. */
    private static Map<Gas, Double> cokeCh4N2o(Working w, FactorTable subpartY, double co2Tonnes) {
        double emf1 = w.factor("EmF1", subpartY.factor("coke_burn_off", "CO2"), "kg/mmBtu");
        double emf2 = w.factor("EmF2", subpartY.factor("coke_burn_off", "CH4"), "kg/mmBtu");
        double emf3 = w.factor("EmF3", subpartY.factor("coke_burn_off", "N2O"), "kg/mmBtu");
        Map<Gas, Double> masses = new LinkedHashMap<>();
        masses.put(Gas.CO2, co2Tonnes * 1000);
        masses.put(Gas.CH4, 1000 * w.step("CH4", "Eq. Y-9: CO2 × EmF2 / EmF1", ratioTonnes(co2Tonnes, emf2, emf1), "t"));
        masses.put(Gas.N2O, 1000 * w.step("N2O", "Eq. Y-10: CO2 × EmF3 / EmF1", ratioTonnes(co2Tonnes, emf3, emf1), "t"));
        return masses;
    }
}
