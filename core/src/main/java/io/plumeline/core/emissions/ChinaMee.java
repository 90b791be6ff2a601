package io.plumeline.core.emissions;

import io.plumeline.core.units.Quantity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * China's GHG accounting guideline for petrochemical enterprises (中国石油化工企业温室气体排放核算方法与报告指南(试行),
 * 2014), CO2 only: E = E_燃烧 + E_火炬 + E_过程 − R_回收 + E_电 + E_热. Fuel combustion, flares (normal and accident
 * flaring), process emissions (catalytic cracking coke burning, catalytic reforming regeneration, hydrogen
 * production, ethylene cracking furnace decoking), CO2 recovered (a deduction) and net purchased electricity and
 * heat (indirect). Gas volumes are in 10⁴ Nm³ and carbon contents in t C per 10⁴ Nm³ or t C/t, as the guideline
 * writes them. Masses in kg. Which constants are confirmed against what: docs/calculations.md, "China MEE".
 */
public final class ChinaMee {

    /** t CO2 per 10⁴ Nm³ of CO2, as the flare and ethylene decoking formulas write it. */
    public static final double CO2_T_PER_1E4_NM3 = 19.7;
    /** t CO2 per 10⁴ Nm³ of CO2, as the CO2 recovery formula writes it (1.977 kg/Nm³, the real-gas density). */
    public static final double CO2_RECOVERED_T_PER_1E4_NM3 = 19.77;
    /** Molar volume the composition route takes, Nm³ per kmol. */
    public static final double MOLAR_VOLUME_NM3_PER_KMOL = 22.4;

    /** The flare gas components the composition route takes, by input name, with their carbon atoms per molecule. */
    public static final Map<String, Integer> FLARE_COMPONENTS = components();

    /**
     * The grid factor row taken when a CN_MEE_ELECTRICITY source names no row and gives no factor: the latest
     * national average in {@link FactorTable#CN_MEE_GRID_ELECTRICITY} (MEE and NBS, 2023 factors, announced January
     * 2026). The MEE notice of the reporting year says which factor an enterprise files with; give that row as the
     * source's {@code fuel} or the value as {@code gridEmissionFactor}.
     */
    public static final String DEFAULT_GRID = "national_grid_2023";

    private ChinaMee() {
    }

    private static Map<String, Integer> components() {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("ch4VolumeFraction", 1);
        c.put("c2h6VolumeFraction", 2);
        c.put("c2h4VolumeFraction", 2);
        c.put("c3h8VolumeFraction", 3);
        c.put("c3h6VolumeFraction", 3);
        c.put("c4h10VolumeFraction", 4);
        c.put("c4h8VolumeFraction", 4);
        c.put("c5h12VolumeFraction", 5);
        c.put("coVolumeFraction", 1);
        return Collections.unmodifiableMap(c);
    }

    /** E [t CO2] = FC × NCV [TJ for FC] × CC [t C/TJ] × OF × 44/12. */
    public static double combustionTonnes(double energyTj, double carbonPerTj, double oxidationFactor) {
        return energyTj * carbonPerTj * oxidationFactor * 44.0 / 12.0;
    }

    /** Flare: E [t] = Q [10⁴ Nm³] × (CC_nonCO2 [t C/10⁴ Nm³] × OF × 44/12 + V_CO2 × 19.7). */
    public static double flareTonnes(double flare1e4Nm3, double carbonNonCo2, double oxidationFactor, double co2Fraction) {
        return flare1e4Nm3 * (carbonNonCo2 * oxidationFactor * 44.0 / 12.0 + co2Fraction * CO2_T_PER_1E4_NM3);
    }

    /**
     * The carbon of one component of a gas, t C per 10⁴ Nm³: 12 × CN × V / 22.4 × 10. With CN the mean carbon atoms of
     * the whole gas and V = 1 it is the carbon of an accident flare's gas (GF × T × CN × 44/22.4 × 10 × OF).
     */
    public static double componentCarbon(double carbonAtoms, double volumeFraction) {
        return 12 * carbonAtoms * volumeFraction / MOLAR_VOLUME_NM3_PER_KMOL * 10;
    }

    /** Catalytic cracking coke burning, and continuous catalyst regeneration: E [t] = MC [t] × CF × OF × 44/12. */
    public static double cokeBurningTonnes(double cokeTonnes, double carbonFraction, double oxidationFactor) {
        return cokeTonnes * carbonFraction * oxidationFactor * 44.0 / 12.0;
    }

    /** Carbon balance: E [t] = (C_in − C_out) [t C] × 44/12 (hydrogen production, batch reformer regeneration). */
    public static double carbonBalanceTonnes(double carbonInTonnes, double carbonOutTonnes) {
        return (carbonInTonnes - carbonOutTonnes) * 44.0 / 12.0;
    }

