package io.plumeline.flink;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * A reading as a point of measurement {@code telemetry} (contract 3) in the raw policy; the unit tag comes
 * from the site model.
 */
public class ReadingToPoint extends RichMapFunction<Reading, InfluxPoint> {

    private final SiteModelText siteModel;
    private transient SiteModel model;

    public ReadingToPoint(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        model = siteModel.parse();
    }

    @Override
    public InfluxPoint map(Reading reading) {
        return InfluxPoint.raw(toLine(reading, model.tag(reading.tag()).map(t -> t.unit()).orElse(null)));
    }

    public static String toLine(Reading reading, String unit) {
        return LinePoint.measurement("telemetry")
                .tag("site", reading.site())
                .tag("unit", unit)
                .tag("tag", reading.tag())
                .field("value", reading.value())
                .field("status", (double) reading.status())
                .field("quality", reading.quality().name())
                .timestamp(reading.ts())
                .toLine();
    }
}
