package io.plumeline.flink.live;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.LatestBefore;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SourceInput;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.SourceSample;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The live emission rate of a source per minute of event time (measurement {@code emission_rate}, raw
 * policy): each input's latest reading — of the minute, or carried from an earlier minute while it is
 * younger than the max hold — held for an hour through core's {@link HourlyEmissions#compute}, which makes
 * the mass per gas (and the CO2e total) a rate in kg/h. A minute whose latest reading of an input is not GOOD, or that has no
 * reading of an input yet, gives no rate: the engineer sees the gap. Readings behind the watermark are left
 * out; the hourly accounting, not this view, is the record.
 */
public final class LiveRate {

    private LiveRate() {
    }

    /** Keeps the latest sample of each input of the minute. */
    public static class LatestPerInput implements AggregateFunction<SourceSample, HashMap<String, Sample>, HashMap<String, Sample>> {

        @Override
        public HashMap<String, Sample> createAccumulator() {
            return new HashMap<>();
        }

        @Override
        public HashMap<String, Sample> add(SourceSample s, HashMap<String, Sample> latest) {
            Sample held = latest.get(s.input());
            if (held == null || !s.ts().isBefore(held.ts())) latest.put(s.input(), s.sample());
            return latest;
        }

        @Override
        public HashMap<String, Sample> getResult(HashMap<String, Sample> latest) {
            return latest;
        }

        @Override
        public HashMap<String, Sample> merge(HashMap<String, Sample> a, HashMap<String, Sample> b) {
            b.forEach((input, s) -> LatestBefore.keep(a, input, s, Sample::ts));
            return a;
        }
    }

    /** The rate of every gas of the source from the minute's latest values. */
    public static class PerMinute extends ProcessWindowFunction<HashMap<String, Sample>, InfluxPoint, String, TimeWindow> {

        private static final Duration HOUR = Duration.ofHours(1);

        private final SiteModelText siteModel;
        private final Duration maxHold;
        private transient SiteModel model;
        private transient MapStateDescriptor<String, Sample> latestDescriptor;

        public PerMinute(SiteModelText siteModel, Duration maxHold) {
            this.siteModel = siteModel;
            this.maxHold = maxHold;
        }

        @Override
        public void open(OpenContext context) {
            model = siteModel.model();
            latestDescriptor = new MapStateDescriptor<>("latest", Types.STRING, TypeInformation.of(Sample.class));
        }

        @Override
        public void process(String sourceId, Context context, Iterable<HashMap<String, Sample>> minute,
                            Collector<InfluxPoint> out) throws Exception {
            MapState<String, Sample> latest = context.globalState().getMapState(latestDescriptor);
            for (HashMap<String, Sample> samples : minute) latest.putAll(samples);
            EmissionSource source = model.source(sourceId).orElseThrow();
            Instant start = Instant.ofEpochMilli(context.window().getStart());
            Instant end = Instant.ofEpochMilli(context.window().getEnd());
            Map<String, List<Sample>> held = new HashMap<>();
            for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
                if (!input.getValue().isTag()) continue;
                Sample s = latest.get(input.getKey());
                if (s == null || !s.isGood() || !s.ts().plus(maxHold).isAfter(end.minusMillis(1))) return;
                held.put(input.getKey(), List.of(new Sample(start, s.value())));
            }
            for (HourlyEmission e : HourlyEmissions.compute(model, source, start, held, HOUR)) {
                out.collect(LinePoint.of(Measurement.EMISSION_RATE)
                        .tag(Keys.SITE, e.site())
                        .tag(Keys.UNIT, e.unit())
                        .tag(Keys.SOURCE, e.source())
                        .tag(Keys.GAS, e.gas())
                        .field(Keys.KG_PER_H, e.massKg())
                        .timestamp(start)
                        .toPoint());
            }
        }
    }
}
