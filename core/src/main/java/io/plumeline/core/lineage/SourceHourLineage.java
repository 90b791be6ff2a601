package io.plumeline.core.lineage;

import io.plumeline.core.emissions.CalculationStep;
import io.plumeline.core.emissions.FactorSource;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.MissingDataContext;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.SourceHourAccount;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SourceInput;
import io.plumeline.core.units.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Builds the lineage record of a source-hour from what its account was computed from. */
public final class SourceHourLineage {

    private SourceHourLineage() {
    }

    /**
     * {@code measured}: per input, the samples as read (the hour's and the last one before it); {@code used}: the
     * same with substituted samples in the gaps when {@code substitutionTier} (§75.33) is not null, else
     * {@code measured}; {@code context}: what the program's missing-data rule knew from beyond the hour.
     */
    public static LineageRecord of(JobIdentity job, SiteModel model, EmissionSource source, Instant hourStart,
                                   Map<String, List<Sample>> measured, Map<String, List<Sample>> used, Duration maxHold,
                                   SourceHourAccount account, String substitutionTier, MissingDataContext context) {
        Instant end = hourStart.plus(Duration.ofHours(1));
        Map<String, Quantity> taken = account.inputs().calculation().inputs();
        List<InputTrace> inputs = new ArrayList<>();
        for (Map.Entry<String, SourceInput> input : new TreeMap<>(source.inputs()).entrySet()) {
            String name = input.getKey();
            Quantity q = taken.get(name);
            if (!input.getValue().isTag()) {
                inputs.add(new InputTrace(name, null, input.getValue().uom(), 0, 0, 0, null, null, q.value(),
                        q.unit().symbol(), List.of()));
                continue;
            }
            String tag = input.getValue().tag();
            List<Sample> inHour = within(measured.getOrDefault(name, List.of()), hourStart, end);
            List<Sample> substitutes = substitutionTier == null ? List.of()
                    : added(used.getOrDefault(name, List.of()), measured.getOrDefault(name, List.of()));
            int good = (int) inHour.stream().filter(Sample::isGood).count();
            inputs.add(new InputTrace(name, tag, model.tag(tag).orElseThrow().uom(), good, inHour.size() - good,
                    substitutes.size(), inHour.stream().map(Sample::ts).min(Instant::compareTo).orElse(null),
                    inHour.stream().map(Sample::ts).max(Instant::compareTo).orElse(null), q.value(), q.unit().symbol(),
                    substitutes));
        }
        List<LineageRecord.GasRow> rows = account.emissions().stream()
                .map(e -> new LineageRecord.GasRow(e.gas(), e.lineageId(), e.massKg(), e.co2eKg())).toList();
        HourlyEmission first = account.emissions().get(0);
        return new LineageRecord(model.site().id(), source.unit(), source.id(), hourStart, source.method(),
                account.result().method().citation(), factorTables(account.result().steps()),
                account.inputs().calculation().gwp().source(), job.siteModelSha256(), job.jobVersion(), maxHold,
                source.substitution(), substitutionTier, first.availabilityPct(), first.substitutedMin(), inputs,
                account.result().steps(), rows, account.fills(), context.byInput(), null, account.operating() ? null : true);
    }

    /** The tables the factors of the working came from, each once, in the order of the working. */
    static List<FactorSource> factorTables(List<CalculationStep> steps) {
        Map<String, FactorSource> tables = new LinkedHashMap<>();
        for (CalculationStep step : steps) {
            if (step.source() != null) tables.putIfAbsent(step.source().tableId() + ' ' + step.source().version(), step.source());
        }
        return tables.values().stream().map(s -> new FactorSource(s.tableId(), s.version(), s.provenance(), null)).toList();
    }

    private static List<Sample> within(List<Sample> samples, Instant from, Instant to) {
        return samples.stream().filter(s -> !s.ts().isBefore(from) && s.ts().isBefore(to)).toList();
    }

    /** The samples of {@code used} that are not among {@code measured}: the substituted ones. */
    private static List<Sample> added(List<Sample> used, List<Sample> measured) {
        List<Sample> remaining = new ArrayList<>(measured);
        List<Sample> added = new ArrayList<>();
        for (Sample s : used) {
            int i = remaining.indexOf(s);
            if (i >= 0) remaining.remove(i);
            else added.add(new Sample(s.ts(), Objects.requireNonNull(s.value(), "a substituted sample has a value")));
        }
        return added;
    }
}
