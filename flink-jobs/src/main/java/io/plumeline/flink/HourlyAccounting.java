package io.plumeline.flink;

import io.plumeline.core.emissions.Calculator;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.SourceHourAccount;
import io.plumeline.core.emissions.SubstitutionPolicy.Tier;
import io.plumeline.core.lineage.JobIdentity;
import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.SourceHourLineage;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SourceInput;
import io.plumeline.core.site.Tag;
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
import org.apache.flink.util.OutputTag;

/**
 * Hourly emissions of one source (the key), one result per gas and the CO2e total from core's
 * {@link SourceHourAccount}; a substituted hour labels every one of them, the total included. The first result
 * of a source-hour carries its lineage record (core's {@link SourceHourLineage}: the readings it counted, the
 * quantities and factors it used, the site model's hash and the job's version) and the lineage ids of all rows of
 * the hour, by which the record is found ({@link LineageToPoint}).
 *
 * <p>An hour is computed when the watermark passes its end, and kept until the allowed lateness has passed
 * too: a reading that comes in that time computes the hour again at the next watermark (same series and
 * timestamp in InfluxDB, same lineage id, so the new result overwrites the old) and counts in its
 * {@code lateCount}. A reading after the allowed lateness is in no result: it goes to {@link #LATE} and is
 * counted ({@code lateReadings}). The last sample of each input before an hour carries into it (a sample
 * holds its value until the next one, up to the max hold).
 *
 * <p>A {@code PART75} source's gaps are filled per §75.33 ({@link Part75Substitution}) from a look-back of
 * each input's hourly values kept in state ({@link HourlyValues}, bounded to 720 or 2,160 hours); the
 * availability stays that of the measured data, the substituted minutes are the rest of the hour.
 */
public class HourlyAccounting extends KeyedProcessFunction<String, SourceSample, HourResult> {

    public static final OutputTag<LateReading> LATE = new OutputTag<>("late-readings", TypeInformation.of(LateReading.class));

    static final long HOUR_MS = Duration.ofHours(1).toMillis();
    static final String PART75 = "PART75";
    private static final int LOOK_BACK_HOURS = 720;
    private static final int FLOW_LOOK_BACK_HOURS = 2_160;

    private final SiteModelText siteModel;
    private final Duration maxHold;
    private final long allowedLatenessMs;

    private transient SiteModel model;
    private transient JobIdentity job;
    private transient MapState<Long, SourceHour> hours;
    private transient MapState<String, SourceSample> carryIn;
    private transient MapState<String, HourlyValues> lookBack;
    private transient Counter lateReadings;

    public HourlyAccounting(SiteModelText siteModel, Duration maxHold, Duration allowedLateness) {
        this.siteModel = siteModel;
        this.maxHold = maxHold;
        this.allowedLatenessMs = allowedLateness.toMillis();
    }

