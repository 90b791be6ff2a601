package io.plumeline.core.chain;

import java.time.Instant;

/**
 * One product in one hour (docs/contracts.md §3, measurement {@code product_intensity}): the mass that left the site as
 * this product, the CO2e it carries from every unit upstream of it within the site, and their ratio.
 * {@code intensityKgPerT} is NaN when no mass left as the product in the hour (the ratio has no value then; a
 * writer leaves the field out).
 */
public record ProductIntensity(String site, String product, Instant hourStart, double massT, double co2eKg,
                               double intensityKgPerT) {
}
