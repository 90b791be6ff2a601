package io.plumeline.core.reporting;

/**
 * The stored hours of one source and one gas over a period (docs/contracts.md §3, {@code emissions}), summed: what
 * InfluxDB's aggregates give, so that a year is never read hour by hour. {@code hours} counts the hours with a
 * result, {@code availabilitySumPct} adds the availability of the {@code availabilityHours} that carried one,
 * {@code substitutedHours} counts the hours filled in under 40 CFR 75.33 and {@code lateCorrectedHours} those
 * recomputed after their first result because readings came late, {@code backfillPendingHours} those a collector
 * gap touched whose backfill was not done yet (they may still change). The job writes every gas of a source-hour
 * together, so the counts are the same for each gas of a source.
 */
public record SourceGasPeriod(String source, String unit, String method, String gas, double massKg, int hours,
                              double availabilitySumPct, int availabilityHours, int substitutedHours,
                              int lateCorrectedHours, int backfillPendingHours) {
}
