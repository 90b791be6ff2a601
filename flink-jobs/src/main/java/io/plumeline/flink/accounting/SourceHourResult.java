package io.plumeline.flink.accounting;

import io.plumeline.core.emissions.HourlyEmission;
import java.io.Serializable;
import java.util.List;

/**
 * One gas of one source-hour as stored: core's result plus how it was obtained — {@code substitution}, what filled
 * its gaps when minutes were substituted (the §75.33 tier of a PART75 source, the program's rules of the others, e.g.
 * {@code EPA_PART98_MEAN_BEFORE_AFTER+BACKUP_TAG}; null when nothing was), how many of the hour's readings came after its first result — and
 * the source-hour's lineage, on the hour's first result only (both null on the others), so that the record, a few
 * kB, is written once per source-hour (docs/lineage.md): the lineage ids of all its rows ({@code hourLineageIds}),
 * by which it is found, and its record as JSON ({@code lineage}). {@code fromArchive}: computed again from the stored
 * telemetry because readings came after the hour's state was gone ({@code lateCount} then counts those).
 * {@code operating}: false for an hour the source's status tag showed it shut down for. {@code backfillPending}: a
 * collector gap touched the hour and its backfill is not done yet, so the hour may still lack readings. {@code modc}:
 * the method of determination code of 40 CFR 75.57 Table 4a for a {@code PART75} source's hour (01 measured, 06–12
 * the §75.33 tiers, 07 the §75.31 initial period), null for the others.
 */
public record SourceHourResult(HourlyEmission emission, String substitution, int lateCount,
                         List<String> hourLineageIds, String lineage, boolean fromArchive, boolean operating,
                         boolean backfillPending, String modc)
        implements Serializable {

    /** A result of the stream: computed from the readings the job holds in state. */
    public SourceHourResult(HourlyEmission emission, String substitution, int lateCount, List<String> hourLineageIds,
                      String lineage) {
        this(emission, substitution, lateCount, hourLineageIds, lineage, false, true, false, null);
    }

    public boolean substituted() {
        return substitution != null;
    }
}