    /**
     * Batch (semi-regenerative) catalyst regeneration, the carbon burnt off: MC × (1 − CF_before) × (CF_before /
     * (1 − CF_before) − CF_after / (1 − CF_after)) [t C]. MC is the catalyst with its coke before regeneration;
     * MC × (1 − CF_before) the catalyst free of carbon, which carries CF / (1 − CF) t C per t before and after.
     */
    public static double regeneratedCarbonTonnes(double catalystTonnes, double carbonBefore, double carbonAfter) {
        return catalystTonnes * (1 - carbonBefore) * (carbonBefore / (1 - carbonBefore) - carbonAfter / (1 - carbonAfter));
    }

    /** Ethylene cracking furnace decoking: E [t] = Q [10⁴ Nm³/h] × T [h] × (C_CO2 + C_CO) × 19.7. */
    public static double decokingTonnes(double flow1e4Nm3PerHour, double hours, double co2Fraction, double coFraction) {
        return flow1e4Nm3PerHour * hours * (co2Fraction + coFraction) * CO2_T_PER_1E4_NM3;
    }

    /** CO2 recovered: R [t] = Q [10⁴ Nm³] × PUR × 19.77, a positive amount the total subtracts. */
    public static double recoveredTonnes(double gas1e4Nm3, double purity) {
        return gas1e4Nm3 * purity * CO2_RECOVERED_T_PER_1E4_NM3;
    }

    /** CN_MEE_COMBUSTION: NCV, carbon content and oxidation factor from the inputs, or the guideline's defaults of the fuel. */
    static Map<Gas, Double> combustion(Working w, FactorTable mee, String fuel) {
        Quantity ncv = w.inputOrDefault("ncv", mee, fuel, "ncv");
        double energy = w.step("heatInput", "FC × NCV",
                w.times("fuelQuantity", w.given("fuelQuantity"), "ncv", ncv).in("TJ"), "TJ");
        double cc = w.inputOrDefault("carbonContentPerEnergy", mee, fuel, "carbonContentPerEnergy").in("tC/TJ");
        w.step("carbonContentPerEnergy", "in t C/TJ", cc, "tC/TJ");
        double of = Working.checkFraction("oxidationFactor",
                w.inputOrDefault("oxidationFactor", mee, fuel, "oxidationFactor").in("1"));
        w.step("oxidationFactor", "as a fraction", of, "1");
        double co2 = w.step("CO2", "E = FC × NCV × CC × OF × 44/12", combustionTonnes(energy, cc, of), "t");
        return co2(co2);
    }

    /**
     * CN_MEE_FLARE, normal flaring: E = Q × (CC_nonCO2 × OF × 44/12 + V_CO2 × 19.7), CC_nonCO2 given or from the
     * composition (Σ 12 × CN × V / 22.4 × 10). Accident flaring (事故火炬), where the gas is not analysed: E = GF × T ×
     * CN × 44/22.4 × 10 × OF, CN the mean carbon atoms of the gas (averageCarbonNumber) and GF × T the flare gas of
     * the event (flareGas). OF given or the guideline's 98 %.
     */
    static Map<Gas, Double> flare(Working w, FactorTable mee) {
        double q = w.input("flareGas", "10^4Nm3");
        boolean composition = FLARE_COMPONENTS.keySet().stream().anyMatch(w::has);
        boolean content = w.has("carbonContentNonCo2");
        boolean accident = w.has("averageCarbonNumber");
        if ((composition ? 1 : 0) + (content ? 1 : 0) + (accident ? 1 : 0) > 1) {
            throw new CalculationException(content ? "carbonContentNonCo2" : "averageCarbonNumber", "is given with another"
                    + " carbon route; give one of carbonContentNonCo2, the gas composition " + FLARE_COMPONENTS.keySet()
                    + " (normal flaring) or averageCarbonNumber (accident flaring)");
        }
        double of = Working.checkFraction("oxidationFactor",
                w.inputOrDefault("oxidationFactor", mee, "flare_gas", "oxidationFactor").in("1"));
        w.step("oxidationFactor", "as a fraction", of, "1");
        if (accident) {
            if (w.has("co2VolumeFraction")) {
                throw new CalculationException("co2VolumeFraction", "is not used in accident flaring: the mean carbon"
                        + " number counts all the gas's carbon (E = GF × T × CN × 44/22.4 × 10 × OF)");
            }
            double cn = w.input("averageCarbonNumber", "1");
            double cc = w.step("carbonContentNonCo2", "accident flaring: 12 × CN / 22.4 × 10", componentCarbon(cn, 1), "tC/10^4Nm3");
            return co2(w.step("CO2", "accident flaring: E = GF × T × CN × 44/22.4 × 10 × OF", flareTonnes(q, cc, of, 0), "t"));
        }
        double co2Pct = w.percent("co2VolumeFraction");
        double cc;
        if (content) {
            cc = w.input("carbonContentNonCo2", "tC/10^4Nm3");
        } else if (composition) {
            double total = co2Pct;
            cc = 0;
            StringBuilder formula = new StringBuilder();
            for (Map.Entry<String, Integer> component : FLARE_COMPONENTS.entrySet()) {
                if (!w.has(component.getKey())) continue;
                double pct = w.percent(component.getKey());
                total += pct;
                cc += componentCarbon(component.getValue(), pct / 100);
                formula.append(formula.isEmpty() ? "" : " + ").append("12 × ").append(component.getValue()).append(" × ")
                        .append(component.getKey());
            }
            if (total > 100) {
                throw new CalculationException("co2VolumeFraction", "with the components adds up to " + total + " vol%, above 100 %");
            }
            w.step("carbonContentNonCo2", "Σ 12 × CN × V / 22.4 × 10: (" + formula + ") / 22.4 × 10", cc, "tC/10^4Nm3");
        } else {
            throw new CalculationException("carbonContentNonCo2", "is missing: give the carbon of the non-CO2 gases"
                    + " (tC/10^4Nm3) or their composition " + FLARE_COMPONENTS.keySet() + " for normal flaring, or"
                    + " averageCarbonNumber for accident flaring");
        }
        return co2(w.step("CO2", "normal flaring: E = Q × (CC_nonCO2 × OF × 44/12 + V_CO2 × 19.7)",
                flareTonnes(q, cc, of, co2Pct / 100), "t"));
    }

