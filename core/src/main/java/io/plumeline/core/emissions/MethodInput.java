package io.plumeline.core.emissions;

import io.plumeline.core.units.Basis;
import io.plumeline.core.units.Dimension;
import io.plumeline.core.units.HeatingValueBasis;
import io.plumeline.core.units.MoistureBasis;
import io.plumeline.core.units.UnitOfMeasure;
import java.util.Optional;
import java.util.Set;

/**
 * One named input of a calculation method, the dimensions it may be given in and the basis its equation
 * needs ({@link Basis#NONE} when any will do). A tag feeding a quantity input may be a rate of one of those
 * dimensions: it is integrated over the hour. A value that leaves the basis unstated is taken on the basis
 * the equation needs (docs/calculations.md, measurement bases); one that states another is refused.
 */
public record MethodInput(String name, boolean required, Set<Dimension> dimensions, Basis needs) {

    static MethodInput required(String name, Dimension... dimensions) {
        return new MethodInput(name, true, Set.of(dimensions), Basis.NONE);
    }

    static MethodInput optional(String name, Dimension... dimensions) {
        return new MethodInput(name, false, Set.of(dimensions), Basis.NONE);
    }

    /** This input, on the heating value basis its equation is written for. */
    MethodInput on(HeatingValueBasis heatingValue) {
        return new MethodInput(name, required, dimensions, new Basis(heatingValue, needs.moisture(), needs.o2Reference()));
    }

    /** This input, on the moisture basis its equation is written for. */
    MethodInput on(MoistureBasis moisture) {
        return new MethodInput(name, required, dimensions, new Basis(needs.heatingValue(), moisture, needs.o2Reference()));
    }

    /** Whether a value in {@code dimension} can feed this input, directly or integrated over time. */
    public boolean accepts(Dimension dimension) {
        return dimensions.contains(dimension) || dimensions.contains(quantityOf(dimension));
    }

    /**
     * Why {@code method} cannot take a value in {@code unit} for this input: it states a basis other than
     * the one the equation needs. Empty when it states the same or none.
     */
    public Optional<String> basisProblem(CalculationMethod method, UnitOfMeasure unit) {
        return unit.basis().conflictWith(needs).map(why -> "is in '" + unit + "' (" + unit.basis().describe()
                + "); " + method + " (" + method.citation() + ") needs " + needs.describe() + ": " + why);
    }

    static Dimension quantityOf(Dimension rate) {
        return switch (rate) {
            case GAS_VOLUME_RATE -> Dimension.GAS_VOLUME;
            case VOLUME_RATE -> Dimension.VOLUME;
            case MASS_RATE -> Dimension.MASS;
            case ENERGY_RATE -> Dimension.ENERGY;
            default -> rate;
        };
    }
}
