package io.plumeline.core.units;

/**
 * Temperature and pressure at which a gas volume is stated. Volumes at different reference conditions
 * convert through the ideal gas law: V2 = V1 × (T2 / T1) × (P1 / P2).
 */
public record ReferenceConditions(String name, double kelvin, double kilopascal) {

    /** kPa per psi (pound-force per square inch), exact from the pound and the inch. */
    private static final double PSI = 6.894757293168361;

    /** Normal conditions: 0 °C, 101.325 kPa (Nm³). */
    public static final ReferenceConditions NORMAL = new ReferenceConditions("0 °C, 101.325 kPa", 273.15, 101.325);

    /** ISO 13443 standard reference conditions, used in European gas trade: 15 °C, 101.325 kPa (Sm3@15C). */
    public static final ReferenceConditions ISO_STANDARD = new ReferenceConditions("15 °C, 101.325 kPa", 288.15, 101.325);

    /** The standard reference conditions of China's gas metering, GB/T 19205: 20 °C, 101.325 kPa (Sm3@20C). */
    public static final ReferenceConditions CHINA_METERING = new ReferenceConditions("20 °C, 101.325 kPa", 293.15, 101.325);

    /** EPA standard conditions of 40 CFR Part 98: 68 °F, 14.7 psia (scf). */
    public static final ReferenceConditions EPA_STANDARD = new ReferenceConditions("68 °F, 14.7 psia", 293.15, 14.7 * PSI);

    /** US natural gas billing conditions: 60 °F (288.7056 K), 14.73 psia (scf@60F). */
    public static final ReferenceConditions US_GAS_BILLING =
            new ReferenceConditions("60 °F, 14.73 psia", (60 - 32) / 1.8 + 273.15, 14.73 * PSI);

    /** Volume at {@code target} of the gas that fills one volume unit at these conditions. */
    public double volumeRatioTo(ReferenceConditions target) {
        return (target.kelvin / kelvin) * (kilopascal / target.kilopascal);
    }

    @Override
    public String toString() {
        return name;
    }
}
