package io.plumeline.core.chain;

import io.plumeline.core.emissions.HourlyEmission;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one hour of the production chain is computed from: the mass of every stream of the site model in the
 * hour (t, the caller integrates each stream's {@code massFlow} tag) and the CO2e each unit's own sources
 * emitted in it (kg).
 */
public record ChainHour(Instant hourStart, Map<String, Double> streamMassT, Map<String, Double> unitCo2eKg) {

    public ChainHour {
        if (hourStart == null) throw new ChainException("a chain hour needs its hour start");
        // Copied without Map.copyOf so that a null value reaches the checks, which name it.
        streamMassT = streamMassT == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(streamMassT));
        unitCo2eKg = unitCo2eKg == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unitCo2eKg));
    }

    /**
     * The hour with each unit's CO2e summed from the hourly accounting's {@link HourlyEmission#CO2E} rows (the
     * rows of single gases are left out, so that nothing counts twice).
     */
    public static ChainHour of(Instant hourStart, Map<String, Double> streamMassT, Collection<HourlyEmission> emissions) {
        Map<String, Double> byUnit = new LinkedHashMap<>();
        for (HourlyEmission e : emissions) {
            if (!HourlyEmission.CO2E.equals(e.gas())) continue;
            if (!hourStart.equals(e.hourStart())) {
                throw new ChainException("hour " + hourStart + ": the CO2e row of source '" + e.source()
                        + "' is for hour " + e.hourStart());
            }
            byUnit.merge(e.unit(), e.co2eKg(), Double::sum);
        }
        return new ChainHour(hourStart, streamMassT, byUnit);
    }
}
