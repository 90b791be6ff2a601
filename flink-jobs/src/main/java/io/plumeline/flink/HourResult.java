package io.plumeline.flink;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.SubstitutionPolicy;
import java.io.Serializable;

/**
 * One gas of one source-hour as stored: core's result plus how it was obtained — the §75.33 tier when
 * minutes were substituted (null otherwise), how many of the hour's readings came after its first result, and
 * the source-hour's lineage record as JSON (the same for each gas of the hour).
 */
public record HourResult(HourlyEmission emission, SubstitutionPolicy.Tier tier, int lateCount, String lineage)
        implements Serializable {

    public boolean substituted() {
        return tier != null;
    }
}