    /**
     * Fails at start, not at the first hour, when a source cannot be computed, or when a PART75 source has
     * an input tag without the maximum potential value the lowest tier of §75.33 needs (its {@code valid.max}).
     */
    public static void checkSources(SiteModel model) {
        HourlyEmissions.check(model, Calculator.withDefaults());
        for (EmissionSource source : model.sources()) {
            if (!HourlyEmissions.accounts(source) || !PART75.equals(source.substitution())) continue;
            for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
                if (input.getValue().isTag() && maximumPotential(model, input.getValue().tag()) == null) {
                    throw new IllegalArgumentException("source '" + source.id() + "' (substitution PART75): input "
                            + input.getKey() + " tag '" + input.getValue().tag()
                            + "' needs valid.max, the maximum potential value of §75.33");
                }
            }
        }
    }

    private static Double maximumPotential(SiteModel model, String tag) {
        Tag.ValidRange valid = model.tag(tag).map(Tag::valid).orElse(null);
        return valid == null ? null : valid.max();
    }

    @Override
    public void open(OpenContext context) {
        model = siteModel.parse();
        job = JobIdentity.of(siteModel.yaml(), JobVersion.current());
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("hours",
                Types.LONG, TypeInformation.of(SourceHour.class)));
        carryIn = getRuntimeContext().getMapState(new MapStateDescriptor<>("carryIn",
                Types.STRING, TypeInformation.of(SourceSample.class)));
        lookBack = getRuntimeContext().getMapState(new MapStateDescriptor<>("lookBack",
                Types.STRING, TypeInformation.of(HourlyValues.class)));
        lateReadings = getRuntimeContext().getMetricGroup().counter("lateReadings");
    }

    @Override
    public void processElement(SourceSample sample, Context context, Collector<HourResult> out) throws Exception {
        long hourStart = Math.floorDiv(sample.ts().toEpochMilli(), HOUR_MS) * HOUR_MS;
        long watermark = context.timerService().currentWatermark();
        if (watermark >= closeTime(hourStart)) {
            lateReadings.inc();
            context.output(LATE, new LateReading(model.site().id(), sample.tag(), sample.ts(), sample.value(),
                    sample.quality(), (watermark - sample.ts().toEpochMilli()) / 1000.0));
            return;
        }
        SourceHour hour = hours.get(hourStart);
        if (hour == null) hour = new SourceHour();
        hour.samples.add(sample);
        hour.dirty = true;
        if (watermark >= computeTime(hourStart)) hour.lateCount++;
        hours.put(hourStart, hour);
        // a late sample may be the one that carries into the next hour
        SourceHour next = hours.get(hourStart + HOUR_MS);
        if (next != null && next.computed) {
            next.dirty = true;
            hours.put(hourStart + HOUR_MS, next);
            context.timerService().registerEventTimeTimer(computeTime(hourStart + HOUR_MS));
        }
        // a timer at or before the watermark fires with the next watermark: late samples of a burst compute once
        context.timerService().registerEventTimeTimer(computeTime(hourStart));
        context.timerService().registerEventTimeTimer(closeTime(hourStart));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<HourResult> out) throws Exception {
        long computeHour = timestamp + 1 - HOUR_MS;
        SourceHour hour = hours.get(computeHour);
        if (hour != null && hour.dirty) {
            compute(context.getCurrentKey(), computeHour, hour, out);
            hour.dirty = false;
            hour.computed = true;
            hours.put(computeHour, hour);
        }
        long closeHour = computeHour - allowedLatenessMs;
        SourceHour closing = hours.get(closeHour);
        if (closing != null) {
            for (SourceSample s : closing.samples) {
                SourceSample last = carryIn.get(s.input());
                if (last == null || !s.ts().isBefore(last.ts())) carryIn.put(s.input(), s);
            }
            hours.remove(closeHour);
        }
    }

    private void compute(String sourceId, long hourStart, SourceHour hour, Collector<HourResult> out) throws Exception {
        EmissionSource source = model.source(sourceId).orElseThrow(() ->
                new IllegalStateException("source '" + sourceId + "' is not in " + siteModel.origin()));
        Instant from = Instant.ofEpochMilli(hourStart);
        Map<String, List<Sample>> byInput = samplesOf(hourStart, hour);
        Map<String, List<Sample>> filled = new HashMap<>(byInput);
        Tier worst = null;
        if (PART75.equals(source.substitution())) {
            Instant to = from.plusMillis(HOUR_MS);
            for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
                if (!input.getValue().isTag()) continue;
                String name = input.getKey();
                List<Sample> samples = byInput.getOrDefault(name, List.of());
                HourlyValues values = lookBack.get(name);
                if (values == null) values = new HourlyValues(capacity(source, name));
                Part75Substitution.Filled f = Part75Substitution.fill(from, to, samples, maxHold, values,
                        maximumPotential(model, input.getValue().tag()));
                filled.put(name, f.samples());
                if (f.tier() != null && (worst == null || f.tier().ordinal() > worst.ordinal())) worst = f.tier();
                values.record(hourStart, Part75Substitution.hourlyValue(from, to, samples, maxHold));
                lookBack.put(name, values);
            }
        }
        SourceHourAccount account = worst == null
                ? SourceHourAccount.of(model, source, from, byInput, maxHold, HourlyEmissions.DEFAULT_CALCULATOR)
                : SourceHourAccount.substituted(model, source, from, byInput, filled, maxHold,
                        HourlyEmissions.DEFAULT_CALCULATOR);
        String lineage = LineageJson.write(SourceHourLineage.of(job, model, source, from, byInput,
                worst == null ? byInput : filled, maxHold, account, worst == null ? null : worst.name()));
        List<HourlyEmission> emissions = account.emissions();
        List<String> ids = emissions.stream().map(HourlyEmission::lineageId).toList();
        // the record and its ids go with the first row only, whichever gas a method gives first (pollutant methods
        // give no CO2e)
        for (int i = 0; i < emissions.size(); i++) {
            out.collect(new HourResult(emissions.get(i), worst, hour.lateCount, i == 0 ? ids : null, i == 0 ? lineage : null));
        }
    }

    /** Per input: the hour's samples and the last one before the hour (from earlier hours still kept, or carried). */
    private Map<String, List<Sample>> samplesOf(long hourStart, SourceHour hour) throws Exception {
        Map<String, SourceSample> before = new HashMap<>();
        for (SourceSample carried : carryIn.values()) before.put(carried.input(), carried);
        for (Map.Entry<Long, SourceHour> earlier : hours.entries()) {
            if (earlier.getKey() >= hourStart) continue;
            for (SourceSample s : earlier.getValue().samples) {
                SourceSample last = before.get(s.input());
                if (last == null || !s.ts().isBefore(last.ts())) before.put(s.input(), s);
            }
        }
        Map<String, List<Sample>> byInput = new HashMap<>();
        for (SourceSample s : before.values()) byInput.computeIfAbsent(s.input(), i -> new ArrayList<>()).add(s.sample());
        for (SourceSample s : hour.samples) byInput.computeIfAbsent(s.input(), i -> new ArrayList<>()).add(s.sample());
        return byInput;
    }

    /** §75.33: 2,160 hours of look-back for a flow (the input the method integrates), 720 for the others. */
    private int capacity(EmissionSource source, String input) {
        SourceInput spec = source.inputs().get(input);
        boolean flow = spec.isTag() && model.tag(spec.tag()).map(t -> t.unitOfMeasure().integratedOverTime().isPresent())
                .orElse(false);
        return flow ? FLOW_LOOK_BACK_HOURS : LOOK_BACK_HOURS;
    }

    /** The event time at which an hour is first computed: its end (timers fire at watermark ≥ t). */
    private static long computeTime(long hourStart) {
        return hourStart + HOUR_MS - 1;
    }

    /** The event time after which the hour takes no more readings and its state goes. */
    private long closeTime(long hourStart) {
        return hourStart + HOUR_MS + allowedLatenessMs - 1;
    }
}
