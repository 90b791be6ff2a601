package io.plumeline.flink.telemetry;

import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.SourceSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Sends a reading to every source accounted hourly that has its tag as an input, once per input (a tag may
 * feed several sources, or the same source twice), and as its backup tag (site model
 * {@code missingData.<input>.backup}) under {@link HourlyEmissions#backupKey}. Readings of other tags are dropped here.
 */
public class FanOutToSources extends RichFlatMapFunction<Reading, SourceSample> {

    private final SiteModelText siteModel;
    private transient Map<String, List<SourceInputRef>> inputsByTag;

    private record SourceInputRef(String source, String input) {
    }

    public FanOutToSources(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        inputsByTag = inputsByTag(siteModel.model());
    }

    @Override
    public void flatMap(Reading reading, Collector<SourceSample> out) {
        Double value = reading.isGood() ? reading.value() : null;
        for (SourceInputRef ref : inputsByTag.getOrDefault(reading.tag(), List.of())) {
            out.collect(new SourceSample(ref.source(), ref.input(), reading.tag(), reading.ts(), value,
                    reading.quality().name()));
        }
    }

    private static Map<String, List<SourceInputRef>> inputsByTag(SiteModel model) {
        Map<String, List<SourceInputRef>> byTag = new HashMap<>();
        for (EmissionSource source : model.sources()) {
            if (!HourlyEmissions.accounts(source)) continue;
            HourlyEmissions.keysByTag(source).forEach((tag, keys) -> keys.forEach(key ->
                    byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(new SourceInputRef(source.id(), key))));
        }
        return byTag;
    }
}
