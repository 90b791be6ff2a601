package io.plumeline.flink.live;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.Limit;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.MinuteSum;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The permit limits of one tag (the key): at the end of every minute of event time that has GOOD readings of
 * the tag, the rolling average of its GOOD readings over each limit's averaging period (the minutes ending
 * then) is checked against its max; an average above it is an alert, a point of {@code alerts} at the minute's end (docs/contracts.md §3; tag
 * {@code limit} is {@code <averaging>:<max>}, e.g. {@code PT1H:100}, so two limits of a tag stay apart).
 * The average is the mean of the readings, which is time-weighted for a tag sampled at a fixed rate. A tag
 * that falls silent is not checked on a shrinking remainder of its period. Per tag the state is one sum and
 * count per minute of the longest averaging period.
 */
public class LimitCheck extends KeyedProcessFunction<String, Reading, InfluxPoint> {

    static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();

    private final SiteModelText siteModel;
    private transient SiteModel model;
    private transient MapState<Long, MinuteSum> minutes;

    public LimitCheck(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        model = siteModel.model();
        minutes = getRuntimeContext().getMapState(new MapStateDescriptor<>("minutes", Types.LONG,
                TypeInformation.of(MinuteSum.class)));
    }

    @Override
    public void processElement(Reading reading, Context context, Collector<InfluxPoint> out) throws Exception {
        if (!reading.isGood()) return;
        long minute = Math.floorDiv(reading.ts().toEpochMilli(), MINUTE_MS) * MINUTE_MS;
        MinuteSum sum = minutes.get(minute);
        if (sum == null) sum = new MinuteSum();
        sum.sum += reading.value();
        sum.count++;
        minutes.put(minute, sum);
        context.timerService().registerEventTimeTimer(minute + MINUTE_MS - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<InfluxPoint> out) throws Exception {
        long end = timestamp + 1;
        List<Limit> limits = model.limitsOf(context.getCurrentKey());
        long longest = 0;
        for (Limit limit : limits) {
            long period = limit.averagingPeriod().toMillis();
            longest = Math.max(longest, period);
            double sum = 0;
            long count = 0;
            for (Map.Entry<Long, MinuteSum> m : minutes.entries()) {
                if (m.getKey() >= end - period && m.getKey() < end) {
                    sum += m.getValue().sum;
                    count += m.getValue().count;
                }
            }
            if (count > 0 && sum / count > limit.max()) {
                out.collect(LinePoint.of(Measurement.ALERTS)
                        .tag(Keys.SITE, model.site().id())
                        .tag(Keys.TAG, limit.tag())
                        .tag(Keys.LIMIT, label(limit))
                        .field(Keys.VALUE, sum / count)
                        .field(Keys.MAX, limit.max())
                        .timestamp(Instant.ofEpochMilli(end))
                        .toPoint());
            }
        }
        for (Iterator<Map.Entry<Long, MinuteSum>> it = minutes.iterator(); it.hasNext(); ) {
            if (it.next().getKey() < end + MINUTE_MS - longest) it.remove();
        }
    }

    static String label(Limit limit) {
        return limit.averagingPeriod() + ":" + LinePoint.formatDouble(limit.max());
    }
}
