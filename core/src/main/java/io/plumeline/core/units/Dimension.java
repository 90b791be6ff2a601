package io.plumeline.core.units;

/**
 * What a quantity measures. Gas volumes are kept apart from liquid or actual volumes because they only
 * mean something at stated reference conditions; carbon per energy is kept apart from a gas's mass per
 * energy because one is carbon and the other CO2 (or CH4, N2O). Carbon per gas volume is a gas's carbon
 * content as China's MEE guidelines state it (t C per 10⁴ Nm³).
 */
public enum Dimension {
    GAS_VOLUME(1), VOLUME(0), MASS(0), ENERGY(0), TIME(0),
    GAS_VOLUME_RATE(1), VOLUME_RATE(0), MASS_RATE(0), ENERGY_RATE(0),
    ENERGY_PER_GAS_VOLUME(-1), ENERGY_PER_MASS(0), ENERGY_PER_VOLUME(0),
    FRACTION(0), VOLUME_FRACTION(0), MASS_CONCENTRATION(-1), MOLAR_MASS(0),
    CARBON_PER_ENERGY(0), CARBON_PER_GAS_VOLUME(-1), MASS_PER_ENERGY(0), TEMPERATURE(0), PRESSURE(0);

    /** Power of gas volume in the dimension: +1 for a gas volume or its rate, -1 for "per gas volume". */
    final int gasVolumeExponent;

    Dimension(int gasVolumeExponent) {
        this.gasVolumeExponent = gasVolumeExponent;
    }

    public boolean isGasBased() {
        return gasVolumeExponent != 0;
    }
}
