package io.plumeline.reporting.products;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One product in one hour (measurement {@code product_intensity}): the mass that left the site as the product,
 * the CO2e it carries and their ratio, absent when no mass left in the hour.
 */
public record ProductHour(String product, Instant start, Double massT, Double co2eKg,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double intensityKgPerT) {
}
