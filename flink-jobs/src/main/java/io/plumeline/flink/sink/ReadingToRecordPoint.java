package io.plumeline.flink.sink;

import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.RecordRetention;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.influx.InfluxPoint;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * A reading of a tag that a reportable source reads, once more as a {@code telemetry} point in retention policy
 * {@code record}, kept for the program's record-keeping period ({@link RecordRetention}); other readings give none.
 */
public class ReadingToRecordPoint extends RichFlatMapFunction<Reading, InfluxPoint> {

    private static final String RECORD = Measurement.Retention.RECORD.policy();

    private final SiteModelText siteModel;
    private transient SiteModel model;
    private transient Set<String> recordTags;

    public ReadingToRecordPoint(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        model = siteModel.model();
        recordTags = RecordRetention.recordTags(model);
    }

    @Override
    public void flatMap(Reading reading, Collector<InfluxPoint> out) {
        if (!recordTags.contains(reading.tag())) return;
        out.collect(new InfluxPoint(RECORD, ReadingToPoint.toLine(reading, model.tag(reading.tag()).orElseThrow().unit())));
    }
}
