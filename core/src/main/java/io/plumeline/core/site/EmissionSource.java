package io.plumeline.core.site;

import java.util.Map;

/**
 * An emission source: a stack, flare or process vent, with the regulatory method that computes its
 * emissions and the inputs of that method (each a tag or a constant).
 */
public record EmissionSource(String id, String unit, String category, String method, String fuel,
                             Map<String, SourceInput> inputs, String substitution) {

    public EmissionSource {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        substitution = substitution == null ? "NONE" : substitution;
    }
}
