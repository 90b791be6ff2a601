package io.plumeline.core.emissions;

import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitException;
import java.util.List;
import java.util.Map;

/**
 * Calculation-based methods of the EU Monitoring and Reporting Regulation (EU) 2018/2066: the standard method
 * (Art. 24), the mass balance (Art. 25) and the refinery rules of Annex IV section 2.B. Masses in kg.
 */
public final class EuMrr {

    /** t CO2 per t C as Art. 25 and Annex II write it (rounded 44/12). */
    public static final double CO2_PER_C = 3.664;
    /** Annex IV s.2.B: "all CO in the flue gas shall be accounted for as CO2, applying the mass relation t CO2 = t CO × 1.571". */
    public static final double CO2_PER_CO = 1.571;
    /**
     * Ideal-gas molar volume at 0 °C and 101.325 kPa, Nm³/kmol, and the molar masses of CO2 and CO, kg/kmol: the
     * Annex leaves the mass balance's calculation to the monitoring plan the competent authority approves; these are
     * the physical values it rests on here (docs/calculations.md).
     */
    public static final double MOLAR_VOLUME_NM3_PER_KMOL = 22.414;
    public static final double MOLAR_MASS_CO2 = 44.01;
    public static final double MOLAR_MASS_CO = 28.01;
    /** O2 in dry air, vol%, when the regenerator air is not enriched and o2In is not given. */
    public static final double O2_IN_DRY_AIR_PCT = 20.95;

    private EuMrr() {
    }

    /** Art. 24: Em [t CO2] = AD [TJ] × EF [t CO2/TJ] × OF. */
    public static double standardTonnes(double activityTj, double emissionFactorTPerTj, double oxidationFactor) {
        return activityTj * emissionFactorTPerTj * oxidationFactor;
    }

    /** One term of Art. 25: 3.664 × AD [t] × CC [t C/t], negative for an output stream. */
    public static double massBalanceTermTonnes(double activityT, double carbonContent, boolean output) {
        return (output ? -1 : 1) * CO2_PER_C * activityT * carbonContent;
    }

    /**
     * The dry flue gas from the air blown in, by the balance of the gases that do not react (N2, Ar): V_flue =
     * V_air × (100 − %O2_in) / (100 − %O2_out − %CO2 − %CO), all dry, in the air flow's unit.
     */
    public static double flueGasFromAir(double airFlow, double o2InPct, double o2OutPct, double co2Pct, double coPct) {
        return airFlow * (100 - o2InPct) / (100 - o2OutPct - co2Pct - coPct);
    }

    /** The mass of a gas in a dry flue gas volume: V [Nm³] × %/100 × M / 22.414, t. */
    public static double gasTonnes(double flueGasNm3, double percent, double molarMass) {
        return flueGasNm3 * percent / 100 * molarMass / MOLAR_VOLUME_NM3_PER_KMOL * 1e-3;
    }

    /** EU_MRR_STD: NCV and EF from the inputs, or the IPCC 2006 / Annex VI defaults of the fuel; OF 1 unless given. */
    static Map<Gas, Double> standard(Working w, FactorTable ipcc, String fuel) {
        Quantity ncv = w.inputOrDefault("ncv", ipcc, fuel, "ncv");
        double ad = w.step("activityData", "AD = fuel quantity × NCV",
                w.times("fuelQuantity", w.given("fuelQuantity"), "ncv", ncv).in("TJ"), "TJ");
        double ef = w.inputOrDefault("emissionFactor", ipcc, fuel, "emissionFactor").in("tCO2/TJ");
        w.step("emissionFactor", "in t CO2/TJ", ef, "tCO2/TJ");
        double of = w.has("oxidationFactor") ? w.fraction("oxidationFactor")
                : w.step("oxidationFactor", "default 1 (Art. 24)", 1, "1");
        double co2 = w.step("CO2", "Art. 24: Em = AD × EF × OF", standardTonnes(ad, ef, of), "t");
        return Map.of(Gas.CO2, co2 * 1000);
    }

