package io.plumeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import io.plumeline.stack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole pipeline on this machine: the plant simulator serving N tags at 1 Hz → edge collector → Kafka →
 * the Flink job (its own process, local MiniCluster) → InfluxDB, each its own process. The simulator produces a
 * fixed number of ticks per tag once every item is monitored, so the count in InfluxDB at the end proves whether
 * anything was lost; a proxy in front of InfluxDB times every reading from its source timestamp to the
 * acknowledged write.
 */
final class PipelineRun implements Scenario {

    private static final Pattern TICK_0 = Pattern.compile("Tick 0 at wall time (\\S+) and source time (\\S+),");
    private static final int SOURCES = 50;

    private final String id;
    private final String title;
    private final int tags;
    private final long quickTicks;
    private final long fullTicks;
    private final boolean headline;

    private PipelineRun(String id, String title, int tags, long quickTicks, long fullTicks, boolean headline) {
        this.id = id;
        this.title = title;
        this.tags = tags;
        this.quickTicks = quickTicks;
        this.fullTicks = fullTicks;
        this.headline = headline;
    }

    static PipelineRun latency() {
        return new PipelineRun("latency", "4. Latency from source timestamp to InfluxDB at a steady 5,000 readings/s",
                5_000, 120, 900, false);
    }

    /** The headline at {@code tags} tags (issue 19's bar: 50,000, a large refining and chemicals complex). */
    static PipelineRun headline(int tags) {
        return new PipelineRun("headline", String.format("6. Headline: %,d tags at 1 Hz, simulator → collector → Kafka"
                + " → Flink → InfluxDB", tags), tags, 240, 3_600, true);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void run(BenchContext ctx, Results results) throws Exception {
        long ticks = ctx.size(quickTicks, fullTicks);
        long warmUp = 30;
        Duration interval = Duration.ofSeconds(ctx.size(30, 60));
        KafkaBroker kafka = ctx.kafka();
        InfluxDbServer influx = ctx.influx();
        String database = "pipeline_" + id;
        String topic = "bench." + id;
        kafka.createTopic(topic, 4);
        kafka.createTopic(topic + ".dlq", 1);
        int opcPort = Ports.free();
        BenchSite site = BenchSite.generate("bench-" + id, tags, SOURCES, "opc.tcp://127.0.0.1:" + opcPort + "/plumeline");
        Path siteFile = site.writeTo(ctx.work.resolve("sites"));
        String siteArg = siteFile.toString();

        try (LatencyProxy proxy = new LatencyProxy(influx.url())) {
            ChildProcess flink = ctx.launch("flink-" + id, "flink-jobs", "io.plumeline.flink.PlumelineJob", "1g",
                    List.of("--site", siteArg, "--kafka", kafka.bootstrapServers(), "--influx", proxy.url(),
                            "--influx-db", database, "--topic", topic, "--dlq-topic", topic + ".dlq",
                            "--group-id", "bench-" + id, "--checkpoint-dir", ctx.work.resolve("checkpoints-" + id).toUri().toString(),
                            "--no-resume"));
            flink.awaitLogLine(Pattern.compile(Pattern.quote(ReadyLines.JOB)), Duration.ofSeconds(180));
            ChildProcess simulator = ctx.launch("simulator-" + id, "plant-simulator", "io.plumeline.simulator.PlantSimulator",
                    "1500m", List.of("--site", siteArg, "--speed", "1", "--await-items", Integer.toString(tags),
                            "--ticks", Long.toString(ticks), "--history", "10",
                            "--pki", ctx.work.resolve("simulator-pki").toString()));
            simulator.awaitLogLine(Pattern.compile(Pattern.quote(ReadyLines.SIMULATOR)), Duration.ofSeconds(180));
            int http = Ports.free();
            ChildProcess collector = ctx.launch("edge-collector-" + id, "edge-collector", "io.plumeline.edge.EdgeCollector",
                    "1g", List.of("--site", siteArg, "--kafka", kafka.bootstrapServers(), "--topic", topic,
                            "--spool-dir", ctx.work.resolve("spool-" + id).toString(), "--http-port", Integer.toString(http),
                            "--pki", ctx.work.resolve("edge-pki").toString()));
            collector.awaitLogLine(Pattern.compile(Pattern.quote(ReadyLines.COLLECTOR)), Duration.ofSeconds(120));
            ctx.progress("%,d tags, %,d ticks each: Flink job, simulator and collector started; waiting for tick 0", tags, ticks);
            simulator.awaitReady(() -> BenchContext.findInLog(simulator, TICK_0) != null, Duration.ofSeconds(300),
                    "did not start ticking (not all " + tags + " items monitored?)");
            Matcher tick0 = BenchContext.findInLog(simulator, TICK_0);
            long wall0 = Instant.parse(tick0.group(1)).toEpochMilli();
            long source0 = Instant.parse(tick0.group(2)).toEpochMilli();
            Histogram overall = new Histogram();
            proxy.record(source0 + warmUp * 1000, wall0 - source0, overall);
            ctx.progress("tick 0 at %s; recording from tick %d on", tick0.group(1), warmUp);

            // the steady window: from the end of the warm-up to the last tick
            long windowStart = wall0 + warmUp * 1000;
            long windowEnd = wall0 + ticks * 1000;
            BenchContext.sleep(Duration.ofMillis(Math.max(0, windowStart - System.currentTimeMillis())));
            List<BenchContext.NamedPid> processes = ctx.processes();
            Map<String, ProcStats.CpuMeter> cpu = new LinkedHashMap<>();
            Map<String, Double> rss = new LinkedHashMap<>();
            processes.forEach(p -> cpu.put(p.name(), new ProcStats.CpuMeter(p.pid())));
            double machine0 = ProcStats.machineBusySeconds();
            long stored0 = proxy.telemetryWritten();
            long t0 = System.nanoTime();
            List<Double> intervalP99 = new ArrayList<>();
            List<Double> intervalP50 = new ArrayList<>();
            while (System.currentTimeMillis() < windowEnd) {
                Histogram current = new Histogram();
                proxy.interval(current);
                BenchContext.sleep(Duration.ofMillis(Math.min(interval.toMillis(), Math.max(1, windowEnd - System.currentTimeMillis()))));
                processes.forEach(p -> rss.merge(p.name(), ProcStats.rssMiB(p.pid()), Math::max));
                if (current.count() > 0) {
                    intervalP50.add(current.percentile(0.5));
                    intervalP99.add(current.percentile(0.99));
                }
                ctx.progress("tick %,d of %,d · %,d readings written · p50 %s ms · p99 %s ms (last %d s)",
                        Math.min(ticks, (System.currentTimeMillis() - wall0) / 1000), ticks, proxy.telemetryWritten(),
                        Results.format(current.percentile(0.5)), Results.format(current.percentile(0.99)), interval.toSeconds());
                requireAlive(flink, simulator, collector);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double throughput = (proxy.telemetryWritten() - stored0) / seconds;
            Map<String, Double> cpuPercent = new LinkedHashMap<>();
            cpu.forEach((name, meter) -> cpuPercent.put(name, meter.percentOfOneCore()));
            double machineBusy = 100 * (ProcStats.machineBusySeconds() - machine0) / seconds / Runtime.getRuntime().availableProcessors();

            long expected = (long) tags * ticks;
            long stored = awaitStored(ctx, influx, database, expected);
            long perTagMin = Long.MAX_VALUE;
            long perTagMax = 0;
            JsonNode perTag = influx.query(database, "SELECT count(" + InfluxQl.identifier(Keys.STATUS) + ") FROM " + InfluxQl.qualified(Measurement.TELEMETRY)
                    + " GROUP BY " + InfluxQl.identifier(Keys.TAG));
            int series = 0;
            for (JsonNode s : perTag.path("results").path(0).path("series")) {
                long n = s.path("values").path(0).path(1).asLong();
                perTagMin = Math.min(perTagMin, n);
                perTagMax = Math.max(perTagMax, n);
                series++;
            }
            long inKafka = kafka.messageCount(topic);
            long deadLetters = kafka.messageCount(topic + ".dlq");
            ctx.stop(collector);
            ctx.stop(simulator);
            ctx.stop(flink);

            String steady = String.format("ticks %d–%d (%.0f s)", warmUp, ticks, seconds);
            results.add(id, "readings stored per second, steady window", "readings/s", Stats.of(throughput),
                    "telemetry points acknowledged by InfluxDB over " + steady);
            results.add(id, "latency p50, source timestamp → InfluxDB", "ms", new Stats(intervalP50.isEmpty() ? List.of(overall.percentile(0.5)) : intervalP50),
                    String.format("overall %s ms over %,d readings; spread and runs = %d-s intervals", Results.format(overall.percentile(0.5)), overall.count(), interval.toSeconds()));
            results.add(id, "latency p99, source timestamp → InfluxDB", "ms", new Stats(intervalP99.isEmpty() ? List.of(overall.percentile(0.99)) : intervalP99),
                    String.format("overall %s ms; p90 %s ms; max %s ms", Results.format(overall.percentile(0.99)),
                            Results.format(overall.percentile(0.9)), Results.format(overall.percentile(1.0))));
            cpuPercent.forEach((name, pct) -> results.add(id, "CPU " + name, "% of a core", Stats.of(pct),
                    "over the steady window; peak RSS " + Results.format(rss.getOrDefault(name, Double.NaN)) + " MiB"));
            results.add(id, "machine CPU busy (all processes, all cores)", "%", Stats.of(machineBusy),
                    "/proc/stat over the steady window, includes other work on the machine");
            results.add(id, "readings lost (produced − stored in InfluxDB)", "readings", Stats.of(expected - stored),
                    String.format("%,d tags × %,d ticks = %,d produced; %,d stored; %,d in Kafka; per tag %d–%d over %,d tags; %d dead letters",
                            tags, ticks, expected, stored, inKafka, perTagMin, perTagMax, series, deadLetters));
            double p99 = overall.percentile(0.99);
            results.goal(id, "p99 latency ≤ 2 s" + (headline ? String.format(" (%,d tags)", tags) : " at 5,000 readings/s"),
                    String.format("p99 %s ms, p50 %s ms at %,.0f readings/s", Results.format(p99), Results.format(overall.percentile(0.5)), throughput),
                    p99 <= 2000);
            if (headline) {
                results.goal(id, (ctx.quick ? "headline (quick, " + ticks + " s)" : "headline hour") + " holds with nothing lost",
                        String.format("%,d of %,d readings stored, %,.0f readings/s, machine %.0f %% busy", stored, expected, throughput, machineBusy),
                        stored == expected && throughput >= 0.95 * tags);
            }
            results.note(id, String.format("Site: %,d tags (%d EPA_C2A sources under the program's rule) on one simulated OPC UA server at"
                    + " 1 Hz; --ticks %d with --await-items, so tick 0 comes once every item is monitored. Latency is measured"
                    + " by a proxy between the Flink job's sink and InfluxDB: acknowledged-write time minus the reading's source"
                    + " timestamp mapped to the simulator's wall clock; ticks before %d are warm-up.", tags, SOURCES, ticks, warmUp));
        }
    }

    private static void requireAlive(ChildProcess... children) {
        for (ChildProcess child : children) {
            if (!child.isAlive()) throw child.failure("stopped during the run (exit code " + child.exitCode() + ")");
        }
    }

    /** Waits until every reading is in InfluxDB or nothing has arrived for a minute; returns the count. */
    private static long awaitStored(BenchContext ctx, InfluxDbServer influx, String database, long expected) {
        long stored = 0;
        long lastChange = System.nanoTime();
        while (true) {
            long now = influx.count(database, Measurement.TELEMETRY, Keys.STATUS, null);
            if (now != stored) lastChange = System.nanoTime();
            stored = now;
            if (stored >= expected || System.nanoTime() - lastChange > Duration.ofSeconds(60).toNanos()) break;
            BenchContext.sleep(Duration.ofSeconds(2));
        }
        ctx.progress("%,d of %,d readings in InfluxDB", stored, expected);
        return stored;
    }
}
