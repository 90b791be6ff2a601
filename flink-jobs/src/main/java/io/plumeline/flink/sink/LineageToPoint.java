package io.plumeline.flink.sink;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.flink.accounting.SourceHourResult;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The lineage of a source-hour as one point of measurement {@code lineage} (docs/lineage.md): tags site and source,
 * time the hour start, field {@code lineage_ids} (the ids of all the hour's rows, space-separated, so that the
 * service finds the record by the id of any of them among the few points of the hour the id names) and field
 * {@code record}, the JSON. The job maps only the hour's first result, the one that carries the record, so the
 * record's few kB are sent once per source-hour. A recomputed hour overwrites its point in place, a replay writes
 * the same point; kept forever like the emissions it explains.
 */
public class LineageToPoint implements MapFunction<SourceHourResult, InfluxPoint> {

    @Override
    public InfluxPoint map(SourceHourResult result) {
        HourlyEmission e = result.emission();
        return LinePoint.of(Measurement.LINEAGE)
                .tag(Keys.SITE, e.site())
                .tag(Keys.SOURCE, e.source())
                .field(Keys.LINEAGE_IDS, String.join(" ", result.hourLineageIds()))
                .field(Keys.RECORD, result.lineage())
                .timestamp(e.hourStart())
                .toPoint();
    }
}
