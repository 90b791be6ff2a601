package io.plumeline.flink;

import io.plumeline.core.emissions.FactorTable;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Hourly emissions of one source (the key): collects the samples of its inputs per hour and, once the
 * watermark has passed the end of the hour plus the allowed lateness, hands them to core's
 * {@link HourlyEmissions#compute}. The last sample of each input before the hour is carried in, because a
 * sample holds its value until the next one (up to the max hold). Samples for an hour already computed are
 * dropped and counted as {@code lateSamples}.
 */
public class HourlyAccounting extends KeyedProcessFunction<String, SourceSample, HourlyEmission> {

    static final long HOUR_MS = Duration.ofHours(1).toMillis();

    private final SiteModelText siteModel;
    private final Duration maxHold;
    private final long allowedLatenessMs;

    private transient SiteModel model;
    private transient FactorTable factors;
    private transient MapState<Long, List<SourceSample>> samplesByHour;
    private transient MapState<String, SourceSample> carryIn;
    private transient Counter lateSamples;

    public HourlyAccounting(SiteModelText siteModel, Duration maxHold, Duration allowedLateness) {
        this.siteModel = siteModel;
        this.maxHold = maxHold;
        this.allowedLatenessMs = allowedLateness.toMillis();
    }

    /** Fails at start, not at the first hour, when a source cannot be computed with the factor table. */
    public static FactorTable checkSources(SiteModel model) {
        FactorTable factors = FactorTable.load(FactorTable.EPA_PART98_C1_C2);
        for (EmissionSource source : model.sources()) {
            if (HourlyEmissions.supports(source)) factors.factorKgPerMmBtu(source.fuel(), "CO2");
        }
        return factors;
    }

    @Override
    public void open(OpenContext context) {
        model = siteModel.parse();
        factors = checkSources(model);
        samplesByHour = getRuntimeContext().getMapState(new MapStateDescriptor<>("samplesByHour",
                Types.LONG, Types.LIST(TypeInformation.of(SourceSample.class))));
        carryIn = getRuntimeContext().getMapState(new MapStateDescriptor<>("carryIn",
                Types.STRING, TypeInformation.of(SourceSample.class)));
        lateSamples = getRuntimeContext().getMetricGroup().counter("lateSamples");
    }

    @Override
    public void processElement(SourceSample sample, Context context, Collector<HourlyEmission> out) throws Exception {
        long hourStart = Math.floorDiv(sample.ts().toEpochMilli(), HOUR_MS) * HOUR_MS;
        long computeAt = computeTime(hourStart);
        if (computeAt <= context.timerService().currentWatermark()) {
            lateSamples.inc();
            return;
        }
        List<SourceSample> samples = samplesByHour.get(hourStart);
        if (samples == null) samples = new ArrayList<>();
        samples.add(sample);
        samplesByHour.put(hourStart, samples);
        context.timerService().registerEventTimeTimer(computeAt);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<HourlyEmission> out) throws Exception {
        long hourStart = timestamp + 1 - allowedLatenessMs - HOUR_MS;
        List<SourceSample> samples = samplesByHour.get(hourStart);
        if (samples == null) samples = List.of();

        Map<String, List<Sample>> byInput = new HashMap<>();
        for (SourceSample carried : carryIn.values()) {
            byInput.computeIfAbsent(carried.input(), i -> new ArrayList<>()).add(carried.sample());
        }
        for (SourceSample s : samples) {
            byInput.computeIfAbsent(s.input(), i -> new ArrayList<>()).add(s.sample());
        }
        EmissionSource source = model.source(context.getCurrentKey()).orElseThrow(() ->
                new IllegalStateException("source '" + context.getCurrentKey() + "' is not in " + siteModel.origin()));
        for (HourlyEmission emission : HourlyEmissions.compute(model, source, Instant.ofEpochMilli(hourStart),
                byInput, maxHold, factors)) {
            out.collect(emission);
        }

        for (SourceSample s : samples) {
            SourceSample last = carryIn.get(s.input());
            if (last == null || !s.ts().isBefore(last.ts())) carryIn.put(s.input(), s);
        }
        samplesByHour.remove(hourStart);
    }

    /** The event time at which an hour is computed: its end plus the allowed lateness (timers fire at ≥ t). */
    private long computeTime(long hourStart) {
        return hourStart + HOUR_MS + allowedLatenessMs - 1;
    }
}
