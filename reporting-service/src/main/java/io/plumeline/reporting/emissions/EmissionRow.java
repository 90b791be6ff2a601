package io.plumeline.reporting.emissions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One row of {@code GET /api/v1/emissions}: a source's emissions of one gas (or its CO2e total) over the
 * interval starting at {@code start}. {@code hours} counts the hourly results it holds.
 *
 * <p>An hour carries how the job obtained it: {@code substituted} and {@code substitutionTier} (the §75.33
 * rule, {@code none} when nothing was substituted) and {@code lateCount}, the readings that came after the
 * hour's first result, and {@code operating}, false for an hour the source's status tag showed it shut down for
 * (docs/calculations.md, "Operating and non-operating hours"), and {@code backfillPending}, true while a collector
 * gap's backfill of the hour is not done (the hour may still change), and {@code modc}, a PART75 source's 40 CFR 75.57
 * method of determination code; they are absent from a point stored before the job
 * wrote them. The lineage id names
 * the single hourly calculation. A day or month carries none of these, but {@code substitutedHours}: how many
 * of its hours are substituted, {@code backfillPendingHours}: how many await a collector's backfill, and
 * {@code nonOperatingHours}: how many the source was shut down for (its {@code availabilityPct} is the mean over the
 * operating hours).
 */
public record EmissionRow(String source, String gas, Instant start, Double massKg, Double co2eKg,
                          Double availabilityPct, Double substitutedMin,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean substituted,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String substitutionTier,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer lateCount,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer substitutedHours,
                          String method, @JsonInclude(JsonInclude.Include.NON_NULL) String lineageId, int hours,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean operating,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean backfillPending,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer backfillPendingHours,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer nonOperatingHours,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String modc) {

    /** One stored hour. */
    static EmissionRow hour(String source, String gas, Instant start, Double massKg, Double co2eKg,
                            Double availabilityPct, Double substitutedMin, Boolean substituted,
                            String substitutionTier, Integer lateCount, String method, String lineageId, Boolean operating,
                            Boolean backfillPending, String modc) {
        return new EmissionRow(source, gas, start, massKg, co2eKg, availabilityPct, substitutedMin, substituted,
                substitutionTier, lateCount, null, method, lineageId, 1, operating, backfillPending, null, null, modc);
    }

    /** A day or month of hours. */
    static EmissionRow period(String source, String gas, Instant start, Double massKg, Double co2eKg,
                              Double availabilityPct, Double substitutedMin, int substitutedHours,
                              int backfillPendingHours, int nonOperatingHours, String method, int hours) {
        return new EmissionRow(source, gas, start, massKg, co2eKg, availabilityPct, substitutedMin, null, null, null,
                substitutedHours, method, null, hours, null, null, backfillPendingHours, nonOperatingHours, null);
    }
}
