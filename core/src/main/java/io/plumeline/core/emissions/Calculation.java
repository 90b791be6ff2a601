package io.plumeline.core.emissions;

import io.plumeline.core.units.Quantity;
import java.util.List;
import java.util.Map;

/**
 * A request to compute one method: the fuel (for the factor tables), the GWP set of the CO2e, the method's
 * inputs by name (any unit that converts to what the equation needs) and, for the mass balance, its streams.
 */
public record Calculation(CalculationMethod method, String fuel, GwpSet gwp, Map<String, Quantity> inputs,
                          List<CarbonStream> streams) {

    public Calculation {
        if (method == null) throw new CalculationException("method", "is required");
        if (gwp == null) throw new CalculationException("gwp", "is required");
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        streams = streams == null ? List.of() : List.copyOf(streams);
    }

    public static Calculation of(CalculationMethod method, String fuel, String gwp, Map<String, Quantity> inputs) {
        return new Calculation(method, fuel, GwpSet.of(gwp), inputs, List.of());
    }
}