    /** CN_MEE_FCC_COKE: coke burnt off the catalytic cracking catalyst; CF and OF measured or the guideline's defaults. */
    static Map<Gas, Double> catalyticCrackingCoke(Working w, FactorTable mee) {
        return cokeBurnOff(w, mee, "");
    }

    /**
     * CN_MEE_REFORMER_COKE: continuous regeneration by the coke burned, as the catalytic cracking equation (E = MC ×
     * CF × OF × 44/12); batch regeneration by the catalyst regenerated and its carbon before and after (E = MC × (1 −
     * CF_before) × (CF_before/(1 − CF_before) − CF_after/(1 − CF_after)) × 44/12).
     */
    static Map<Gas, Double> reformerCoke(Working w, FactorTable mee) {
        boolean continuous = w.has("cokeBurned") || w.has("carbonFraction") || w.has("oxidationFactor");
        boolean batch = w.has("catalyst") || w.has("carbonBefore") || w.has("carbonAfter");
        if (continuous && batch) {
            String given = w.has("cokeBurned") ? "cokeBurned" : w.has("carbonFraction") ? "carbonFraction" : "oxidationFactor";
            throw new CalculationException(given, "belongs to continuous regeneration (cokeBurned, carbonFraction,"
                    + " oxidationFactor) and catalyst, carbonBefore, carbonAfter to batch regeneration; give the inputs of one");
        }
        if (continuous) return cokeBurnOff(w, mee, "continuous regeneration: ");
        if (!batch) {
            throw new CalculationException("catalyst", "is missing: give catalyst, carbonBefore and carbonAfter (batch"
                    + " regeneration) or cokeBurned (continuous regeneration)");
        }
        double mc = w.input("catalyst", "t");
        double before = w.fraction("carbonBefore");
        double after = w.fraction("carbonAfter");
        if (before >= 1) throw new CalculationException("carbonBefore", "is 100 %: the catalyst would be all carbon");
        if (after > before) {
            throw new CalculationException("carbonAfter", "is above carbonBefore (" + after + " > " + before
                    + "): regeneration burns carbon off the catalyst");
        }
        double carbon = w.step("carbon burnt off", "MC × (1 − CF_before) × (CF_before/(1 − CF_before) − CF_after/(1 − CF_after))",
                regeneratedCarbonTonnes(mc, before, after), "t");
        return co2(w.step("CO2", "batch regeneration: E = carbon burnt off × 44/12", carbonBalanceTonnes(carbon, 0), "t"));
    }

    private static Map<Gas, Double> cokeBurnOff(Working w, FactorTable mee, String label) {
        double mc = w.input("cokeBurned", "t");
        double cf = Working.checkFraction("carbonFraction",
                w.inputOrDefault("carbonFraction", mee, "catalyst_coke", "carbonFraction").in("1"));
        w.step("carbonFraction", "as a fraction", cf, "1");
        double of = Working.checkFraction("oxidationFactor",
                w.inputOrDefault("oxidationFactor", mee, "catalyst_coke", "oxidationFactor").in("1"));
        w.step("oxidationFactor", "as a fraction", of, "1");
        return co2(w.step("CO2", label + "E = MC × CF × OF × 44/12", cokeBurningTonnes(mc, cf, of), "t"));
    }

