package io.plumeline.core.emissions;

import io.plumeline.core.units.Dimension;
import java.util.Set;

/**
 * One named input of a calculation method and the dimensions it may be given in. A tag feeding a quantity
 * input may be a rate of one of those dimensions: it is integrated over the hour.
 */
public record MethodInput(String name, boolean required, Set<Dimension> dimensions) {

    static MethodInput required(String name, Dimension... dimensions) {
        return new MethodInput(name, true, Set.of(dimensions));
    }

    static MethodInput optional(String name, Dimension... dimensions) {
        return new MethodInput(name, false, Set.of(dimensions));
    }

    /** Whether a value in {@code dimension} can feed this input, directly or integrated over time. */
    public boolean accepts(Dimension dimension) {
        return dimensions.contains(dimension) || dimensions.contains(quantityOf(dimension));
    }

    static Dimension quantityOf(Dimension rate) {
        return switch (rate) {
            case GAS_VOLUME_RATE -> Dimension.GAS_VOLUME;
            case VOLUME_RATE -> Dimension.VOLUME;
            case MASS_RATE -> Dimension.MASS;
            default -> rate;
        };
    }
}
