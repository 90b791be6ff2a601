package io.plumeline.reporting.products;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/products/intensity}: hourly rows ordered by start, then product. */
public record ProductIntensityReport(String site, Instant from, Instant to, List<ProductHour> rows) {
}
