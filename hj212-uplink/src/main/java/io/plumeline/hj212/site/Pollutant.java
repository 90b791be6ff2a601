package io.plumeline.hj212.site;

import io.plumeline.core.units.Dimension;
import io.plumeline.core.units.MoistureBasis;
import io.plumeline.core.units.UnitOfMeasure;
import java.util.Arrays;
import java.util.Optional;

/**
 * The HJ 212-2017 Annex B codes the uplink sends, each with the unit the standard reports it in
 * (shared/reference/standards-and-users.md §2.1; HJ 75: dry gas at standard conditions, NOx as NO2). A
 * concentration's {@code -Cou} is its emitted mass in kg, the flue gas flow's its volume in m³ (standard, dry).
 */
public enum Pollutant {

    SO2("a21026", Kind.CONCENTRATION),
    NOX("a21002", Kind.CONCENTRATION),
    NO("a21003", Kind.CONCENTRATION),
    NO2("a21004", Kind.CONCENTRATION),
    CO("a21005", Kind.CONCENTRATION),
    PARTICULATE("a34013", Kind.CONCENTRATION),
    NMHC("a24088", Kind.CONCENTRATION),
    O2("a19001", Kind.PERCENT),
    FLUE_GAS_FLOW("a00000", Kind.FLOW),
    TEMPERATURE("a01012", Kind.TEMPERATURE),
    PRESSURE("a01013", Kind.PRESSURE),
    HUMIDITY("a01014", Kind.PERCENT);

    /** What a code measures, the HJ 212 unit and the site-model units that convert to it. */
    public enum Kind {
        CONCENTRATION("mg/Nm3", "mg/m³ dry at standard conditions: mg/Nm3 or mg/Nm3 dry, without an O2 reference"),
        FLOW("Nm3/h", "m³/h dry at standard conditions: Nm3/h or Nm3/h dry (or another gas volume rate with its conditions)"),
        PERCENT("%", "%: % or vol%"),
        TEMPERATURE("degC", "°C: degC"),
        PRESSURE("kPa", "kPa: kPa");

        private final UnitOfMeasure unit;
        private final String expected;

        Kind(String unit, String expected) {
            this.unit = UnitOfMeasure.of(unit);
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }

        /** The factor from {@code uom} to this kind's HJ 212 unit, empty when it is not a unit HJ 212 takes. */
        Optional<Double> factorFrom(UnitOfMeasure uom) {
            if (uom.basis().moisture() == MoistureBasis.WET || uom.basis().o2Reference() != null) return Optional.empty();
            if (this == PERCENT && uom.dimension() == Dimension.VOLUME_FRACTION) return Optional.of(uom.plain().factorTo(UnitOfMeasure.of("vol%")));
            return uom.plain().convertsTo(unit) ? Optional.of(uom.plain().factorTo(unit)) : Optional.empty();
        }
    }

    private final String code;
    private final Kind kind;

    Pollutant(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<Pollutant> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
