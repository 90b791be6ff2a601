package io.plumeline.core.units;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A unit of measure spelled as in the site model (docs/contracts.md §1). Each unit states its dimension, its factor
 * to the dimension's base unit, for gas volumes the reference conditions the volume is stated at, and the
 * {@link Basis} written after it, if any ({@code MJ/Nm3 HHV}, {@code mg/Nm3 dry 3%O2}).
 *
 * <p>Base units: m³ (gas at the unit's own reference conditions, liquid or actual otherwise), kg, MJ, h;
 * rates are per hour; fractions are plain numbers (1 % = 0.01); carbon per gas volume kg C/m³.
 */
public record UnitOfMeasure(String symbol, Dimension dimension, double toBase, ReferenceConditions reference,
                            Basis basis) {

    private static final double FT3 = 0.028316846592;       // m³, exact
    private static final double US_GAL = 3.785411784e-3;    // m³, exact
    private static final double MMBTU = 1055.05585262;      // MJ, International Table Btu

    private static final Map<String, UnitOfMeasure> KNOWN = new LinkedHashMap<>();

    static {
        gas("Nm3/h", Dimension.GAS_VOLUME_RATE, 1, ReferenceConditions.NORMAL);
        gas("scf/h", Dimension.GAS_VOLUME_RATE, FT3, ReferenceConditions.EPA_STANDARD);
        gas("Sm3@15C/h", Dimension.GAS_VOLUME_RATE, 1, ReferenceConditions.ISO_STANDARD);
        gas("Sm3@20C/h", Dimension.GAS_VOLUME_RATE, 1, ReferenceConditions.CHINA_METERING);
        gas("scf@60F/h", Dimension.GAS_VOLUME_RATE, FT3, ReferenceConditions.US_GAS_BILLING);
        gas("10^4Nm3/h", Dimension.GAS_VOLUME_RATE, 1e4, ReferenceConditions.NORMAL);
        plain("m3/h", Dimension.VOLUME_RATE, 1);
        plain("gal/h", Dimension.VOLUME_RATE, US_GAL);
        plain("t/h", Dimension.MASS_RATE, 1000);
        plain("kg/h", Dimension.MASS_RATE, 1);
        // power, as electricity and heat meters give it: MJ per hour
        plain("kW", Dimension.ENERGY_RATE, 3.6);
        plain("MW", Dimension.ENERGY_RATE, 3600);
        plain("MJ/h", Dimension.ENERGY_RATE, 1);
        plain("GJ/h", Dimension.ENERGY_RATE, 1000);
        gas("Nm3", Dimension.GAS_VOLUME, 1, ReferenceConditions.NORMAL);
        gas("scf", Dimension.GAS_VOLUME, FT3, ReferenceConditions.EPA_STANDARD);
        gas("Sm3@15C", Dimension.GAS_VOLUME, 1, ReferenceConditions.ISO_STANDARD);
        gas("Sm3@20C", Dimension.GAS_VOLUME, 1, ReferenceConditions.CHINA_METERING);
        gas("scf@60F", Dimension.GAS_VOLUME, FT3, ReferenceConditions.US_GAS_BILLING);
        gas("10^4Nm3", Dimension.GAS_VOLUME, 1e4, ReferenceConditions.NORMAL);      // 万 Nm³ of the MEE guidelines
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
        plain("kWh", Dimension.ENERGY, 3.6);
        plain("MWh", Dimension.ENERGY, 3600);
        gas("MJ/Nm3", Dimension.ENERGY_PER_GAS_VOLUME, 1, ReferenceConditions.NORMAL);
        gas("GJ/Nm3", Dimension.ENERGY_PER_GAS_VOLUME, 1000, ReferenceConditions.NORMAL);
        gas("MJ/Sm3@15C", Dimension.ENERGY_PER_GAS_VOLUME, 1, ReferenceConditions.ISO_STANDARD);
        gas("MJ/Sm3@20C", Dimension.ENERGY_PER_GAS_VOLUME, 1, ReferenceConditions.CHINA_METERING);
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
        gas("tC/10^4Nm3", Dimension.CARBON_PER_GAS_VOLUME, 0.1, ReferenceConditions.NORMAL);
        plain("tCO2/TJ", Dimension.MASS_PER_ENERGY, 1e-3);
        plain("kg/mmBtu", Dimension.MASS_PER_ENERGY, 1 / MMBTU);
        plain("tCO2/GJ", Dimension.MASS_PER_ENERGY, 1);
        plain("tCO2/MWh", Dimension.MASS_PER_ENERGY, 1000.0 / 3600);
        plain("degC", Dimension.TEMPERATURE, 1);
        plain("kPa", Dimension.PRESSURE, 1);
    }

    private static void gas(String symbol, Dimension dimension, double toBase, ReferenceConditions reference) {
        KNOWN.put(symbol, new UnitOfMeasure(symbol, dimension, toBase, reference, Basis.NONE));
    }

    private static void plain(String symbol, Dimension dimension, double toBase) {
        KNOWN.put(symbol, new UnitOfMeasure(symbol, dimension, toBase, null, Basis.NONE));
    }

    /** The unit spelled exactly so, if Plumeline knows it. */
    public static Optional<UnitOfMeasure> find(String symbol) {
        try {
            return Optional.of(of(symbol));
        } catch (UnitException e) {
            return Optional.empty();
        }
    }

    /**
     * The unit spelled exactly so, optionally followed by its basis ({@code MJ/Nm3 LHV}); an unknown spelling
     * is refused, saying which word is not understood.
     */
    public static UnitOfMeasure of(String symbol) {
        UnitOfMeasure known = symbol == null ? null : KNOWN.get(symbol);
        if (known != null) return known;
        int space = symbol == null ? -1 : symbol.indexOf(' ');
        UnitOfMeasure plain = space < 0 ? null : KNOWN.get(symbol.substring(0, space));
        if (plain == null) throw new UnitException("unknown unit '" + symbol + "'");
        return plain.on(Basis.parse(symbol.substring(space + 1), plain.dimension, symbol));
    }

    /** The units without a basis; each may be followed by one (docs/site-model.md, units). */
    public static Collection<UnitOfMeasure> all() {
        return KNOWN.values();
    }

    /** This unit without its basis: {@code MJ/Nm3} for {@code MJ/Nm3 HHV}. */
    public UnitOfMeasure plain() {
        return KNOWN.get(basis.isNone() ? symbol : symbol.substring(0, symbol.indexOf(' ')));
    }

    private UnitOfMeasure on(Basis other) {
        UnitOfMeasure plain = plain();
        return other.isNone() ? plain
                : new UnitOfMeasure(plain.symbol + other.suffix(), dimension, toBase, reference, other);
    }

    public boolean convertsTo(UnitOfMeasure target) {
        return dimension == target.dimension;
    }

    /**
     * Factor that turns a value in this unit into one in {@code target}. Gas volumes at other reference
     * conditions go through the ideal gas law; different dimensions are refused, never guessed, and so is
     * a basis the target states otherwise (HHV to LHV, dry to wet, 3 % O2 to 15 % O2): that is not a factor.
     */
    public double factorTo(UnitOfMeasure target) {
        if (!convertsTo(target)) {
            throw new UnitException("cannot convert '" + symbol + "' (" + dimension + ") to '" + target.symbol
                    + "' (" + target.dimension + ")");
        }
        basis.conflictWith(target.basis).ifPresent(why -> {
            throw new UnitException("cannot convert '" + symbol + "' to '" + target.symbol + "': " + why);
        });
        double factor = toBase / target.toBase;
        if (dimension.isGasBased() && !reference.equals(target.reference)) {
            factor *= Math.pow(reference.volumeRatioTo(target.reference), dimension.gasVolumeExponent);
        }
        return factor;
    }

    /**
     * The quantity unit a rate integrates to over time, on the same basis (Nm3/h wet → Nm3 wet); empty for a
     * unit that is not a rate.
     */
    public Optional<UnitOfMeasure> integratedOverTime() {
        String plain = plain().symbol;
        String over = POWER_INTEGRALS.getOrDefault(plain, plain.endsWith("/h") ? plain.substring(0, plain.length() - 2) : null);
        return over == null ? Optional.empty() : find(over).map(q -> q.on(basis));
    }

    /** Power units whose symbol is no "per hour": a kW integrates to kWh. */
    private static final Map<String, String> POWER_INTEGRALS = Map.of("kW", "kWh", "MW", "MWh");

    @Override
    public String toString() {
        return symbol;
    }
}
