package io.plumeline.bench;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.SourceSample;
import io.plumeline.flink.accounting.SourceHourAccounting;
import io.plumeline.flink.accounting.SourceHourResult;
import io.plumeline.flink.accounting.TelemetryArchive;
import io.plumeline.flink.influx.InfluxCredentials;
import io.plumeline.flink.influx.InfluxTelemetryArchive;
import io.plumeline.flink.telemetry.GapNotice;
import io.plumeline.stack.InfluxDbServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The late-data recompute of the accounting (docs/processes.md, "Late readings"): a source-hour whose state is gone
 * computed again from the stored telemetry. Each invocation sends one late reading into each of {@value #HOURS}
 * closed hours and lets the recompute delay pass: {@value #HOURS} source-hours read back and computed through
 * {@link SourceHourAccounting}, each of 3,660 readings (a 1 Hz fuel gas flow and a per-minute HHV). The score is per
 * source-hour. {@code archive}: {@code memory}, the stored telemetry in a map (the job's own cost), or {@code influx},
 * the job's {@link InfluxTelemetryArchive} querying a real influxd that holds the same readings (what a recompute
 * costs in production, InfluxDB's answer included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecomputeBench {

    static final int HOURS = 24;
    private static final String SITE = "bench-refinery";
    private static final String SOURCE = "heater-1.stack";
    private static final String FLOW = "heater-1.fuel_gas_flow";
    private static final String HHV = "heater-1.fuel_gas_hhv";
    private static final Instant FIRST_HOUR = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DELAY = Duration.ofSeconds(1);

    @Param({"memory", "influx"})
    public String archive;

    private InfluxDbServer influx;
    private KeyedTwoInputStreamOperatorTestHarness<String, SourceSample, GapNotice, SourceHourResult> harness;
    private long processingTime;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<TelemetryArchive.ArchivedReading> stored = new ArrayList<>();
        for (int s = 0; s < HOURS * 3_600; s++) {
            Instant t = FIRST_HOUR.plusSeconds(s);
            stored.add(new TelemetryArchive.ArchivedReading(FLOW, t, 1200.0 + (s % 97), "GOOD"));
            if (s % 60 == 0) stored.add(new TelemetryArchive.ArchivedReading(HHV, t, 38.5, "GOOD"));
        }
        TelemetryArchive telemetry = archive.equals("influx") ? influxHolding(stored) : new MapArchive(stored);
        String yaml;
        try (InputStream in = RecomputeBench.class.getResourceAsStream("/bench-site.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("SUBSTITUTION", "PROGRAM");
        }
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new SourceHourAccounting(
                new SiteModelText(yaml, "bench-site.yaml"), Duration.ofMinutes(5), Duration.ZERO, telemetry, DELAY)),
                SourceSample::source, GapNotice::source, Types.STRING);
        harness.open();
        harness.processWatermarkStatus2(WatermarkStatus.IDLE);
        // every hour long closed, its state gone: what comes for it now is late
        harness.processWatermark1(new Watermark(FIRST_HOUR.plus(Duration.ofDays(2)).toEpochMilli()));
        harness.getOutput().clear();
    }

    /** An influxd holding the readings where the job's sink writes them ("raw"."telemetry"). */
    private TelemetryArchive influxHolding(List<TelemetryArchive.ArchivedReading> stored) {
        influx = InfluxDbServer.startTemporary();
        String database = "bench";
        influx.createDatabase(database);
        influx.query(database, "CREATE RETENTION POLICY " + InfluxQl.identifier(Measurement.TELEMETRY.retention().policy())
                + " ON " + InfluxQl.identifier(database) + " DURATION INF REPLICATION 1 DEFAULT");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < stored.size(); i++) {
            TelemetryArchive.ArchivedReading r = stored.get(i);
            lines.append(Measurement.TELEMETRY.id()).append(",site=").append(SITE).append(",tag=").append(r.tag())
                    .append(" value=").append(r.value()).append(",quality=\"GOOD\" ")
                    .append(r.ts().getEpochSecond() * 1_000_000_000L).append('\n');
            if (lines.length() > 4_000_000 || i == stored.size() - 1) {
                influx.write(database, lines.toString());
                lines.setLength(0);
            }
        }
        return new InfluxTelemetryArchive(URI.create(influx.url()), database, InfluxCredentials.none());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        harness.close();
        if (influx != null) influx.close();
    }

    @Benchmark
    @OperationsPerInvocation(HOURS)
    public int recompute() throws Exception {
        for (int h = 0; h < HOURS; h++) {
            Instant t = FIRST_HOUR.plus(Duration.ofHours(h)).plusSeconds(1800);
            harness.processElement1(new StreamRecord<>(new SourceSample(SOURCE, "fuelQuantity", FLOW, t, 1250.0, "GOOD"),
                    t.toEpochMilli()));
        }
        processingTime += DELAY.toMillis();
        harness.setProcessingTime(processingTime);
        int results = harness.getOutput().size();
        if (results == 0) throw new IllegalStateException("no source-hour was computed again");
        harness.getOutput().clear();
        return results;
    }

    /** The stored telemetry by tag and time, answered as the archive's contract asks. */
    private static final class MapArchive implements TelemetryArchive {

        private final Map<String, NavigableMap<Instant, ArchivedReading>> byTag = new java.util.HashMap<>();

        MapArchive(List<ArchivedReading> stored) {
            stored.forEach(r -> byTag.computeIfAbsent(r.tag(), t -> new TreeMap<>()).put(r.ts(), r));
        }

        @Override
        public List<ArchivedReading> read(String site, Collection<String> tags, Instant from, Instant to) {
            List<ArchivedReading> readings = new ArrayList<>();
            for (String tag : tags) readings.addAll(byTag.getOrDefault(tag, new TreeMap<>()).subMap(from, to).values());
            readings.sort(java.util.Comparator.comparing(ArchivedReading::ts));
            return readings;
        }

        @Override
        public Optional<ArchivedReading> lastGoodBefore(String site, String tag, Instant t) {
            return Optional.ofNullable(byTag.getOrDefault(tag, new TreeMap<>()).lowerEntry(t)).map(Map.Entry::getValue);
        }

        @Override
        public Optional<ArchivedReading> firstGoodFrom(String site, String tag, Instant t) {
            return Optional.ofNullable(byTag.getOrDefault(tag, new TreeMap<>()).ceilingEntry(t)).map(Map.Entry::getValue);
        }
    }
}
