package io.plumeline.core.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process unit of the plant (crude distillation, a heater, a boiler); units nest through {@code parent}.
 * {@code allocation} (an extension of docs/contracts.md §1) says how the unit's emissions are shared among its output
 * streams; absent means by mass.
 */
public record PlantUnit(String id, String name, String parent, Allocation allocation) {

    /**
     * The basis ({@code mass}, {@code energy} or {@code economic}) and, for energy and economic, one factor per
     * output stream: its energy content (e.g. GJ/t) or its value per tonne. A stream's weight is its mass times
     * its factor.
     */
    public record Allocation(String basis, Map<String, Double> factors) {

        public Allocation {
            // Kept in file order, and nulls kept so the validator can name them rather than failing in the parser.
            factors = factors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        }
    }
}
