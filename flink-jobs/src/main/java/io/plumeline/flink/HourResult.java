package io.plumeline.flink;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.SubstitutionPolicy;
import java.io.Serializable;
import java.util.List;

/**
 * One gas of one source-hour as stored: core's result plus how it was obtained — the §75.33 tier when
 * minutes were substituted (null otherwise), how many of the hour's readings came after its first result — and
 * the source-hour's lineage, on the hour's first result only (both null on the others), so that the record, a few
 * kB, is written once per source-hour (docs/lineage.md): the lineage ids of all its rows ({@code hourLineageIds}),
 * by which it is found, and its record as JSON ({@code lineage}).
 */
public record HourResult(HourlyEmission emission, SubstitutionPolicy.Tier tier, int lateCount,
                         List<String> hourLineageIds, String lineage) implements Serializable {

    public boolean substituted() {
        return tier != null;
    }
}
