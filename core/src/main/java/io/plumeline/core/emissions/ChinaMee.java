package io.plumeline.core.emissions;

import io.plumeline.core.units.Quantity;
import java.util.Map;

/** China's GHG accounting guideline for petrochemical enterprises (2014, trial): fuel combustion. Masses in kg. */
public final class ChinaMee {

    private ChinaMee() {
    }

    /** E [t CO2] = FC × NCV [TJ for FC] × CC [t C/TJ] × OF × 44/12. */
    public static double combustionTonnes(double energyTj, double carbonPerTj, double oxidationFactor) {
        return energyTj * carbonPerTj * oxidationFactor * 44.0 / 12.0;
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
        return Map.of(Gas.CO2, co2 * 1000);
    }
}
