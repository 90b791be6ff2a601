package io.plumeline.flink;

import io.plumeline.core.chain.MaterialBalance;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.site.Limit;
import io.plumeline.core.telemetry.ClockCheck;
import io.plumeline.core.telemetry.GapReport;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.accounting.SourceHourAccounting;
import io.plumeline.flink.accounting.SourceHourResult;
import io.plumeline.flink.accounting.TelemetryArchive;
import io.plumeline.flink.chain.HourlyChain;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.live.LimitCheck;
import io.plumeline.flink.live.LiveRate;
import io.plumeline.flink.sink.EmissionToPoint;
import io.plumeline.flink.sink.LateReadingToPoint;
import io.plumeline.flink.sink.LineageToPoint;
import io.plumeline.flink.sink.ReadingToPoint;
import io.plumeline.flink.sink.ReadingToRecordPoint;
import io.plumeline.flink.telemetry.AdmitReading;
import io.plumeline.flink.telemetry.DeadLetter;
import io.plumeline.flink.telemetry.FanOutToSources;
import io.plumeline.flink.telemetry.GapNotice;
import io.plumeline.flink.telemetry.NoEventTime;
import io.plumeline.flink.telemetry.RawMessage;
import io.plumeline.flink.telemetry.RawMessageDeserializer;
import io.plumeline.flink.telemetry.ReadGapReport;
import io.plumeline.flink.telemetry.ReadingAdmission;
import io.plumeline.flink.telemetry.ReadingWatermarks;
import io.plumeline.flink.telemetry.ToGapNotices;
import io.plumeline.flink.telemetry.ToStreamSamples;
import java.time.Duration;
import java.util.HashMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * Telemetry from Kafka to InfluxDB, unusable messages to the DLQ, hourly emissions with their lineage records,
 * the production chain per hour (when the site model has streams), late readings, live emission rates and limit
 * alerts to InfluxDB. The job receives its source and sinks, so tests run the same
 * pipeline on their own; {@link JobCommand#main} wires Kafka and InfluxDB and runs it.
 */
public final class PlumelineJob {

    /**
     * Event-time settings of the pipeline; the defaults are those of the command line. {@code maxClockAhead}: how
     * far a reading's ts may be ahead of the time it was sent, or of its serverTs, before it is refused;
     * {@code recomputeDelay}: how long after the first reading too late for its hour the hour is computed again from
     * the archive (the readings of a burst join that one recompute).
     */
    public record Timing(Duration outOfOrderness, Duration idleness, Duration maxHold, Duration allowedLateness,
                         Duration maxClockAhead, Duration recomputeDelay) {
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(2),
                    ClockCheck.DEFAULT_TOLERANCE, Duration.ofSeconds(30));
        }
    }

    /**
     * The live rate's accumulator, each input's latest sample, with Flink's map serializer: as a {@code HashMap}
     * it was a generic type, written by Kryo on every sample under RocksDB. Flink's map serializer makes a
     * {@code HashMap} of what it reads, so the cast holds.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final TypeInformation<HashMap<String, Sample>> LATEST_PER_INPUT =
            (TypeInformation) Types.MAP(Types.STRING, TypeInformation.of(Sample.class));

    /**
     * "-2" since the accumulator left Kryo: a savepoint of an earlier version holds the live rate's windows in
     * Kryo's form, which the map serializer cannot read; with a new uid that state (at most the open minute of
     * each source) is left unclaimed and the restore goes on (docs/operations.md, section 3).
     */
    static final String EMISSION_RATE_UID = "emission-rate-2";

    private final SiteModelText siteModel;
    private final Timing timing;
    private final Source<RawMessage, ?, ?> telemetry;
    private final Sink<DeadLetter> deadLetters;
    private final Sink<InfluxPoint> influx;
    private final double imbalanceThreshold;
    private final TelemetryArchive archive;
    private final Source<RawMessage, ?, ?> gaps;

    public PlumelineJob(SiteModelText siteModel, Timing timing, Source<RawMessage, ?, ?> telemetry,
                        Sink<DeadLetter> deadLetters, Sink<InfluxPoint> influx) {
        this(siteModel, timing, telemetry, deadLetters, influx, MaterialBalance.DEFAULT_THRESHOLD);
    }

    /** {@code imbalanceThreshold}: the relative imbalance of a unit's material balance above which its hour is flagged. */
    public PlumelineJob(SiteModelText siteModel, Timing timing, Source<RawMessage, ?, ?> telemetry,
                        Sink<DeadLetter> deadLetters, Sink<InfluxPoint> influx, double imbalanceThreshold) {
        this(siteModel, timing, telemetry, deadLetters, influx, imbalanceThreshold, TelemetryArchive.NONE, null);
    }

    private PlumelineJob(SiteModelText siteModel, Timing timing, Source<RawMessage, ?, ?> telemetry,
                         Sink<DeadLetter> deadLetters, Sink<InfluxPoint> influx, double imbalanceThreshold,
                         TelemetryArchive archive, Source<RawMessage, ?, ?> gaps) {
        this.archive = archive;
        this.gaps = gaps;
        this.imbalanceThreshold = imbalanceThreshold;
        this.siteModel = siteModel;
        this.timing = timing;
        this.telemetry = telemetry;
        this.deadLetters = deadLetters;
        this.influx = influx;
    }

    /**
     * The same job reading the stored telemetry back from {@code archive} to compute an hour again when readings of
     * it come after its allowed lateness; without one they are only stored in {@code late_readings}.
     */
    public PlumelineJob withArchive(TelemetryArchive archive) {
        return new PlumelineJob(siteModel, timing, telemetry, deadLetters, influx, imbalanceThreshold, archive, gaps);
    }

    /**
     * The same job reading the collectors' gap and backfill records from {@code gaps} (messages passed on unread,
     * {@link RawMessageDeserializer#gapRecords}): the hours a gap touched are marked pending until its backfill is
     * done, then computed again ({@link SourceHourAccounting#processElement2}).
     */
    public PlumelineJob withGaps(Source<RawMessage, ?, ?> gaps) {
        return new PlumelineJob(siteModel, timing, telemetry, deadLetters, influx, imbalanceThreshold, archive, gaps);
    }

    public static void main(String[] args) {
        System.exit(JobCommand.run(args));
    }

    /** Adds the pipeline to {@code env}; the caller executes it. Operator uids keep checkpoints restorable. */
    public void build(StreamExecutionEnvironment env) {
        // A reading goes to four chained operators; without reuse each gets its own copy (and the message its own
        // bytes). Safe because every record of the job is an immutable record class that no operator changes,
        // and the state that keeps inputs keeps them as they are (PlumelineJobTypesTest).
        env.getConfig().enableObjectReuse();
        TypeInformation<InfluxPoint> points = TypeInformation.of(InfluxPoint.class);
        // each message is read once, at the source (RawMessage.of); its ts is event time per Kafka partition there
        ReadingAdmission admission = new ReadingAdmission(siteModel, timing.maxClockAhead());
        DataStream<RawMessage> messages = env
                .fromSource(telemetry, new ReadingWatermarks(admission, timing.outOfOrderness(), timing.idleness()),
                        "kafka source")
                .uid("telemetry-source");

        SingleOutputStreamOperator<Reading> readings = messages
                .process(new AdmitReading(admission), TypeInformation.of(Reading.class))
                .name("admit reading").uid("parse-reading");
        SingleOutputStreamOperator<GapReport> gapReports = gapReports(env);
        DataStream<DeadLetter> letters = readings.getSideOutput(AdmitReading.DEAD_LETTERS);
        if (gapReports != null) letters = letters.union(gapReports.getSideOutput(AdmitReading.DEAD_LETTERS));
        letters.sinkTo(deadLetters).name("dead letters").uid("dead-letter-sink");

        DataStream<InfluxPoint> telemetryPoints = readings
                .map(new ReadingToPoint(siteModel), points)
                .name("telemetry points").uid("telemetry-points");
        DataStream<InfluxPoint> recordPoints = readings
                .flatMap(new ReadingToRecordPoint(siteModel), points)
                .name("telemetry kept for the record").uid("record-points");

        DataStream<SourceSample> sourceSamples = readings
                .flatMap(new FanOutToSources(siteModel), TypeInformation.of(SourceSample.class))
                .name("source inputs").uid("source-inputs");

        SingleOutputStreamOperator<SourceHourResult> hours = sourceSamples
                .keyBy(SourceSample::source, Types.STRING)
                .connect(gapNotices(gapReports, sourceSamples).keyBy(GapNotice::source, Types.STRING))
                .process(new SourceHourAccounting(siteModel, timing.maxHold(), timing.allowedLateness(), archive,
                                timing.recomputeDelay()),
                        TypeInformation.of(SourceHourResult.class))
                .name("hourly emissions").uid("hourly-emissions");
        DataStream<InfluxPoint> emissionPoints = hours
                .map(new EmissionToPoint(), points)
                .name("emission points").uid("emission-points");
        DataStream<InfluxPoint> lineagePoints = hours
                .filter(r -> r.lineage() != null) // the hour's first result carries its record (SourceHourResult)
                .name("lineage records").uid("lineage-records")
                .map(new LineageToPoint(), points)
                .name("lineage points").uid("lineage-points");
        DataStream<InfluxPoint> latePoints = hours.getSideOutput(SourceHourAccounting.LATE)
                .map(new LateReadingToPoint(), points)
                .name("late reading points").uid("late-reading-points");

        DataStream<InfluxPoint> ratePoints = sourceSamples
                .keyBy(SourceSample::source, Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(new LiveRate.LatestPerInput(), new LiveRate.PerMinute(siteModel, timing.maxHold()),
                        LATEST_PER_INPUT, LATEST_PER_INPUT, points)
                .name("emission rate").uid(EMISSION_RATE_UID);

        Set<String> limited = siteModel.model().limits().stream().map(Limit::tag).collect(Collectors.toSet());
        DataStream<InfluxPoint> alertPoints = readings
                .filter(r -> limited.contains(r.tag()))
                .name("limited tags").uid("limited-tags")
                .keyBy(Reading::tag, Types.STRING)
                .process(new LimitCheck(siteModel), points)
                .name("limits").uid("limits");

        DataStream<InfluxPoint> results = telemetryPoints.union(recordPoints, emissionPoints, lineagePoints, latePoints,
                ratePoints, alertPoints);
        if (!siteModel.model().streams().isEmpty()) results = results.union(chainPoints(readings, hours, points));
        results.sinkTo(influx).name("influxdb").uid("influxdb-sink");
    }

    /** The collectors' gap and backfill records, read; null without a gaps source. */
    private SingleOutputStreamOperator<GapReport> gapReports(StreamExecutionEnvironment env) {
        if (gaps == null) return null;
        return env
                .fromSource(gaps, WatermarkStrategy.noWatermarks(), "gap records").uid("gaps-source")
                .assignTimestampsAndWatermarks(WatermarkStrategy.forGenerator(c -> new NoEventTime<>()))
                .name("gap records have no event time").uid("gap-records-time")
                .process(new ReadGapReport(siteModel), TypeInformation.of(GapReport.class))
                .name("read gap records").uid("read-gap-records");
    }

    /**
     * What the collectors' gaps mean for each source. Without gap records, an input with no notice that carries the
     * samples' own event time, so that the accounting's time is the readings' either way.
     */
    private DataStream<GapNotice> gapNotices(DataStream<GapReport> reports, DataStream<SourceSample> samples) {
        TypeInformation<GapNotice> notices = TypeInformation.of(GapNotice.class);
        if (reports == null) {
            return samples.flatMap((SourceSample s, Collector<GapNotice> out) -> { }, notices)
                    .name("no gap notices").uid("no-gap-notices");
        }
        return reports
                .keyBy(GapReport::id, Types.STRING)
                .process(new ToGapNotices(siteModel), notices)
                .name("gap notices").uid("gap-notices");
    }

    /** The production chain per site and hour from the sources' CO2e totals and the streams' mass flows. */
    private DataStream<InfluxPoint> chainPoints(DataStream<Reading> readings, DataStream<SourceHourResult> hours,
                                                TypeInformation<InfluxPoint> points) {
        DataStream<StreamSample> flows = readings
                .flatMap(new ToStreamSamples(siteModel), TypeInformation.of(StreamSample.class))
                .name("stream flows").uid("stream-flows");
        return hours
                .filter(r -> HourlyEmission.CO2E.equals(r.emission().gas()))
                .name("source totals").uid("source-totals")
                .keyBy(r -> r.emission().site(), Types.STRING)
                .connect(flows.keyBy(StreamSample::site, Types.STRING))
                .process(new HourlyChain(siteModel, timing.maxHold(), timing.allowedLateness(), imbalanceThreshold), points)
                .name("production chain").uid("production-chain");
    }
}
