package io.plumeline.reporting.emissions;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/emissions}: rows ordered by source, gas and start. */
public record EmissionsReport(String site, Instant from, Instant to, ReportInterval interval, List<EmissionRow> rows) {
}
