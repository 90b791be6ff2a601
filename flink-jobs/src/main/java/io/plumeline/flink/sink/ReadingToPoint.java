package io.plumeline.flink.sink;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * A reading as a point of measurement {@code telemetry} (docs/contracts.md §3) in the raw policy; the unit tag comes
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
        tags = siteModel.model().tagsById();
    }

    @Override
    public InfluxPoint map(Reading reading) {
        Tag tag = tags.get(reading.tag());
        return InfluxPoint.raw(toLine(reading, tag == null ? null : tag.unit()));
    }

    public static String toLine(Reading reading, String unit) {
        return LinePoint.of(Measurement.TELEMETRY)
                .tag(Keys.SITE, reading.site())
                .tag(Keys.UNIT, unit)
                .tag(Keys.TAG, reading.tag())
                .field(Keys.VALUE, reading.value())
                .field(Keys.STATUS, (double) reading.status())
                .field(Keys.QUALITY, reading.quality().name())
                .timestamp(reading.ts())
                .toLine();
    }
}
