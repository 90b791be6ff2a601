package io.plumeline.core.lineage;

import io.plumeline.core.emissions.CalculationStep;
import io.plumeline.core.emissions.FactorSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one source-hour was computed: enough to explain every figure of its {@code emissions} points and to
 * compute them again from the stored readings ({@link LineageRecompute}). Shared by the hour's gas rows;
 * {@code results} names each row's lineage id and numbers. {@code equation} is the method's citation and
 * equation, {@code steps} the working with the factor table of each factor, {@code factorTables} those tables
 * (id, version, provenance), {@code gwp} the GWP set. {@code siteModelSha256} is the SHA-256 of the site model
 * file the job ran with, {@code jobVersion} the job's version, {@code maxHold} how long a sample held its value.
 */
public record LineageRecord(String site, String unit, String source, Instant hourStart, String method, String equation,
                            List<FactorSource> factorTables, FactorSource gwp, String siteModelSha256,
                            String jobVersion, Duration maxHold, String substitution, String substitutionTier,
                            double availabilityPct, double substitutedMin, List<InputTrace> inputs,
                            List<CalculationStep> steps, List<GasRow> results) {

    /** One {@code emissions} point of the hour as the job wrote it. */
    public record GasRow(String gas, String lineageId, double massKg, double co2eKg) {
    }

    public LineageRecord {
        factorTables = List.copyOf(factorTables);
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
        results = List.copyOf(results);
    }

    public Optional<GasRow> result(String gas) {
        return results.stream().filter(r -> r.gas().equals(gas)).findFirst();
    }

    public Optional<InputTrace> input(String name) {
        return inputs.stream().filter(i -> i.input().equals(name)).findFirst();
    }
}
