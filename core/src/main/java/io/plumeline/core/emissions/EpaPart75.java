package io.plumeline.core.emissions;

import java.util.Map;

/**
 * 40 CFR Part 75, Appendix F, Eq. F-11: CO2 mass rate from a CEMS in short tons. Kept apart from Part 98's
 * Eq. C-6 on purpose: the two constants differ by 0.17 % once in the same units.
 */
public final class EpaPart75 {

    /** Eq. F-11 constant, short tons CO2 per (scf × %CO2). */
    public static final double F11_K = 5.7e-7;
    /** kg per short ton (2,000 lb × 0.45359237 kg). */
    public static final double KG_PER_SHORT_TON = 907.18474;

    private EpaPart75() {
    }

    /** Eq. F-11: E [short tons/h] = 5.7e-7 × C [%CO2, wet] × Q [scfh, wet]. */
    public static double f11ShortTonsPerHour(double co2PercentWet, double stackFlowScfh) {
        return F11_K * co2PercentWet * stackFlowScfh;
    }

    /** EPA_PART75_F11: like C-6, with F-11's constant, and the same C-7 moisture correction of a dry concentration. */
    static Map<Gas, Double> f11(Working w) {
        double co2Pct = w.percent("co2Concentration");
        if (w.has("moisture")) {
            double moisture = w.percent("moisture");
            if (moisture >= 100) throw new CalculationException("moisture", "must be below 100 %");
            co2Pct = w.step("co2ConcentrationWet", "C_dry × (100 − %H2O) / 100", EpaSubpartC.c7Wet(co2Pct, moisture), "vol%");
        }
        double scfh = w.input("stackFlow", "scf/h");
        double hours = w.input("duration", "h");
        double rate = w.step("CO2 rate", "Eq. F-11: 5.7e-7 × C × Q", f11ShortTonsPerHour(co2Pct, scfh), "short ton/h");
        double co2Kg = w.step("CO2", "CO2 rate × duration × 907.18474 kg/short ton", rate * hours * KG_PER_SHORT_TON, "kg");
        return Map.of(Gas.CO2, co2Kg);
    }
}
