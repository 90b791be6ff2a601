package io.plumeline.core.units;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a value is measured on beyond its unit, written after the unit (docs/site-model.md, units): the heating
 * value basis ({@code MJ/Nm3 HHV}), the moisture basis ({@code Nm3/h wet}, {@code mg/Nm3 dry}) and the oxygen
 * content a concentration is normalised to ({@code mg/Nm3 dry 3%O2}). A part left out is unstated: the
 * method the value feeds decides what it takes it for (docs/calculations.md, measurement bases).
 */
public record Basis(HeatingValueBasis heatingValue, MoistureBasis moisture, Double o2Reference) {

    public static final Basis NONE = new Basis(null, null, null);

    private static final Set<Dimension> HEATING_VALUE = EnumSet.of(Dimension.ENERGY_PER_GAS_VOLUME,
            Dimension.ENERGY_PER_MASS, Dimension.ENERGY_PER_VOLUME, Dimension.MASS_PER_ENERGY, Dimension.CARBON_PER_ENERGY);
    private static final Set<Dimension> MOISTURE = EnumSet.of(Dimension.GAS_VOLUME, Dimension.GAS_VOLUME_RATE,
            Dimension.MASS_CONCENTRATION, Dimension.VOLUME_FRACTION);
    private static final Pattern O2_REFERENCE = Pattern.compile("(\\d+(?:\\.\\d+)?)%O2");

    /** The basis written after a unit of {@code dimension}, one word each: HHV|LHV, wet|dry, n%O2. */
    static Basis parse(String words, Dimension dimension, String spelling) {
        HeatingValueBasis heating = null;
        MoistureBasis moisture = null;
        Double o2 = null;
        for (String word : words.trim().split(" +")) {
            Matcher reference = O2_REFERENCE.matcher(word);
            if (word.equals("HHV") || word.equals("LHV")) {
                allowed(heating == null && HEATING_VALUE.contains(dimension), word, dimension, spelling);
                heating = HeatingValueBasis.valueOf(word);
            } else if (word.equals("wet") || word.equals("dry")) {
                allowed(moisture == null && MOISTURE.contains(dimension), word, dimension, spelling);
                moisture = word.equals("wet") ? MoistureBasis.WET : MoistureBasis.DRY;
            } else if (reference.matches()) {
                allowed(o2 == null && dimension == Dimension.MASS_CONCENTRATION, word, dimension, spelling);
                o2 = Double.parseDouble(reference.group(1));
                if (o2 >= 20.9) throw new UnitException("unknown unit '" + spelling + "': an O2 reference must be below 20.9 %");
            } else {
                throw new UnitException("unknown unit '" + spelling + "': '" + word
                        + "' is not a basis (HHV, LHV, wet, dry or an O2 reference such as 3%O2)");
            }
        }
        return new Basis(heating, moisture, o2);
    }

    private static void allowed(boolean ok, String word, Dimension dimension, String spelling) {
        if (!ok) throw new UnitException("unknown unit '" + spelling + "': '" + word + "' is repeated or does not apply to " + dimension);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** How this basis is written after a unit, in a fixed order; empty when nothing is stated. */
    String suffix() {
        StringBuilder s = new StringBuilder();
        if (heatingValue != null) s.append(' ').append(heatingValue);
        if (moisture != null) s.append(' ').append(moisture.spelling());
        if (o2Reference != null) s.append(' ').append(o2Text()).append("%O2");
        return s.toString();
    }

    private String o2Text() {
        return o2Reference == Math.rint(o2Reference) ? Long.toString(o2Reference.longValue()) : o2Reference.toString();
    }

    /** In words: "lower heating value (LHV, net calorific value NCV)", "dry basis, normalised to 3 % O2". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (heatingValue != null) parts.add(heatingValue.description());
        if (moisture != null) parts.add(moisture.spelling() + " basis");
        if (o2Reference != null) parts.add("normalised to " + o2Text() + " % O2");
        return parts.isEmpty() ? "no stated basis" : String.join(", ", parts);
    }

    /**
     * Why a value on this basis cannot be taken as one on {@code other}: a part both state differently. A
     * part either leaves unstated is no conflict.
     */
    public Optional<String> conflictWith(Basis other) {
        if (heatingValue != null && other.heatingValue != null && heatingValue != other.heatingValue) {
            return Optional.of(heatingValue + " and " + other.heatingValue + " are never converted into each other");
        }
        if (moisture != null && other.moisture != null && moisture != other.moisture) {
            return Optional.of(moisture.spelling() + " to " + other.moisture.spelling() + " takes the moisture content");
        }
        if (o2Reference != null && other.o2Reference != null && !o2Reference.equals(other.o2Reference)) {
            return Optional.of("another O2 reference takes the measured O2");
        }
        return Optional.empty();
    }
}
