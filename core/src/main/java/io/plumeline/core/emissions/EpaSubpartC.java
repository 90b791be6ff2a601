package io.plumeline.core.emissions;

/** Equations of 40 CFR 98.33 (Subpart C, stationary fuel combustion). Masses in kg. */
public final class EpaSubpartC {

    private EpaSubpartC() {
    }

    /**
     * Eq. C-1 and C-2a: CO2 = 1e-3 × Fuel × HHV × EF in metric tons, i.e. heat input [mmBtu] × EF
     * [kg/mmBtu] in kg. C-1 takes the default HHV, C-2a the measured one; the heat input carries that.
     */
    public static double co2Kg(double heatInputMmBtu, double emissionFactorKgPerMmBtu) {
        return heatInputMmBtu * emissionFactorKgPerMmBtu;
    }
}
