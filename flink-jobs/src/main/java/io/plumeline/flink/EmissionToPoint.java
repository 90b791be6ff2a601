package io.plumeline.flink;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.flink.influx.LinePoint;
import org.apache.flink.api.common.functions.MapFunction;

/** An hourly result as a point of measurement {@code emissions} at its hour start (contract 3). */
public class EmissionToPoint implements MapFunction<HourlyEmission, String> {

    @Override
    public String map(HourlyEmission e) {
        return LinePoint.measurement("emissions")
                .tag("site", e.site())
                .tag("unit", e.unit())
                .tag("source", e.source())
                .tag("gas", e.gas())
                .tag("method", e.method())
                .field("mass_kg", e.massKg())
                .field("co2e_kg", e.co2eKg())
                .field("availability_pct", e.availabilityPct())
                .field("substituted_min", e.substitutedMin())
                .field("lineage_id", e.lineageId())
                .timestamp(e.hourStart())
                .toLine();
    }
}