    /** CN_MEE_HYDROGEN: E = [AD_r × CC_r − (Q_sg × CC_sg + Q_w × CC_w)] × 44/12, refused when more carbon leaves. */
    static Map<Gas, Double> hydrogen(Working w) {
        double in = w.step("carbon in", "AD_r × CC_r", w.carbonTonnes("feedstock", "feedstockCarbon"), "t");
        double out = 0;
        for (String[] pair : new String[][] {{"syngas", "syngasCarbon"}, {"residue", "residueCarbon"}}) {
            if (!w.has(pair[0]) && !w.has(pair[1])) continue;
            if (!w.has(pair[0]) || !w.has(pair[1])) {
                String missing = w.has(pair[0]) ? pair[1] : pair[0];
                throw new CalculationException(missing, "is missing: " + pair[0] + " and " + pair[1] + " go together");
            }
            out += w.step("carbon out, " + pair[0], pair[0] + " × " + pair[1], w.carbonTonnes(pair[0], pair[1]), "t");
        }
        if (out > in) {
            throw new CalculationException("syngas", "and residue carry " + out + " t of carbon out, more than the " + in
                    + " t the feedstock brings in");
        }
        return co2(w.step("CO2", "E = [AD_r × CC_r − (Q_sg × CC_sg + Q_w × CC_w)] × 44/12", carbonBalanceTonnes(in, out), "t"));
    }

    /** CN_MEE_ETHYLENE_DECOKING: the CO2 and CO of the decoking gas, both counted as CO2. */
    static Map<Gas, Double> ethyleneDecoking(Working w) {
        double q = w.input("decokingGasFlow", "10^4Nm3/h");
        double co2 = w.percent("co2Concentration") / 100;
        double co = w.percent("coConcentration") / 100;
        if (co2 + co > 1) throw new CalculationException("coConcentration", "with co2Concentration is above 100 %");
        double hours = w.input("duration", "h");
        return co2(w.step("CO2", "E = Q × T × (C_CO2 + C_CO) × 19.7", decokingTonnes(q, hours, co2, co), "t"));
    }

    /** CN_MEE_CO2_RECOVERY: the CO2 recovered, as a negative mass (a deduction from the total). */
    static Map<Gas, Double> co2Recovery(Working w) {
        double q = w.input("recoveredGas", "10^4Nm3");
        double purity = w.percent("purity") / 100;
        double r = w.step("R", "R = Q × PUR × 19.77", recoveredTonnes(q, purity), "t");
        return co2(w.step("CO2", "−R (recovered, subtracted from the total)", -r, "t"));
    }

    /**
     * CN_MEE_ELECTRICITY: E = (purchased − exported) [MWh] × EF_grid, indirect. EF_grid is the gridEmissionFactor input,
     * else the row {@code grid} of the grid factor table (the source's fuel, e.g. national_grid_2022 or
     * north_china_grid_2023), else {@link #DEFAULT_GRID}.
     */
    static Map<Gas, Double> electricity(Working w, FactorTable grids, String grid) {
        return purchased(w, grids, grid == null ? DEFAULT_GRID : grid, "electricity", "gridEmissionFactor", "MWh", "tCO2/MWh");
    }

    /** CN_MEE_HEAT: E = (purchased − exported) [GJ] × EF_heat, indirect; EF_heat given or the guideline's 0.11 t CO2/GJ. */
    static Map<Gas, Double> heat(Working w, FactorTable mee) {
        return purchased(w, mee, "purchased_heat", "heat", "heatEmissionFactor", "GJ", "tCO2/GJ");
    }

    /** (amount − exported) × EF, the factor an input or the {@code row} of {@code table}; a net export gives a negative mass. */
    private static Map<Gas, Double> purchased(Working w, FactorTable table, String row, String amount, String factor,
                                      String amountUnit, String factorUnit) {
        double bought = w.input(amount, amountUnit);
        String exportedName = amount + "Exported";
        double exported = w.has(exportedName) ? w.input(exportedName, amountUnit) : 0;
        double net = w.step("net " + amount, amount + " − " + exportedName, bought - exported, amountUnit);
        double ef = w.inputOrDefault(factor, table, row, amount).in(factorUnit);
        w.step(factor, "in " + factorUnit, ef, factorUnit);
        return co2(w.step("CO2", "E = (" + amount + " − " + exportedName + ") × EF", net * ef, "t"));
    }

    private static Map<Gas, Double> co2(double tonnes) {
        return Map.of(Gas.CO2, tonnes * 1000);
    }
}
