package io.plumeline.flink.telemetry;

import io.plumeline.core.site.MaterialStream;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.StreamSample;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/** Keeps the readings of the tags that measure a stream's mass flow (site model {@code streams[].massFlow}). */
public class ToStreamSamples extends RichFlatMapFunction<Reading, StreamSample> {

    private final SiteModelText siteModel;
    private transient Set<String> massFlowTags;

    public ToStreamSamples(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        massFlowTags = siteModel.model().streams().stream().map(MaterialStream::massFlow).collect(Collectors.toSet());
    }

    @Override
    public void flatMap(Reading reading, Collector<StreamSample> out) {
        if (massFlowTags.contains(reading.tag())) {
            out.collect(new StreamSample(reading.site(), reading.tag(), reading.ts(), reading.isGood() ? reading.value() : null));
        }
    }
}
