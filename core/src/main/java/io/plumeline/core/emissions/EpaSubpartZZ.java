package io.plumeline.core.emissions;

import java.util.Map;

/**
 * 40 CFR 98.493 (Subpart ZZ, coke calcining; Eq. Y-13 of Subpart Y until the 2024 amendments): the carbon of
 * the green coke fed less that of the calcined coke and the dust leaving. Masses in kg.
 */
public final class EpaSubpartZZ {

    private EpaSubpartZZ() {
    }

    /** Equation 1 to §98.493(b)(2): CO2 [t] = 44/12 × (M_in × CC_GC − (M_out + M_dust) × CC_MPC), masses in t. */
    public static double calciningTonnes(double greenCoke, double greenCokeCarbon, double calcinedCoke, double dust,
                                         double calcinedCokeCarbon) {
        return 44.0 / 12.0 * (greenCoke * greenCokeCarbon - (calcinedCoke + dust) * calcinedCokeCarbon);
    }

    /** EPA_ZZ: refused when more carbon leaves than came in, which no measurement of a calciner can mean. */
    static Map<Gas, Double> calcining(Working w) {
        double in = w.input("greenCoke", "t");
        double ccIn = w.fraction("greenCokeCarbon");
        double out = w.input("calcinedCoke", "t");
        double dust = w.input("dust", "t");
        double ccOut = w.fraction("calcinedCokeCarbon");
        double carbonIn = w.step("carbon in", "M_in × CC_GC", in * ccIn, "t");
        double carbonOut = w.step("carbon out", "(M_out + M_dust) × CC_MPC", (out + dust) * ccOut, "t");
        if (carbonOut > carbonIn) {
            throw new CalculationException("calcinedCoke", "with dust carries " + carbonOut + " t of carbon out, more than the "
                    + carbonIn + " t the green coke brings in; check the masses and carbon contents");
        }
        double co2 = w.step("CO2", "Eq. 1 to §98.493(b)(2): 44/12 × (M_in × CC_GC − (M_out + M_dust) × CC_MPC)",
                calciningTonnes(in, ccIn, out, dust, ccOut), "t");
        return Map.of(Gas.CO2, co2 * 1000);
    }
}
