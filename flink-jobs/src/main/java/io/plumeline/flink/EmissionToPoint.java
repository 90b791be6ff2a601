package io.plumeline.flink;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * An hourly result as a point of measurement {@code emissions} at its hour start (contract 3), kept forever.
 * Every field is written every time, so that a recomputed hour overwrites all of the earlier point:
 * {@code substituted} and {@code substitution_tier} (the §75.33 tier or the program's rules that filled the gaps,
 * {@code none}) label substituted hours,
 * {@code late_count} says how many readings came after the hour's first result, {@code revision} whether the stream
 * computed the hour ({@code stream}) or it was computed again from the stored telemetry ({@code archive}).
 */
public class EmissionToPoint implements MapFunction<HourResult, InfluxPoint> {

    static final String NO_TIER = "none";

    @Override
    public InfluxPoint map(HourResult result) {
        HourlyEmission e = result.emission();
        return InfluxPoint.forever(LinePoint.measurement("emissions")
                .tag("site", e.site())
                .tag("unit", e.unit())
                .tag("source", e.source())
                .tag("gas", e.gas())
                .tag("method", e.method())
                .field("mass_kg", e.massKg())
                .field("co2e_kg", e.co2eKg())
                .field("availability_pct", e.availabilityPct())
                .field("substituted_min", e.substitutedMin())
                .field("substituted", result.substituted())
                .field("substitution_tier", result.substituted() ? result.substitution() : NO_TIER)
                .field("late_count", (double) result.lateCount())
                .field("revision", result.fromArchive() ? "archive" : "stream")
                .field("lineage_id", e.lineageId())
                .timestamp(e.hourStart())
                .toLine());
    }
}
