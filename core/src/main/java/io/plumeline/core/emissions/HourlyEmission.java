package io.plumeline.core.emissions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The emissions of one gas from one source in one hour (contract 3, measurement {@code emissions}). */
public record HourlyEmission(String site, String unit, String source, String gas, String method, Instant hourStart,
                             double massKg, double co2eKg, double availabilityPct, double substitutedMin,
                             String lineageId) {

    /** Same source, gas and hour give the same id, so a recomputed hour keeps its lineage id. */
    public static String lineageId(String site, String source, String gas, Instant hourStart) {
        String key = site + '|' + source + '|' + gas + '|' + hourStart;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
