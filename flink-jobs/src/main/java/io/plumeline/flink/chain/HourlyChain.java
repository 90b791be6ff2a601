package io.plumeline.flink.chain;

import io.plumeline.core.chain.ChainAllocation;
import io.plumeline.core.chain.ChainException;
import io.plumeline.core.chain.ChainHour;
import io.plumeline.core.chain.MaterialBalance;
import io.plumeline.core.chain.ProductionChain;
import io.plumeline.core.chain.StreamMassIntegral;
import io.plumeline.core.emissions.HourSchedule;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.LatestBefore;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.site.SiteModel;
import io.plumeline.flink.ChainHourState;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.StreamSample;
import io.plumeline.flink.accounting.SourceHourAccounting;
import io.plumeline.flink.accounting.SourceHourResult;
import io.plumeline.flink.influx.InfluxPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production chain of one site (the key) per hour: the CO2e total of each source-hour (from
 * {@link SourceHourAccounting}) and the readings of the streams' mass-flow tags go in; core's
 * {@link StreamMassIntegral}, {@link ProductionChain} and {@link MaterialBalance} compute the hour; the points of
 * {@link ChainPoints} come out.
 *
 * <p>Time works as in {@link SourceHourAccounting}: the hour is computed when the watermark passes its end (the
 * sources' totals of the hour are emitted upstream at that same watermark, so they are here before it), and
 * computed again at the next watermark when a stream reading or a recomputed source total comes in within the
 * allowed lateness. A stream reading after it is dropped and counted ({@code lateChainInputs}); an hour that
 * core refuses (a recycle that nearly closes on itself) is logged, counted ({@code refusedChainHours}) and writes
 * nothing, so the job goes on.
 */
public class HourlyChain extends KeyedCoProcessFunction<String, SourceHourResult, StreamSample, InfluxPoint> {

    private static final Logger LOG = LoggerFactory.getLogger(HourlyChain.class);
    static final long HOUR_MS = HourSchedule.HOUR_MS;

    private final SiteModelText siteModel;
    private final Duration maxHold;
    private final HourSchedule schedule;
    private final double imbalanceThreshold;

    private transient SiteModel model;
    private transient ProductionChain chain;
    private transient MaterialBalance balance;
    private transient MapState<Long, ChainHourState> hours;
    private transient MapState<String, StreamSample> carryIn;
    private transient Counter lateChainInputs;
    private transient Counter refusedChainHours;

    public HourlyChain(SiteModelText siteModel, Duration maxHold, Duration allowedLateness, double imbalanceThreshold) {
        this.siteModel = siteModel;
        this.maxHold = maxHold;
        this.schedule = new HourSchedule(allowedLateness.toMillis());
        this.imbalanceThreshold = imbalanceThreshold;
    }

    @Override
    public void open(OpenContext context) {
        model = siteModel.model();
        chain = new ProductionChain(model);
        balance = new MaterialBalance(model, imbalanceThreshold);
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("chainHours",
                Types.LONG, TypeInformation.of(ChainHourState.class)));
        carryIn = getRuntimeContext().getMapState(new MapStateDescriptor<>("streamCarryIn",
                Types.STRING, TypeInformation.of(StreamSample.class)));
        lateChainInputs = getRuntimeContext().getMetricGroup().counter("lateChainInputs");
        refusedChainHours = getRuntimeContext().getMetricGroup().counter("refusedChainHours");
    }

    /** A source-hour's CO2e total (the single gases are filtered out before): it replaces an earlier one. */
    @Override
    public void processElement1(SourceHourResult result, Context context, Collector<InfluxPoint> out) throws Exception {
        HourlyEmission total = result.emission();
        long hourStart = total.hourStart().toEpochMilli();
        // cannot happen while the accounting keeps hours as long as this does: it sends before the watermark
        if (closed(hourStart, context)) return;
        ChainHourState hour = hourState(hourStart);
        hour.sourceCo2eKg.put(total.source(), total.co2eKg());
        hour.sourceUnit.put(total.source(), total.unit());
        changed(hourStart, hour, context);
    }

    @Override
    public void processElement2(StreamSample sample, Context context, Collector<InfluxPoint> out) throws Exception {
        long hourStart = HourSchedule.hourOf(sample.ts().toEpochMilli());
        if (closed(hourStart, context)) return;
        ChainHourState hour = hourState(hourStart);
        hour.samples.add(sample);
        changed(hourStart, hour, context);
        // a late reading may be the one that carries into the next hour
        ChainHourState next = hours.get(hourStart + HOUR_MS);
        if (next != null && next.computed) changed(hourStart + HOUR_MS, next, context);
    }

    /** Whether the hour's allowed lateness has passed (its state is gone); what comes then is counted and dropped. */
    private boolean closed(long hourStart, Context context) {
        if (!schedule.closed(hourStart, context.timerService().currentWatermark())) return false;
        lateChainInputs.inc();
        return true;
    }

    private ChainHourState hourState(long hourStart) throws Exception {
        ChainHourState hour = hours.get(hourStart);
        return hour == null ? new ChainHourState() : hour;
    }

    /** Computes the hour at the next watermark past its end; a timer at or before the watermark fires with the next one. */
    private void changed(long hourStart, ChainHourState hour, Context context) throws Exception {
        hour.dirty = true;
        hours.put(hourStart, hour);
        schedule.schedule(hourStart, context.timerService()::registerEventTimeTimer);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<InfluxPoint> out) throws Exception {
        long computeHour = HourSchedule.hourComputedAt(timestamp);
        ChainHourState hour = hours.get(computeHour);
        if (hour != null && hour.dirty) {
            compute(computeHour, hour, out);
            hour.dirty = false;
            hour.computed = true;
            hours.put(computeHour, hour);
        }
        long closeHour = schedule.hourClosedAt(timestamp);
        ChainHourState closing = hours.get(closeHour);
        if (closing != null) {
            for (StreamSample s : closing.samples) {
                StreamSample last = carryIn.get(s.tag());
                if (LatestBefore.replaces(s.ts(), last == null ? null : last.ts())) carryIn.put(s.tag(), s);
            }
            hours.remove(closeHour);
        }
    }

    private void compute(long hourStart, ChainHourState hour, Collector<InfluxPoint> out) throws Exception {
        Instant start = Instant.ofEpochMilli(hourStart);
        Map<String, Double> masses = StreamMassIntegral.of(model, start, samplesOf(hourStart, hour), maxHold);
        try {
            ChainAllocation allocation = chain.allocate(new ChainHour(start, masses, hour.unitCo2eKg()));
            ChainPoints.of(model, allocation, balance.of(start, masses)).forEach(out::collect);
        } catch (ChainException e) {
            refusedChainHours.inc();
            LOG.warn("production chain of {} not written: {}", model.site().id(), e.getMessage());
        }
    }

    /** Per mass-flow tag: the hour's samples and the last one before the hour (from earlier hours still kept, or carried). */
    private Map<String, List<Sample>> samplesOf(long hourStart, ChainHourState hour) throws Exception {
        List<StreamSample> earlier = new ArrayList<>();
        carryIn.values().forEach(earlier::add);
        for (Map.Entry<Long, ChainHourState> kept : hours.entries()) {
            if (kept.getKey() < hourStart) earlier.addAll(kept.getValue().samples);
        }
        return LatestBefore.hourSamples(earlier, hour.samples, StreamSample::tag, StreamSample::ts, StreamSample::sample);
    }
}
