package io.plumeline.core.site;

import io.plumeline.core.emissions.HourlyEmissions;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How long the readings behind a reportable figure are kept, so that any hour of a report can be computed again
 * from them while the program asks for its records: the telemetry of the tags a reportable source reads (its input
 * tags, backup tags and operating-status tag) is kept this long in retention policy {@code record}, the other tags'
 * only for the raw retention.
 */
public final class RecordRetention {

    private RecordRetention() {
    }

    /**
     * The program's record-keeping period, in whole days (InfluxDB's retention has no years), leap days included:
     * Part 98, 3 years (40 CFR 98.3(g)); EU ETS, 10 years (MRR Art. 67(1)); China's national ETS, 5 years.
     */
    public static Duration ofProgram(String program) {
        return switch (program) {
            case "EPA_PART98" -> Duration.ofDays(3 * 365 + 1);
            case "EU_ETS" -> Duration.ofDays(10 * 365 + 3);
            case "CN_MEE" -> Duration.ofDays(5 * 365 + 2);
            default -> throw new IllegalArgumentException("no record-keeping period for program '" + program + "'");
        };
    }

    /** The tags whose telemetry is kept for the record: those a reportable source reads. */
    public static Set<String> recordTags(SiteModel model) {
        Set<String> tags = new LinkedHashSet<>();
        for (EmissionSource source : model.sources()) {
            if (!source.reportable()) continue;
            for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
                if (input.getValue().isTag()) tags.add(input.getValue().tag());
            }
            tags.addAll(HourlyEmissions.auxiliaryTags(source).values());
        }
        return tags;
    }
}
