package io.plumeline.core.reporting;

import java.time.Instant;

/**
 * One stored hourly result of a source for one gas (contract 3, {@code emissions}), as a period roll-up reads
 * it: the mass and how the hour was obtained. {@code availabilityPct} is null for an hour stored without it;
 * {@code lateCount} counts the readings that came after the hour's first result and recomputed it.
 */
public record SourceHour(String source, String unit, String method, String gas, Instant hour, double massKg,
                         Double availabilityPct, boolean substituted, int lateCount) {
}
