package io.plumeline.core.emissions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The emissions of one gas from one source in one hour (contract 3, measurement {@code emissions}), or the
 * hour's {@link #CO2E} total.
 */
public record HourlyEmission(String site, String unit, String source, String gas, String method, Instant hourStart,
                             double massKg, double co2eKg, double availabilityPct, double substitutedMin,
                             String lineageId) {

    /**
     * The gas of the row that totals the hour: mass = CO2e = Σ CO2e of the greenhouse gases of the hour. Not a
     * {@link Gas}, since no method gives it and it has no GWP; a sum over gases must take either this row or
     * the greenhouse gases' rows, never both.
     */
    public static final String CO2E = "CO2e";

    /** Every value the {@code gas} tag of {@code emissions} holds: each {@link Gas}'s symbol, then {@link #CO2E}. */
    public static final List<String> GASES = Stream.concat(Arrays.stream(Gas.values()).map(Gas::symbol), Stream.of(CO2E))
            .toList();

    /** Same source, gas and hour give the same id, so a recomputed hour keeps its lineage id. */
    public static String lineageId(String site, String source, String gas, Instant hourStart) {
        String key = site + '|' + source + '|' + gas + '|' + hourStart;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
