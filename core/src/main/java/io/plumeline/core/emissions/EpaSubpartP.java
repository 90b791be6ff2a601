package io.plumeline.core.emissions;

import java.util.Map;

/** 40 CFR 98.163 (Subpart P, hydrogen production): the fuel and feedstock carbon balance. Masses in kg. */
public final class EpaSubpartP {

    private EpaSubpartP() {
    }

    /**
     * Eq. P-1 (gaseous fuel and feedstock), one period: CO2 [t] = 44/12 × Fdstk [scf] × CC × MW / MVC × 0.001.
     * The same form as Eq. C-5, so the same function computes it.
     */
    public static double p1Tonnes(double feedstockScf, double carbonContent, double molecularWeight) {
        return EpaSubpartC.c5Tonnes(feedstockScf, carbonContent, molecularWeight);
    }

    /** EPA_P1: the carbon of the gaseous feedstock (and fuel) measured. */
    static Map<Gas, Double> p1(Working w) {
        double scf = w.input("feedstock", "scf");
        double cc = w.fraction("carbonContent");
        double mw = w.input("molecularWeight", "kg/kmol");
        w.step("MVC", "molar volume at 68 °F, 14.7 psia (§98.163)", EpaSubpartC.MVC_SCF_PER_KGMOL, "scf/kg-mol");
        double co2 = w.step("CO2", "Eq. P-1: 44/12 × Fdstk × CC × MW / MVC × 0.001", p1Tonnes(scf, cc, mw), "t");
        return Map.of(Gas.CO2, co2 * 1000);
    }
}
