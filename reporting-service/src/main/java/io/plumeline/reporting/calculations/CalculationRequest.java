package io.plumeline.reporting.calculations;

import io.plumeline.core.emissions.CalculationMethod;
import io.plumeline.core.emissions.CarbonStream;
import io.plumeline.core.units.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/calculations} as read, before the calculator checks it against the method:
 * {@code gwp} is null when the request leaves it to the site, {@code fuel} when the method needs none.
 */
record CalculationRequest(CalculationMethod method, String fuel, String gwp, Map<String, Quantity> inputs,
                          List<CarbonStream> streams) {
}
