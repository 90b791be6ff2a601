package io.plumeline.core.chain;

import io.plumeline.core.site.PlantUnit;
import java.util.Locale;

/**
 * How a unit's emissions are shared among its output streams: in proportion to each stream's mass, or to its
 * mass times a factor per stream (energy content per tonne, or value per tonne). Set per unit with
 * {@code units[].allocation} in the site model; mass when absent.
 */
public enum AllocationBasis {
    MASS, ENERGY, ECONOMIC;

    static AllocationBasis of(PlantUnit unit) {
        return unit.allocation() == null ? MASS : valueOf(unit.allocation().basis().toUpperCase(Locale.ROOT));
    }
}
