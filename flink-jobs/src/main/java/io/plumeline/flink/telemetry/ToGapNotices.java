package io.plumeline.flink.telemetry;

import io.plumeline.core.emissions.HourSchedule;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.telemetry.GapReport;
import io.plumeline.flink.BackfillSpan;
import io.plumeline.flink.SiteModelText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a collector's gap (the key is its id) into what it means for each source accounted hourly that one of its
 * tags feeds: the gap's hours are pending from its first record (part) on, and done when its backfill record comes,
 * which names only the id, so the hours and sources are kept here until then.
 *
 * <p>A gap's {@code from} is the oldest "last reading before" of its tags: a tag that had not changed for a week
 * (a report-by-exception server with a deadband) makes it a week old though nothing of that week was lost. So a gap
 * marks at most the {@link #MAX_HOURS} hours up to its end; a reading older than that which the backfill recovers
 * still recomputes its own hour, as any reading after the allowed lateness does.
 */
public class ToGapNotices extends KeyedProcessFunction<String, GapReport, GapNotice> {

    static final int MAX_HOURS = 168;
    private static final Logger log = LoggerFactory.getLogger(ToGapNotices.class);

    private final SiteModelText siteModel;
    private transient Map<String, Set<String>> sourcesByTag;
    private transient ValueState<BackfillSpan> span;

    public ToGapNotices(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        sourcesByTag = new HashMap<>();
        for (EmissionSource source : siteModel.model().sources()) {
            if (!HourlyEmissions.accounts(source)) continue;
            HourlyEmissions.keysByTag(source).keySet().forEach(tag ->
                    sourcesByTag.computeIfAbsent(tag, t -> new LinkedHashSet<>()).add(source.id()));
        }
        span = getRuntimeContext().getState(new ValueStateDescriptor<>("span", TypeInformation.of(BackfillSpan.class)));
    }

    @Override
    public void processElement(GapReport report, Context context, Collector<GapNotice> out) throws Exception {
        BackfillSpan known = span.value();
        if (report.type() == GapReport.Type.BACKFILL) {
            if (known == null) {
                log.info("backfill of gap {} ({}): no record of the gap was read, no hour to correct", report.id(), report.detail());
                return;
            }
            for (String source : known.sources) {
                out.collect(new GapNotice(source, report.id(), known.fromHour, known.toHour, true, report.detail()));
            }
            span.clear();
            return;
        }
        Set<String> sources = new LinkedHashSet<>();
        for (String tag : report.tags()) sources.addAll(sourcesByTag.getOrDefault(tag, Set.of()));
        if (sources.isEmpty()) return;
        long toHour = HourSchedule.hourOf(Math.max(report.from().toEpochMilli(), report.to().toEpochMilli() - 1));
        long fromHour = Math.max(HourSchedule.hourOf(report.from().toEpochMilli()),
                toHour - (MAX_HOURS - 1) * HourSchedule.HOUR_MS);
        BackfillSpan merged = known == null ? BackfillSpan.empty() : known;
        boolean widened = fromHour < merged.fromHour || toHour > merged.toHour;
        merged.fromHour = Math.min(fromHour, merged.fromHour);
        merged.toHour = Math.max(toHour, merged.toHour);
        Set<String> before = Set.copyOf(merged.sources);
        Set<String> all = new LinkedHashSet<>(merged.sources);
        all.addAll(sources);
        // a part of more tags, or a gap published again for a read-back cut off, may add sources or hours
        for (String source : all) {
            if (widened || !before.contains(source)) out.collect(pending(source, report, merged));
        }
        merged.sources = new ArrayList<>(all);
        span.update(merged);
    }

    private static GapNotice pending(String source, GapReport report, BackfillSpan span) {
        return new GapNotice(source, report.id(), span.fromHour, span.toHour, false, report.detail());
    }
}