    /** EU_MRR_MASS_BALANCE: Em = 3.664 × Σ AD_i × CC_i over the streams, outputs counted negative. */
    static Map<Gas, Double> massBalance(Working w, List<CarbonStream> streams) {
        if (streams.isEmpty()) throw new CalculationException("streams", "EU_MRR_MASS_BALANCE needs at least one stream");
        double total = 0;
        for (int i = 0; i < streams.size(); i++) {
            CarbonStream s = streams.get(i);
            String path = "streams[" + i + "]";
            String label = s.name() == null ? path : s.name();
            double t = nonNegative(path + ".quantity", s.quantity(), "t");
            double cc = Working.checkFraction(path + ".carbonContent", nonNegative(path + ".carbonContent", s.carbonContent(), "kg/kg"));
            w.step(label + " quantity", s.output() ? "output" : "input", t, "t");
            w.step(label + " carbonContent", "t C/t", cc, "kg/kg");
            total += w.step(label + " CO2", (s.output() ? "−" : "") + "3.664 × AD × CC",
                    massBalanceTermTonnes(t, cc, s.output()), "t");
        }
        double co2 = w.step("CO2", "Art. 25: Em = 3.664 × Σ AD_i × CC_i", total, "t");
        return Map.of(Gas.CO2, co2 * 1000);
    }

    /**
     * EU_MRR_CAT_CRACKER (Annex IV s.2.B): the regenerator's CO2 by mass balance on the input air and the flue gas,
     * CO counted as CO2 by 1.571 t/t: Em = V_flue × T × (CO2 + 1.571 × CO) in t, V_flue from {@link #flueGasFromAir}.
     */
    static Map<Gas, Double> catalystRegeneration(Working w) {
        double air = w.input("airFlow", "Nm3/h");
        double o2In = w.has("o2In") ? w.percent("o2In")
                : w.step("o2In", "not given: dry air, not enriched", O2_IN_DRY_AIR_PCT, "vol%");
        double o2Out = w.percent("o2Out");
        double co2Pct = w.percent("co2Concentration");
        double coPct = w.percent("coConcentration");
        if (o2Out + co2Pct + coPct >= 100) {
            throw new CalculationException("co2Concentration", "with o2Out and coConcentration is " + (o2Out + co2Pct + coPct)
                    + " vol%: no inert gas is left for the N2 balance of the flue gas");
        }
        double hours = w.input("duration", "h");
        double flue = w.step("flue gas", "V_flue = V_air × (100 − %O2_in) / (100 − %O2_out − %CO2 − %CO) (N2 balance, dry)",
                flueGasFromAir(air, o2In, o2Out, co2Pct, coPct), "Nm3/h");
        double volume = w.step("flue gas volume", "V_flue × duration", flue * hours, "Nm3");
        double co2 = w.step("CO2 in flue gas", "V × %CO2/100 × 44.01 / 22.414", gasTonnes(volume, co2Pct, MOLAR_MASS_CO2), "t");
        double co = w.step("CO in flue gas", "V × %CO/100 × 28.01 / 22.414", gasTonnes(volume, coPct, MOLAR_MASS_CO), "t");
        double coAsCo2 = w.step("CO as CO2", "t CO × 1.571 (Annex IV s.2.B)", co * CO2_PER_CO, "t");
        return Map.of(Gas.CO2, 1000 * w.step("CO2", "Em = CO2 + CO × 1.571", co2 + coAsCo2, "t"));
    }

    /**
     * EU_MRR_HYDROGEN (Annex IV s.2.B): Em = AD [t feed] × EF; EF is Tier 1's 2.9 t CO2/t (ethane-based, table
     * EU_MRR_ANNEX_IV) or, with the feed's carbon content, Tier 2's CC × 3.664.
     */
    static Map<Gas, Double> hydrogen(Working w, FactorTable annexIv) {
        double feed = w.input("feedstock", "t");
        double ef = w.has("carbonContent")
                ? w.step("emissionFactor", "Tier 2: EF = CC × 3.664", w.fraction("carbonContent") * CO2_PER_C, "kg/kg")
                : w.factor("emissionFactor", annexIv.factor("hydrocarbon_feed", "emissionFactor"), "kg/kg");
        return Map.of(Gas.CO2, 1000 * w.step("CO2", "Em = AD × EF", feed * ef, "t"));
    }

    private static double nonNegative(String path, Quantity q, String unit) {
        if (q == null) throw new CalculationException(path, "is missing");
        double value;
        try {
            value = q.in(unit);
        } catch (UnitException e) {
            throw new CalculationException(path, "'" + q.unit() + "' (" + q.unit().dimension()
                    + ") cannot be used; give it in a unit that converts to '" + unit + "'");
        }
        if (!Double.isFinite(value) || value < 0) throw new CalculationException(path, "must be a non-negative number (" + q + ")");
        return value;
    }
}
