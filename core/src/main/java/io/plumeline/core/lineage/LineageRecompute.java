package io.plumeline.core.lineage;

import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.LatestBefore;
import io.plumeline.core.emissions.MissingDataContext;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.SourceHourAccount;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.site.SourceInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a source-hour again from the readings stored for its tags and its lineage record, through the same
 * {@link SourceHourAccount} the Flink job uses: the result is the stored one, to the bit, when the readings are
 * those the job saw. Refuses a site model or factor tables other than those the record names.
 */
public final class LineageRecompute {

    private LineageRecompute() {
    }

    /**
     * {@code readingsByTag}: per input tag, its stored readings (value null when not GOOD) of the hour and at least
     * the last one before it; earlier ones are ignored, as the job only carries the last one into the hour. Backup
     * tags (site model {@code missingData.<input>.backup}) are input tags here too.
     */
    public static SourceHourAccount recompute(String siteModelText, String origin, LineageRecord record,
                                              Map<String, List<Sample>> readingsByTag) {
        String hash = Sha256.hex(siteModelText);
        if (!hash.equals(record.siteModelSha256())) {
            throw new IllegalArgumentException(origin + " has SHA-256 " + hash + ", the record of " + record.source() + " "
                    + record.hourStart() + " was computed with " + record.siteModelSha256());
        }
        SiteModel model = SiteModelLoader.parse(siteModelText, origin);
        EmissionSource source = model.source(record.source()).orElseThrow(() ->
                new IllegalArgumentException("source '" + record.source() + "' is not in " + origin));
        Instant from = record.hourStart();
        Instant to = from.plus(Duration.ofHours(1));
        Map<String, List<Sample>> measured = new HashMap<>();
        Map<String, List<Sample>> filled = new HashMap<>();
        for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
            if (!input.getValue().isTag()) continue;
            String name = input.getKey();
            List<Sample> samples = asTheJobSaw(readingsByTag.getOrDefault(input.getValue().tag(), List.of()), from, to);
            measured.put(name, samples);
            List<Sample> substitutes = record.input(name).map(InputTrace::substitutes).orElse(List.of());
            if (substitutes.isEmpty()) {
                filled.put(name, samples);
            } else {
                List<Sample> f = new ArrayList<>(samples.stream().filter(Sample::isGood).toList());
                f.addAll(substitutes);
                f.sort(Comparator.comparing(Sample::ts));
                filled.put(name, f);
            }
        }
        HourlyEmissions.auxiliaryTags(source).forEach((key, tag) ->
                measured.put(key, asTheJobSaw(readingsByTag.getOrDefault(tag, List.of()), from, to)));
        SourceHourAccount account = record.substitutionTier() == null
                ? SourceHourAccount.of(model, source, from, measured, record.maxHold(),
                        new MissingDataContext(record.missingData()), HourlyEmissions.DEFAULT_CALCULATOR)
                : SourceHourAccount.substituted(model, source, from, measured, filled, record.maxHold(),
                        HourlyEmissions.DEFAULT_CALCULATOR);
        var tables = SourceHourLineage.factorTables(account.result().steps());
        if (!tables.equals(record.factorTables())) {
            throw new IllegalArgumentException("the factor tables are now " + tables + ", the record of " + record.source()
                    + " " + from + " was computed with " + record.factorTables());
        }
        return account;
    }

    /** The readings in [from, to) after the latest one before {@code from}, in time order. */
    private static List<Sample> asTheJobSaw(List<Sample> readings, Instant from, Instant to) {
        List<Sample> sorted = readings.stream().sorted(Comparator.comparing(Sample::ts)).toList();
        return LatestBefore.hourSamples(sorted.stream().filter(s -> s.ts().isBefore(from)).toList(),
                        sorted.stream().filter(s -> !s.ts().isBefore(from) && s.ts().isBefore(to)).toList(),
                        s -> "", Sample::ts, s -> s)
                .getOrDefault("", List.of());
    }
}
