package io.plumeline.flink;

import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * A reading as a point of measurement {@code telemetry} (contract 3) in the raw policy; the unit tag comes
 * from the site model.
 */
public class ReadingToPoint extends RichMapFunction<Reading, InfluxPoint> {

    private final SiteModelText siteModel;
    private transient Map<String, Tag> tags;

    public ReadingToPoint(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        tags = siteModel.parse().tagsById();
    }

    @Override
    public InfluxPoint map(Reading reading) {
        Tag tag = tags.get(reading.tag());
        return InfluxPoint.raw(toLine(reading, tag == null ? null : tag.unit()));
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
