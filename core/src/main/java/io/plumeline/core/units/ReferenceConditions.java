package io.plumeline.core.units;

/**
 * Temperature and pressure at which a gas volume is stated. Volumes at different reference conditions
 * convert through the ideal gas law: V2 = V1 × (T2 / T1) × (P1 / P2).
 */
public record ReferenceConditions(String name, double kelvin, double kilopascal) {

    /** Normal conditions: 0 °C, 101.325 kPa (Nm³). */
    public static final ReferenceConditions NORMAL = new ReferenceConditions("0 °C, 101.325 kPa", 273.15, 101.325);

    /** EPA standard conditions of 40 CFR Part 98: 68 °F, 14.7 psia (scf). */
    public static final ReferenceConditions EPA_STANDARD =
            new ReferenceConditions("68 °F, 14.7 psia", 293.15, 14.7 * 6.894757293168361);

    /** Volume at {@code target} of the gas that fills one volume unit at these conditions. */
    public double volumeRatioTo(ReferenceConditions target) {
        return (target.kelvin / kelvin) * (kilopascal / target.kilopascal);
    }

    @Override
    public String toString() {
        return name;
    }
}
