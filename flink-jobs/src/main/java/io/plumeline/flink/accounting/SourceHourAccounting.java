package io.plumeline.flink.accounting;

import io.plumeline.core.emissions.Calculator;
import io.plumeline.core.emissions.HourSchedule;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.InputFill;
import io.plumeline.core.emissions.LatestBefore;
import io.plumeline.core.emissions.MissingDataContext;
import io.plumeline.core.emissions.MissingDataContext.InputHistory;
import io.plumeline.core.emissions.OperatingHours;
import io.plumeline.core.emissions.Part75Availability;
import io.plumeline.core.emissions.Part75HourValidity;
import io.plumeline.core.emissions.Part75LoadRange;
import io.plumeline.core.emissions.ReferencePeriod;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.SourceHourAccount;
import io.plumeline.core.emissions.StepIntegral;
import io.plumeline.core.emissions.SubstitutionPolicy.Direction;
import io.plumeline.core.emissions.SubstitutionPolicy.Tier;
import io.plumeline.core.lineage.JobIdentity;
import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.LineageRecord;
import io.plumeline.core.lineage.SourceHourLineage;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SourceInput;
import io.plumeline.core.site.Tag;
import io.plumeline.flink.HourlyValues;
import io.plumeline.flink.JobVersion;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.SourceHour;
import io.plumeline.flink.SourceSample;
import io.plumeline.flink.accounting.TelemetryArchive.ArchivedReading;
import io.plumeline.flink.sink.LineageToPoint;
import io.plumeline.flink.telemetry.GapNotice;
import io.plumeline.flink.telemetry.LateReading;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * {@code lateCount}. A reading after the allowed lateness is stored as such ({@link #LATE}, counted as
 * {@code lateReadings}), and its hour is computed again from the stored telemetry ({@link TelemetryArchive}) with
 * the same core function, {@code recomputeDelay} of processing time after the first such reading: the readings of a
 * burst (a backfill, a replayed log) join the one recompute of their source-hour. A recompute the archive cannot
 * answer is tried again; the readings it waits for stay in state. The last sample of each input before an hour carries into it (a sample
 * holds its value until the next one, up to the max hold). Once a source has reported, each of its hours has a
 * row when event time passes it, whether samples came or not ({@link #expectNext}).
 *
 * <p>A {@code PART75} source's gaps are filled per §75.33 ({@link Part75Substitution}) from a look-back of
 * each input's hourly values kept in state ({@link HourlyValues}, the last 8,760 operating hours); the
 * availability stays that of the measured data, the substituted minutes are the rest of the hour. A source under
 * its program's rule ({@code PROGRAM}, the default) has its gaps filled by core's rules (docs/calculations.md,
 * "Missing data") with what state knows beyond the hour ({@link #missingDataContext}); an hour filled without the
 * value after its gap is computed again when a later hour brings it, while the hour is kept.
 */
public class SourceHourAccounting extends KeyedCoProcessFunction<String, SourceSample, GapNotice, SourceHourResult> {

    public static final OutputTag<LateReading> LATE = new OutputTag<>("late-readings", TypeInformation.of(LateReading.class));

    static final long HOUR_MS = HourSchedule.HOUR_MS;
    static final String PART75 = "PART75";
    /** The reference period of MRR Art. 45 is the reporting year: at most a leap year of hours. */
    private static final int REFERENCE_HOURS = 8_784;
    private static final Logger log = LoggerFactory.getLogger(SourceHourAccounting.class);
    /** How soon a recompute the archive could not answer is tried again, at the least. */
    private static final long RETRY_MS = 10_000;

    private final SiteModelText siteModel;
    private final Duration maxHold;
    private final HourSchedule schedule;
    private final TelemetryArchive archive;
    private final long recomputeDelayMs;

    private transient SiteModel model;
    private transient JobIdentity job;
    private transient MapState<Long, SourceHour> hours;
    private transient MapState<String, SourceSample> carryIn;
    private transient MapState<String, SourceSample> lastGood;
    private transient MapState<String, HourlyValues> lookBack;
    private transient MapState<Long, SourceHour> archived;
    /** Per hour, the collector gaps touching it whose backfill is not done (two outages may overlap an hour). */
    private transient MapState<Long, List<String>> awaitingBackfill;
    private transient Counter lateReadings;
    private transient Counter archiveRecomputes;
    private transient Counter archiveFailures;

    /** Without an archive: a reading after the allowed lateness is only stored as such. */
    public SourceHourAccounting(SiteModelText siteModel, Duration maxHold, Duration allowedLateness) {
        this(siteModel, maxHold, allowedLateness, TelemetryArchive.NONE, Duration.ZERO);
    }

    public SourceHourAccounting(SiteModelText siteModel, Duration maxHold, Duration allowedLateness,
                            TelemetryArchive archive, Duration recomputeDelay) {
        this.siteModel = siteModel;
        this.maxHold = maxHold;
        this.schedule = new HourSchedule(allowedLateness.toMillis());
        this.archive = archive;
        this.recomputeDelayMs = recomputeDelay.toMillis();
    }

    /**
     * Fails at start, not at the first hour, when a source cannot be computed, or when a PART75 source has an input tag
     * without the potential value the lowest tier of §75.33 needs: the source's {@code potential} of the input, or its
     * tag's {@code valid.max}, the maximum potential value, or for moisture and O2 (substituted on their low side) its
     * {@code valid.min}, the minimum potential value.
     */
    public static void checkSources(SiteModel model) {
        HourlyEmissions.check(model, Calculator.withDefaults());
        for (EmissionSource source : model.sources()) {
            if (!HourlyEmissions.accounts(source) || !PART75.equals(source.substitution())) continue;
            for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
                if (input.getValue().isTag() && potential(model, source, input.getKey(), input.getValue().tag()) == null) {
                    boolean lower = Direction.ofInput(input.getKey()) == Direction.LOWER;
                    throw new IllegalArgumentException("source '" + source.id() + "' (substitution PART75): input "
                            + input.getKey() + " tag '" + input.getValue().tag() + "' needs "
                            + "its potential." + input.getKey() + " or the tag's "
                            + (lower ? "valid.min, the minimum" : "valid.max, the maximum") + " potential value of §75.33");
                }
            }
        }
    }

    /**
     * The potential value of a Part 75 input: the source's own ({@code potential}, 40 CFR 75 Appendix A §2.1), else its
     * tag's valid range's end on the input's conservative side.
     */
    private static Double potential(SiteModel model, EmissionSource source, String input, String tag) {
        Double given = source.potential().get(input);
        if (given != null) return given;
        Tag.ValidRange valid = model.tag(tag).map(Tag::valid).orElse(null);
        if (valid == null) return null;
        return Direction.ofInput(input) == Direction.LOWER ? valid.min() : valid.max();
    }

    @Override
    public void open(OpenContext context) {
        model = siteModel.model();
        job = JobIdentity.of(siteModel.yaml(), JobVersion.current());
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("hours",
                Types.LONG, TypeInformation.of(SourceHour.class)));
        carryIn = getRuntimeContext().getMapState(new MapStateDescriptor<>("carryIn",
                Types.STRING, TypeInformation.of(SourceSample.class)));
        lastGood = getRuntimeContext().getMapState(new MapStateDescriptor<>("lastGood",
                Types.STRING, TypeInformation.of(SourceSample.class)));
        lookBack = getRuntimeContext().getMapState(new MapStateDescriptor<>("lookBack",
                Types.STRING, TypeInformation.of(HourlyValues.class)));
        archived = getRuntimeContext().getMapState(new MapStateDescriptor<>("archived",
                Types.LONG, TypeInformation.of(SourceHour.class)));
        awaitingBackfill = getRuntimeContext().getMapState(new MapStateDescriptor<>("awaitingBackfill",
                Types.LONG, Types.LIST(Types.STRING)));
        lateReadings = getRuntimeContext().getMetricGroup().counter("lateReadings");
        archiveRecomputes = getRuntimeContext().getMetricGroup().counter("archiveRecomputes");
        archiveFailures = getRuntimeContext().getMetricGroup().counter("archiveRecomputeFailures");
    }

    @Override
    public void processElement1(SourceSample sample, Context context, Collector<SourceHourResult> out) throws Exception {
        long hourStart = HourSchedule.hourOf(sample.ts().toEpochMilli());
        long watermark = context.timerService().currentWatermark();
        if (schedule.closed(hourStart, watermark)) {
            lateReadings.inc();
            context.output(LATE, new LateReading(model.site().id(), sample.tag(), sample.ts(), sample.value(),
                    sample.quality(), (watermark - sample.ts().toEpochMilli()) / 1000.0));
            if (!archive.isNone()) recomputeLater(hourStart, sample, true, context);
            carryIntoNextHour(hourStart, sample, watermark, context);
            return;
        }
        SourceHour hour = hours.get(hourStart);
        if (hour == null) hour = new SourceHour();
        hour.samples.add(sample);
        hour.dirty = true;
        if (HourSchedule.computed(hourStart, watermark)) hour.lateCount++;
        hours.put(hourStart, hour);
        // a late sample may be the one that carries into the next hour
        SourceHour next = hours.get(hourStart + HOUR_MS);
        if (next != null && next.computed) {
            next.dirty = true;
            hours.put(hourStart + HOUR_MS, next);
            context.timerService().registerEventTimeTimer(HourSchedule.computeTime(hourStart + HOUR_MS));
        }
        // a timer at or before the watermark fires with the next watermark: late samples of a burst compute once
        schedule.schedule(hourStart, context.timerService()::registerEventTimeTimer);
    }

    /** The hour is computed again from the archive; its readings that came too late wait with it until then. */
    private void recomputeLater(long hourStart, SourceSample sample, boolean ofThisHour, Context context) throws Exception {
        SourceHour pending = recomputeOf(hourStart, context);
        pending.samples.add(sample);
        if (ofThisHour) pending.lateCount++;
        archived.put(hourStart, pending);
    }

    /** The recompute of the hour from the archive that is due next, scheduled if there is none yet. */
    private SourceHour recomputeOf(long hourStart, Context context) throws Exception {
        SourceHour pending = archived.get(hourStart);
        if (pending == null) {
            pending = new SourceHour();
            pending.recomputeAt = context.timerService().currentProcessingTime() + recomputeDelayMs;
            context.timerService().registerProcessingTimeTimer(pending.recomputeAt);
        }
        return pending;
    }

    /**
     * A gap of the collector touched these hours of the source: while its backfill runs they are recorded as
     * {@code backfill_pending} (as missing as the readings that came say, which is what they are until it ends);
     * when it is done they are computed again with what it read back. An hour still kept is computed at once; an
     * hour whose state is gone, from the archive after the recompute delay, so that the read-back
     * readings sent before the backfill record are written by then (those that come later recompute it again as
     * any late reading does). Hours the stream has not reached are marked, and computed when it reaches them.
     */
    @Override
    public void processElement2(GapNotice gap, Context context, Collector<SourceHourResult> out) throws Exception {
        long watermark = context.timerService().currentWatermark();
        String cause = gap.backfilled()
                ? "backfill of collector gap " + gap.gapId() + " done: " + gap.detail()
                : "collector gap " + gap.gapId() + " (" + gap.detail() + "): backfill pending";
        for (long hourStart = gap.fromHour(); hourStart <= gap.toHour(); hourStart += HOUR_MS) {
            List<String> gaps = new ArrayList<>(Objects.requireNonNullElse(awaitingBackfill.get(hourStart), List.of()));
            if (gap.backfilled()) gaps.remove(gap.gapId());
            else if (!gaps.contains(gap.gapId())) gaps.add(gap.gapId());
            if (gaps.isEmpty()) awaitingBackfill.remove(hourStart);
            else awaitingBackfill.put(hourStart, gaps);
            SourceHour kept = hours.get(hourStart);
            if (kept != null) {
                // its lineage says so whenever it is computed from now on, as a recomputed closed hour's does
                kept.because(cause);
                // now, not at the next watermark: the readings' input may be idle for long after an outage
                if (kept.computed) {
                    compute(context.getCurrentKey(), hourStart, kept, out);
                    kept.dirty = false;
                }
                hours.put(hourStart, kept);
            } else if (!archive.isNone() && schedule.closed(hourStart, watermark)) {
                SourceHour pending = recomputeOf(hourStart, context);
                pending.because(cause);
                archived.put(hourStart, pending);
            }
        }
    }

    /**
     * A reading too late for its own hour may still hold into the next one (up to the max hold): into its state if
     * it is kept, else into its recompute from the archive.
     */
    private void carryIntoNextHour(long hourStart, SourceSample sample, long watermark, Context context) throws Exception {
        long next = hourStart + HOUR_MS;
        if (!sample.ts().plus(maxHold).isAfter(Instant.ofEpochMilli(next))) return;
        SourceHour kept = hours.get(next);
        if (kept != null) {
            SourceSample carried = carryIn.get(sample.input());
            if (!LatestBefore.replaces(sample.ts(), carried == null ? null : carried.ts())) return;
            carryIn.put(sample.input(), sample);
            kept.dirty = true;
            hours.put(next, kept);
            context.timerService().registerEventTimeTimer(HourSchedule.computeTime(next));
        } else if (!archive.isNone() && schedule.closed(next, watermark)) {
            recomputeLater(next, sample, false, context);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<SourceHourResult> out) throws Exception {
        if (context.timeDomain() == TimeDomain.PROCESSING_TIME) {
            recomputeDue(timestamp, context, out);
            return;
        }
        long computeHour = HourSchedule.hourComputedAt(timestamp);
        SourceHour hour = hours.get(computeHour);
        if (hour != null && hour.dirty) {
            compute(context.getCurrentKey(), computeHour, hour, out);
            hour.dirty = false;
            hour.computed = true;
            hours.put(computeHour, hour);
            reviseHoursAwaitingThisOne(computeHour, hour, context);
            expectNext(computeHour + HOUR_MS, context);
        }
        long closeHour = schedule.hourClosedAt(timestamp);
        SourceHour closing = hours.get(closeHour);
        if (closing != null) {
            for (SourceSample s : closing.samples) {
                SourceSample last = carryIn.get(s.input());
                if (LatestBefore.replaces(s.ts(), last == null ? null : last.ts())) carryIn.put(s.input(), s);
                SourceSample good = lastGood.get(s.input());
                if (s.value() != null && LatestBefore.replaces(s.ts(), good == null ? null : good.ts())) lastGood.put(s.input(), s);
            }
            hours.remove(closeHour);
        }
    }

    /**
     * Every hour of a source that has reported once has a row, as event time passes it: an hour in which nothing
     * came is a missing hour (0 % availability, substituted where the source's rule applies), not an absent one.
     * A timer at or below the watermark fires in the same advance, so a jump of event time fills every hour on the
     * way.
     */
    private void expectNext(long hourStart, OnTimerContext context) throws Exception {
        // the end of a bounded input (the final watermark) is no plant time: there is no next hour to expect
        if (context.timerService().currentWatermark() == Long.MAX_VALUE || hours.contains(hourStart)) return;
        hours.put(hourStart, new SourceHour());
        schedule.schedule(hourStart, context.timerService()::registerEventTimeTimer);
    }

    private void compute(String sourceId, long hourStart, SourceHour hour, Collector<SourceHourResult> out) throws Exception {
        EmissionSource source = source(sourceId);
        Map<String, List<Sample>> byInput = samplesOf(hourStart, hour);
        MissingDataContext context = EmissionSource.PROGRAM.equals(source.substitution())
                ? missingDataContext(source, hourStart,
                        (input, tag) -> keptValueBefore(hourStart, input), (input, tag) -> keptValueAfter(hourStart, input)) : MissingDataContext.NONE;
        SourceHourAccount account = account(source, hourStart, byInput, context, hour.lateCount,
                hour.causes.isEmpty() ? null : String.join("; ", hour.causes), false, out);
        hour.awaitsValueAfter = awaitsValueAfter(account.fills(), byInput, context, Instant.ofEpochMilli(hourStart));
    }

    /**
     * Each hour whose recompute is due is computed again from the stored telemetry of its inputs (from the max hold
     * before it, so that the value held into it counts) and the late readings it waited with, which the sink may not
     * have written yet; the value before and after a gap comes from the archive too.
     */
    private void recomputeDue(long now, OnTimerContext context, Collector<SourceHourResult> out) throws Exception {
        List<Long> due = new ArrayList<>();
        for (Map.Entry<Long, SourceHour> e : archived.entries()) if (e.getValue().recomputeAt <= now) due.add(e.getKey());
        for (long hourStart : due) {
            SourceHour pending = archived.get(hourStart);
            try {
                recomputeFromArchive(context.getCurrentKey(), hourStart, pending, out);
                archived.remove(hourStart);
                archiveRecomputes.inc();
            } catch (IOException e) {
                archiveFailures.inc();
                pending.recomputeAt = now + Math.max(recomputeDelayMs, RETRY_MS);
                archived.put(hourStart, pending);
                context.timerService().registerProcessingTimeTimer(pending.recomputeAt);
                log.warn("source {} hour {}: cannot read the archive ({}); trying again in {} s", context.getCurrentKey(),
                        Instant.ofEpochMilli(hourStart), e.getMessage(), Math.max(recomputeDelayMs, RETRY_MS) / 1000);
            }
        }
    }

    private void recomputeFromArchive(String sourceId, long hourStart, SourceHour pending, Collector<SourceHourResult> out)
            throws Exception {
        EmissionSource source = source(sourceId);
        String site = model.site().id();
        Instant from = Instant.ofEpochMilli(hourStart);
        Instant to = from.plusMillis(HOUR_MS);
        Map<String, List<String>> inputsByTag = HourlyEmissions.keysByTag(source);
        List<SourceSample> samples = new ArrayList<>(pending.samples);
        Set<String> known = new HashSet<>();
        for (SourceSample s : pending.samples) known.add(s.input() + "@" + s.ts());
        for (ArchivedReading r : archive.read(site, inputsByTag.keySet(), from.minus(maxHold), to)) {
            for (String input : inputsByTag.get(r.tag())) {
                if (known.add(input + "@" + r.ts())) {
                    samples.add(new SourceSample(sourceId, input, r.tag(), r.ts(), r.value(), r.quality()));
                }
            }
        }
        List<SourceSample> earlier = samples.stream().filter(s -> s.ts().isBefore(from)).toList();
        List<SourceSample> inHour = samples.stream().filter(s -> !s.ts().isBefore(from) && s.ts().isBefore(to)).toList();
        Map<String, List<Sample>> byInput = byInput(earlier, inHour);
        MissingDataContext context = EmissionSource.PROGRAM.equals(source.substitution())
                ? missingDataContext(source, hourStart,
                        (input, tag) -> archive.lastGoodBefore(site, tag, from).map(ArchivedReading::value).orElse(null),
                        (input, tag) -> archive.firstGoodFrom(site, tag, to).map(ArchivedReading::value).orElse(null))
                : MissingDataContext.NONE;
        List<String> causes = new ArrayList<>();
        if (pending.lateCount > 0) {
            causes.add(pending.lateCount + " readings came after the hour's allowed lateness ("
                    + Duration.ofMillis(schedule.allowedLatenessMs()) + ")");
        }
        causes.addAll(pending.causes);
        account(source, hourStart, byInput, context, pending.lateCount,
                String.join("; ", causes) + "; computed again from the stored telemetry", true, out);
    }

    private EmissionSource source(String sourceId) {
        return model.source(sourceId).orElseThrow(() ->
                new IllegalStateException("source '" + sourceId + "' is not in " + siteModel.origin()));
    }

    /**
     * Computes the hour with core's {@link SourceHourAccount} and emits its results; {@code revision} null for the
     * stream's plain computation, else why it was computed again ({@code fromArchive}: from the stored telemetry,
     * else from the readings in state, for a collector gap that touched it).
     */
    private SourceHourAccount account(EmissionSource source, long hourStart, Map<String, List<Sample>> byInput,
                                      MissingDataContext context, int lateCount, String revision, boolean fromArchive,
                                      Collector<SourceHourResult> out) throws Exception {
        Instant from = Instant.ofEpochMilli(hourStart);
        SourceHourAccount account;
        LineageRecord record;
        String substitution;
        String modc = null;
        if (OperatingHours.notOperating(source.operatingStatus(), byInput.get(OperatingHours.STATUS_KEY), from, maxHold)) {
            // a shut-down hour fills nothing and enters no look-back or reference period
            account = SourceHourAccount.of(model, source, from, byInput, maxHold, HourlyEmissions.DEFAULT_CALCULATOR);
            substitution = null;
            record = SourceHourLineage.of(job, model, source, from, byInput, byInput, maxHold, account, null,
                    MissingDataContext.NONE);
        } else if (PART75.equals(source.substitution())) {
            Map<String, List<Sample>> filled = new HashMap<>(byInput);
            Tier worst = part75(source, hourStart, byInput, filled);
            account = worst == null
                    ? SourceHourAccount.of(model, source, from, byInput, maxHold, HourlyEmissions.DEFAULT_CALCULATOR)
                    : SourceHourAccount.substituted(model, source, from, byInput, filled, maxHold,
                            HourlyEmissions.DEFAULT_CALCULATOR);
            substitution = worst == null ? null : worst.name();
            modc = Tier.modcOf(substitution);
            record = SourceHourLineage.of(job, model, source, from, byInput, worst == null ? byInput : filled, maxHold,
                    account, substitution, MissingDataContext.NONE);
        } else {
            account = SourceHourAccount.of(model, source, from, byInput, maxHold, context,
                    HourlyEmissions.DEFAULT_CALCULATOR);
            substitution = rulesApplied(account.fills());
            if (EmissionSource.PROGRAM.equals(source.substitution())) recordReference(source, hourStart, byInput);
            record = SourceHourLineage.of(job, model, source, from, byInput, byInput, maxHold, account, null, context);
        }
        String lineage = LineageJson.write(revision == null ? record : record.revised(revision));
        boolean backfillPending = awaitingBackfill.contains(hourStart);
        List<HourlyEmission> emissions = account.emissions();
        List<String> ids = emissions.stream().map(HourlyEmission::lineageId).toList();
        // the record and its ids go with the first row only, whichever gas a method gives first (pollutant methods
        // give no CO2e)
        for (int i = 0; i < emissions.size(); i++) {
            out.collect(new SourceHourResult(emissions.get(i), substitution, lateCount, i == 0 ? ids : null,
                    i == 0 ? lineage : null, fromArchive, account.operating(), backfillPending, modc));
        }
        return account;
    }

    /**
     * Fills {@code filled} with each input's hour as Part 75 takes it, valid (§75.10(d)(1)) or substituted whole
     * (§75.33), and records the hour in the input's look-back; the worst tier used, or null.
     */
    private Tier part75(EmissionSource source, long hourStart, Map<String, List<Sample>> byInput,
                        Map<String, List<Sample>> filled) throws Exception {
        Instant from = Instant.ofEpochMilli(hourStart);
        Instant to = from.plusMillis(HOUR_MS);
        Tier worst = null;
        Integer hourLoadRange = loadRange(source, from, to, byInput.get(Part75LoadRange.LOAD_KEY));
        for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
            if (!input.getValue().isTag()) continue;
            String name = input.getKey();
            Integer loadRange = Part75LoadRange.loadBased(source, name) ? hourLoadRange : null;
            List<Sample> samples = byInput.getOrDefault(name, List.of());
            HourlyValues values = lookBack.get(name);
            if (values == null) values = new HourlyValues(Part75Availability.EQ9_HOURS);
            // a look-back kept from before §75.32 was followed held 720 or 2,160 hours: it grows to Eq. 9's 8,760
            values.capacity = Math.max(values.capacity, Part75Availability.EQ9_HOURS);
            Part75Substitution.Filled f = Part75Substitution.fill(from, to, samples, maxHold, values, isFlow(source, name),
                    Direction.ofInput(name), potential(model, source, name, input.getValue().tag()), loadRange);
            filled.put(name, f.samples());
            if (f.tier() != null && (worst == null || f.tier().ordinal() > worst.ordinal())) worst = f.tier();
            // §75.10(d)(1): the hour is quality-assured with a valid reading in each quadrant, its value their average
            OptionalDouble valid = Part75HourValidity.hourlyValue(from, samples);
            values.record(hourStart, valid.isPresent() ? valid.getAsDouble() : null, loadRange);
            lookBack.put(name, values);
        }
        return worst;
    }

    /**
     * The hour's load range (40 CFR 75 Appendix C §2.1), null for a source without a load: from the load's mean over
     * its GOOD time in the hour; with no GOOD load at all, the highest range, which does not under-state the flow.
     */
    private Integer loadRange(EmissionSource source, Instant from, Instant to, List<Sample> load) {
        if (source.load() == null) return null;
        StepIntegral.Result r = StepIntegral.ofProduct(from, to, List.of(load == null ? List.of() : load), maxHold);
        if (r.covered().isZero()) return Part75LoadRange.RANGES;
        return Part75LoadRange.of(r.mean(), source.load().maximum());
    }

    /** A value of one tag input beyond the hour: the last GOOD one before it, or the first after. */
    @FunctionalInterface
    private interface Beyond {
        Double value(String input, String tag) throws Exception;
    }

    /**
     * What the program's rule knows of each tag input beyond the hour: its last GOOD value before the hour, its first
     * GOOD value after it (from state for the stream, from the archive for a recompute), and its quality-assured hours
     * of the reporting year so far (the site's calendar year) as the reference period of MRR Art. 45.
     */
    private MissingDataContext missingDataContext(EmissionSource source, long hourStart, Beyond before, Beyond after)
            throws Exception {
        long yearStart = Instant.ofEpochMilli(hourStart).atZone(model.site().zone()).withDayOfYear(1)
                .truncatedTo(ChronoUnit.DAYS).toInstant().toEpochMilli();
        Map<String, InputHistory> byInput = new HashMap<>();
        for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
            if (!input.getValue().isTag()) continue;
            String name = input.getKey();
            HourlyValues reference = lookBack.get(name);
            byInput.put(name, new InputHistory(before.value(name, input.getValue().tag()),
                    after.value(name, input.getValue().tag()), reference == null ? ReferencePeriod.NONE
                            : ReferencePeriod.of(reference.qualityAssuredBetween(yearStart, hourStart))));
        }
        return new MissingDataContext(byInput);
    }

    /** The last GOOD value of the input before the hour being computed: from the hours still kept, else the closed ones. */
    private Double keptValueBefore(long hourStart, String input) throws Exception {
        SourceSample before = lastGood.get(input);
        for (Map.Entry<Long, SourceHour> kept : hours.entries()) {
            if (kept.getKey() >= hourStart) continue;
            for (SourceSample s : kept.getValue().samples) {
                if (s.input().equals(input) && s.value() != null && (before == null || !s.ts().isBefore(before.ts()))) before = s;
            }
        }
        return before == null ? null : before.value();
    }

    /** The first GOOD value of the input after the hour, when a later hour kept here has one. */
    private Double keptValueAfter(long hourStart, String input) throws Exception {
        SourceSample after = null;
        for (Map.Entry<Long, SourceHour> kept : hours.entries()) {
            if (kept.getKey() <= hourStart) continue;
            for (SourceSample s : kept.getValue().samples) {
                if (s.input().equals(input) && s.value() != null && (after == null || s.ts().isBefore(after.ts()))) after = s;
            }
        }
        return after == null ? null : after.value();
    }

    /** The hour's quality-assured hourly value of each tag input (at least 45 GOOD minutes), for later reference periods. */
    private void recordReference(EmissionSource source, long hourStart, Map<String, List<Sample>> byInput) throws Exception {
        Instant from = Instant.ofEpochMilli(hourStart);
        for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
            if (!input.getValue().isTag()) continue;
            HourlyValues values = lookBack.get(input.getKey());
            if (values == null) values = new HourlyValues(REFERENCE_HOURS);
            values.record(hourStart, Part75Substitution.hourlyValue(from, from.plusMillis(HOUR_MS),
                    byInput.getOrDefault(input.getKey(), List.of()), maxHold));
            lookBack.put(input.getKey(), values);
        }
    }

    /** The rules that filled some of the hour, as the row names them; null when nothing was filled. */
    private static String rulesApplied(List<InputFill> fills) {
        List<String> rules = fills.stream().filter(InputFill::filled).map(InputFill::rule).distinct().sorted().toList();
        return rules.isEmpty() ? null : String.join("+", rules);
    }

    /**
     * Whether a gap of the hour runs to its end with no value after it known yet: §98.35(b)(1) and the conservative
     * rules take the value after the gap, so the hour is computed again when a later hour brings one.
     */
    private boolean awaitsValueAfter(List<InputFill> fills, Map<String, List<Sample>> byInput, MissingDataContext context,
                                     Instant from) {
        Instant to = from.plusMillis(HOUR_MS);
        for (InputFill fill : fills) {
            if (fill.fromBackup() || context.of(fill.input()).firstAfter() != null) continue;
            List<StepIntegral.Interval> good = StepIntegral.goodIntervals(from, to,
                    byInput.getOrDefault(fill.input(), List.of()), maxHold);
            if (good.isEmpty() || good.get(good.size() - 1).to().isBefore(to)) return true;
        }
        return false;
    }

    /** A computed hour with GOOD samples may bring the value after the gap that earlier kept hours wait for. */
    private void reviseHoursAwaitingThisOne(long hourStart, SourceHour hour, OnTimerContext context) throws Exception {
        if (hour.samples.stream().noneMatch(s -> s.value() != null)) return;
        for (Map.Entry<Long, SourceHour> earlier : hours.entries()) {
            SourceHour e = earlier.getValue();
            if (earlier.getKey() >= hourStart || !e.awaitsValueAfter || e.dirty) continue;
            e.dirty = true;
            hours.put(earlier.getKey(), e);
            context.timerService().registerEventTimeTimer(HourSchedule.computeTime(earlier.getKey()));
        }
    }

    /** Per input: the hour's samples and the last one before the hour (from earlier hours still kept, or carried). */
    private Map<String, List<Sample>> samplesOf(long hourStart, SourceHour hour) throws Exception {
        List<SourceSample> earlier = new ArrayList<>();
        carryIn.values().forEach(earlier::add);
        for (Map.Entry<Long, SourceHour> kept : hours.entries()) {
            if (kept.getKey() < hourStart) earlier.addAll(kept.getValue().samples);
        }
        return byInput(earlier, hour.samples);
    }

    /** Per input: the samples in the hour, after the latest of the earlier ones, which holds into the hour. */
    private static Map<String, List<Sample>> byInput(List<SourceSample> earlier, List<SourceSample> inHour) {
        return LatestBefore.hourSamples(earlier, inHour, SourceSample::input, SourceSample::ts, SourceSample::sample);
    }

    /**
     * Whether the input is a flow (a rate the method integrates), whose §75.31 initial period and §75.33 look-back
     * count 2,160 quality-assured hours rather than 720.
     */
    private boolean isFlow(EmissionSource source, String input) {
        SourceInput spec = source.inputs().get(input);
        return spec.isTag() && model.tag(spec.tag()).map(t -> t.unitOfMeasure().integratedOverTime().isPresent())
                .orElse(false);
    }
}
