package io.plumeline.core.units;

/** A value with its unit. Converting states the target unit; a quantity never changes unit silently. */
public record Quantity(double value, UnitOfMeasure unit) {

    public static Quantity of(double value, String unitSymbol) {
        return new Quantity(value, UnitOfMeasure.of(unitSymbol));
    }

    public Quantity to(UnitOfMeasure target) {
        return new Quantity(value * unit.factorTo(target), target);
    }

    public Quantity to(String targetSymbol) {
        return to(UnitOfMeasure.of(targetSymbol));
    }

    /** The value in {@code targetSymbol}. */
    public double in(String targetSymbol) {
        return to(targetSymbol).value;
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
