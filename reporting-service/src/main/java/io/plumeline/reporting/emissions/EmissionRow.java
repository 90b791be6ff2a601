package io.plumeline.reporting.emissions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One row of {@code GET /api/v1/emissions}: a source's emissions of one gas over the interval starting at
 * {@code start}. {@code hours} counts the hourly results it holds; the lineage id names the single hourly
 * calculation and is absent from days and months.
 */
public record EmissionRow(String source, String gas, Instant start, Double massKg, Double co2eKg,
                          Double availabilityPct, Double substitutedMin, String method,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String lineageId, int hours) {
}
