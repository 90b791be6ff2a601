package io.plumeline.core.units;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A unit of measure spelled as in the site model (contract 1). Each unit states its dimension, its factor
 * to the dimension's base unit and, for gas volumes, the reference conditions the volume is stated at.
 *
 * <p>Base units: m³ (gas at the unit's own reference conditions, liquid or actual otherwise), kg, MJ, h;
 * rates are per hour; fractions are plain numbers (1 % = 0.01).
 */
public record UnitOfMeasure(String symbol, Dimension dimension, double toBase, ReferenceConditions reference) {

    private static final double FT3 = 0.028316846592;       // m³, exact
    private static final double US_GAL = 3.785411784e-3;    // m³, exact
    private static final double MMBTU = 1055.05585262;      // MJ, International Table Btu

    private static final Map<String, UnitOfMeasure> KNOWN = new LinkedHashMap<>();

    static {
        gas("Nm3/h", Dimension.GAS_VOLUME_RATE, 1, ReferenceConditions.NORMAL);
        gas("scf/h", Dimension.GAS_VOLUME_RATE, FT3, ReferenceConditions.EPA_STANDARD);
        plain("m3/h", Dimension.VOLUME_RATE, 1);
        plain("gal/h", Dimension.VOLUME_RATE, US_GAL);
        plain("t/h", Dimension.MASS_RATE, 1000);
        plain("kg/h", Dimension.MASS_RATE, 1);
        gas("Nm3", Dimension.GAS_VOLUME, 1, ReferenceConditions.NORMAL);
        gas("scf", Dimension.GAS_VOLUME, FT3, ReferenceConditions.EPA_STANDARD);
        plain("m3", Dimension.VOLUME, 1);
        plain("gal", Dimension.VOLUME, US_GAL);
        plain("t", Dimension.MASS, 1000);
        plain("kg", Dimension.MASS, 1);
        plain("Gg", Dimension.MASS, 1e6);
        plain("h", Dimension.TIME, 1);
        plain("MJ", Dimension.ENERGY, 1);
        plain("GJ", Dimension.ENERGY, 1000);
        plain("TJ", Dimension.ENERGY, 1e6);
        plain("mmBtu", Dimension.ENERGY, MMBTU);
        gas("MJ/Nm3", Dimension.ENERGY_PER_GAS_VOLUME, 1, ReferenceConditions.NORMAL);
        gas("GJ/Nm3", Dimension.ENERGY_PER_GAS_VOLUME, 1000, ReferenceConditions.NORMAL);
        gas("mmBtu/scf", Dimension.ENERGY_PER_GAS_VOLUME, MMBTU / FT3, ReferenceConditions.EPA_STANDARD);
        plain("MJ/kg", Dimension.ENERGY_PER_MASS, 1);
        plain("GJ/t", Dimension.ENERGY_PER_MASS, 1);
        plain("TJ/Gg", Dimension.ENERGY_PER_MASS, 1);
        plain("mmBtu/gal", Dimension.ENERGY_PER_VOLUME, MMBTU / US_GAL);
        plain("%", Dimension.FRACTION, 0.01);
        plain("kg/kg", Dimension.FRACTION, 1);
        plain("1", Dimension.FRACTION, 1);
        plain("vol%", Dimension.VOLUME_FRACTION, 0.01);
        plain("ppm", Dimension.VOLUME_FRACTION, 1e-6);
        gas("mg/Nm3", Dimension.MASS_CONCENTRATION, 1e-6, ReferenceConditions.NORMAL);
        plain("kg/kmol", Dimension.MOLAR_MASS, 1);
        plain("tC/TJ", Dimension.CARBON_PER_ENERGY, 1e-3);
        plain("tCO2/TJ", Dimension.MASS_PER_ENERGY, 1e-3);
        plain("kg/mmBtu", Dimension.MASS_PER_ENERGY, 1 / MMBTU);
        plain("degC", Dimension.TEMPERATURE, 1);
        plain("kPa", Dimension.PRESSURE, 1);
    }

    private static void gas(String symbol, Dimension dimension, double toBase, ReferenceConditions reference) {
        KNOWN.put(symbol, new UnitOfMeasure(symbol, dimension, toBase, reference));
    }

    private static void plain(String symbol, Dimension dimension, double toBase) {
        KNOWN.put(symbol, new UnitOfMeasure(symbol, dimension, toBase, null));
    }

    /** The unit spelled exactly so, if Plumeline knows it. */
    public static Optional<UnitOfMeasure> find(String symbol) {
        return Optional.ofNullable(symbol == null ? null : KNOWN.get(symbol));
    }

    /** The unit spelled exactly so; an unknown spelling is refused with the list of known ones. */
    public static UnitOfMeasure of(String symbol) {
        return find(symbol).orElseThrow(() -> new UnitException("unknown unit '" + symbol + "'"));
    }

    public static Collection<UnitOfMeasure> all() {
        return KNOWN.values();
    }

    public boolean convertsTo(UnitOfMeasure target) {
        return dimension == target.dimension;
    }

    /**
     * Factor that turns a value in this unit into one in {@code target}. Gas volumes at other reference
     * conditions go through the ideal gas law; different dimensions are refused, never guessed.
     */
    public double factorTo(UnitOfMeasure target) {
        if (!convertsTo(target)) {
            throw new UnitException("cannot convert '" + symbol + "' (" + dimension + ") to '" + target.symbol
                    + "' (" + target.dimension + ")");
        }
        double factor = toBase / target.toBase;
        if (dimension.isGasBased() && !reference.equals(target.reference)) {
            factor *= Math.pow(reference.volumeRatioTo(target.reference), dimension.gasVolumeExponent);
        }
        return factor;
    }

    /** The quantity unit a rate integrates to over time (Nm3/h → Nm3); empty for a unit that is not a rate. */
    public Optional<UnitOfMeasure> integratedOverTime() {
        return symbol.endsWith("/h") ? find(symbol.substring(0, symbol.length() - 2)) : Optional.empty();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
