package io.plumeline.flink;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The lineage record of an {@code emissions} point as a point of measurement {@code lineage} (docs/lineage.md):
 * the same site, source, gas and hour start, so a recomputed hour overwrites its record with its numbers; kept
 * forever like the emissions it explains. {@code lineage_id} is a field, so that the service finds a record by
 * its id among the few points of the hour the id names.
 */
public class LineageToPoint implements MapFunction<HourResult, InfluxPoint> {

    @Override
    public InfluxPoint map(HourResult result) {
        HourlyEmission e = result.emission();
        return InfluxPoint.forever(LinePoint.measurement("lineage")
                .tag("site", e.site())
                .tag("source", e.source())
                .tag("gas", e.gas())
                .field("lineage_id", e.lineageId())
                .field("record", result.lineage())
                .timestamp(e.hourStart())
                .toLine());
    }
}
