package io.plumeline.core.emissions;

import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitException;
import java.util.List;
import java.util.Map;

/** Calculation-based methods of the EU Monitoring and Reporting Regulation (EU) 2018/2066. Masses in kg. */
public final class EuMrr {

    /** t CO2 per t C as Art. 25 and Annex II write it (rounded 44/12). */
    public static final double CO2_PER_C = 3.664;

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
