package io.plumeline.core.lineage;

import io.plumeline.core.emissions.CalculationStep;
import io.plumeline.core.emissions.FactorSource;
import io.plumeline.core.emissions.InputFill;
import io.plumeline.core.emissions.MissingDataContext.InputHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one source-hour was computed: enough to explain every figure of its {@code emissions} points and to
 * compute them again from the stored readings ({@link LineageRecompute}). Shared by the hour's gas rows;
 * {@code results} names each row's lineage id and numbers. {@code equation} is the method's citation and
 * equation, {@code steps} the working with the factor table of each factor, {@code factorTables} those tables
 * (id, version, provenance), {@code gwp} the GWP set. {@code siteModelSha256} is the SHA-256 of the site model
 * file the job ran with, {@code jobVersion} the job's version, {@code maxHold} how long a sample held its value.
 * Under the program's missing-data rule, {@code fills} are the fills applied to each input and {@code missingData}
 * what the rule knew from beyond the hour (per input: the value before, the value after, the reference period), so
 * that the hour can be computed again to the bit. {@code revision} is null for an hour as the stream computed it, and
 * says why otherwise (readings that came after the hour's state was gone, the hour computed again from the stored
 * telemetry). {@code notOperating} is true for an hour the source's status tag showed it shut down for (zero
 * emissions, nothing filled), absent otherwise.
 */
public record LineageRecord(String site, String unit, String source, Instant hourStart, String method, String equation,
                            List<FactorSource> factorTables, FactorSource gwp, String siteModelSha256,
                            String jobVersion, Duration maxHold, String substitution, String substitutionTier,
                            double availabilityPct, double substitutedMin, List<InputTrace> inputs,
                            List<CalculationStep> steps, List<GasRow> results, List<InputFill> fills,
                            Map<String, InputHistory> missingData, String revision, Boolean notOperating) {

    /** One {@code emissions} point of the hour as the job wrote it. */
    public record GasRow(String gas, String lineageId, double massKg, double co2eKg) {
    }

    public LineageRecord {
        factorTables = List.copyOf(factorTables);
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
        results = List.copyOf(results);
        fills = fills == null ? List.of() : List.copyOf(fills);
        missingData = missingData == null ? Map.of() : Map.copyOf(missingData);
    }

    /** The same record, computed again for {@code why}. */
    public LineageRecord revised(String why) {
        return new LineageRecord(site, unit, source, hourStart, method, equation, factorTables, gwp, siteModelSha256,
                jobVersion, maxHold, substitution, substitutionTier, availabilityPct, substitutedMin, inputs, steps, results,
                fills, missingData, why, notOperating);
    }

    public Optional<GasRow> result(String gas) {
        return results.stream().filter(r -> r.gas().equals(gas)).findFirst();
    }

    public Optional<InputTrace> input(String name) {
        return inputs.stream().filter(i -> i.input().equals(name)).findFirst();
    }
}
