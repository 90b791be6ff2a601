package io.plumeline.bench;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.influx.InfluxDbSink;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.RetentionPolicies;
import io.plumeline.flink.sink.ReadingToPoint;
import io.plumeline.stack.InfluxDbServer;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * 1. InfluxDB's own ingest limit — line protocol POSTed to /write by plain HTTP clients, with the batch size and
 * thread count that do best — against Plumeline's Flink InfluxDB sink writing the same telemetry points.
 */
final class InfluxIngest implements Scenario {

    static final int TAGS = 2_000;
    private static final int[] BATCHES_QUICK = {5_000, 20_000, 40_000};
    private static final int[] BATCHES_FULL = {1_000, 5_000, 10_000, 20_000, 40_000};
    private static final int[] THREADS = {1, 2};
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();

    @Override
    public String id() {
        return "influx";
    }

    @Override
    public String title() {
        return "1. InfluxDB ingest: raw line protocol over HTTP vs the Flink InfluxDB sink";
    }

    /** Point i: tag i mod TAGS, one second apart per tag, ending before {@code end}; the same for both sides. */
    record Points(int count, long firstSecond) implements GeneratorFunction<Long, InfluxPoint>, Serializable {

        static Points recent(int count) {
            long seconds = (count + TAGS - 1) / TAGS;
            return new Points(count, Instant.now().truncatedTo(ChronoUnit.HOURS).minusSeconds(seconds).getEpochSecond());
        }

        String line(long i) {
            int tag = (int) (i % TAGS);
            Instant ts = Instant.ofEpochSecond(firstSecond + i / TAGS, 500_000_000L);
            Reading reading = Reading.of("bench-ingest", "u" + tag / 100 + ".t" + tag, ts, 100 + (i % 977) / 10.0,
                    0, ts, i);
            return ReadingToPoint.toLine(reading, "u" + tag / 100);
        }

        @Override
        public InfluxPoint map(Long index) {
            return InfluxPoint.raw(line(index));
        }
    }

    @Override
    public void run(BenchContext ctx, Results results) throws Exception {
        int count = ctx.size(1_000_000, 2_000_000);
        InfluxDbServer influx = ctx.influx();
        Points points = Points.recent(count);
        List<String> lines = new ArrayList<>(count);
        for (long i = 0; i < count; i++) lines.add(points.line(i));
        ctx.progress("%,d telemetry points of %,d tags (%d bytes a line on average)", count, TAGS,
                lines.stream().mapToInt(String::length).sum() / count);

        HttpClient http = HttpClient.newHttpClient();
        Stats best = null;
        String bestName = null;
        double[][] bestCpu = null;
        int db = 0;
        for (int batch : ctx.quick ? BATCHES_QUICK : BATCHES_FULL) {
            List<byte[]> bodies = bodies(lines, batch);
            for (int threads : THREADS) {
                double[] rates = new double[ctx.runs];
                double[][] cpu = new double[2][ctx.runs];
                for (int r = 0; r < ctx.runs; r++) {
                    String database = "ingest_raw_" + db++;
                    influx.createDatabase(database);
                    influx.query(database, "CREATE RETENTION POLICY \"raw\" ON \"" + database
                            + "\" DURATION 90d REPLICATION 1 SHARD DURATION 1d DEFAULT");
                    CpuPerPoint meter = new CpuPerPoint(influx.pid());
                    long t0 = System.nanoTime();
                    post(http, influx.url(), database, bodies, threads);
                    rates[r] = count / ((System.nanoTime() - t0) / 1e9);
                    meter.stop(count, cpu, r);
                    requireCount(influx, database, count);
                    influx.query(null, "DROP DATABASE \"" + database + "\"");
                }
                Stats stats = Stats.of(rates);
                String name = "raw /write, " + String.format("%,d", batch) + "-point batches, " + threads + " thread" + (threads > 1 ? "s" : "");
                results.add(id(), name, "points/s", stats, "java.net.http POSTs of prepared bodies, fresh database a run");
                ctx.progress("%s: %,.0f points/s", name, stats.median());
                if (best == null || stats.median() > best.median()) {
                    best = stats;
                    bestName = name;
                    bestCpu = cpu;
                }
            }
        }

        // the raw client is warm from the configurations before; the sink's JIT gets one untimed run of its own
        sinkRun(influx, Points.recent(count / 2), "ingest_sink_warmup");
        ctx.progress("Flink sink warm-up run done");
        double[] sinkRates = new double[ctx.runs];
        double[][] sinkCpu = new double[2][ctx.runs];
        for (int r = 0; r < ctx.runs; r++) {
            CpuPerPoint meter = new CpuPerPoint(influx.pid());
            sinkRates[r] = sinkRun(influx, points, "ingest_sink_" + r);
            meter.stop(count, sinkCpu, r);
            ctx.progress("Flink sink run %d: %,.0f points/s", r + 1, sinkRates[r]);
        }
        Stats sink = Stats.of(sinkRates);
        results.add(id(), "Flink InfluxDbSink (10,000–40,000-point adaptive batches, parallelism " + PARALLELISM + ")", "points/s", sink,
                "DataGeneratorSource → InfluxDbSink.of(..) in a MiniCluster; first point at the sink → end-of-input flush, after an untimed warm-up run");
        String perPoint = "ms of CPU per 1,000 points";
        results.add(id(), "CPU, best raw: influxd", perPoint, Stats.of(bestCpu[0]), "/proc/<pid>/stat over each run of " + bestName);
        results.add(id(), "CPU, best raw: the client (bench JVM)", perPoint, Stats.of(bestCpu[1]), "the same runs; bodies prepared before");
        results.add(id(), "CPU, Flink sink: influxd", perPoint, Stats.of(sinkCpu[0]), "/proc/<pid>/stat over each sink run");
        results.add(id(), "CPU, Flink sink: the job (bench JVM)", perPoint, Stats.of(sinkCpu[1]),
                "the same runs, MiniCluster start and stop included: the points built and written on the 2 cores influxd shares");
        double ratio = sink.median() / best.median();
        results.add(id(), "ratio Flink sink / best raw", "", Stats.of(ratio), "medians; best raw: " + bestName);
        results.goal(id(), "Flink sink ingest ≥ 90 % of raw InfluxDB ingest",
                String.format("%.0f %% (%,.0f vs %,.0f points/s)", 100 * ratio, sink.median(), best.median()), ratio >= 0.9);
    }

    /** influxd's and this JVM's CPU over one run, per 1,000 points. */
    private static final class CpuPerPoint {
        private final long influxPid;
        private final double influx0;
        private final double self0 = ProcStats.cpuSeconds(ProcessHandle.current().pid());

        CpuPerPoint(long influxPid) {
            this.influxPid = influxPid;
            this.influx0 = ProcStats.cpuSeconds(influxPid);
        }

        void stop(int points, double[][] into, int run) {
            into[0][run] = 1e6 * (ProcStats.cpuSeconds(influxPid) - influx0) / points;
            into[1][run] = 1e6 * (ProcStats.cpuSeconds(ProcessHandle.current().pid()) - self0) / points;
        }
    }

    private static double sinkRun(InfluxDbServer influx, Points points, String database) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.getConfig().enableObjectReuse(); // as PlumelineJob runs
        env.fromSource(new DataGeneratorSource<>(points, points.count(), TypeInformation.of(InfluxPoint.class)),
                        WatermarkStrategy.noWatermarks(), "points")
                .sinkTo(new TimedSink<>(database, InfluxDbSink.of(URI.create(influx.url()), database, RetentionPolicies.defaults())));
        env.execute("bench influx sink " + database);
        requireCount(influx, database, points.count());
        influx.query(null, "DROP DATABASE \"" + database + "\"");
        return points.count() / TimedSink.span(database).seconds();
    }

    private static List<byte[]> bodies(List<String> lines, int batch) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += batch) {
            bodies.add(String.join("\n", lines.subList(from, Math.min(lines.size(), from + batch)))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static void post(HttpClient http, String url, String database, List<byte[]> bodies, int threads)
            throws Exception {
        URI uri = URI.create(url + "/write?db=" + database + "&rp=raw&precision=ns");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 204) {
                            throw new IOException("InfluxDB refused a batch: HTTP " + response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    static void requireCount(InfluxDbServer influx, String database, long expected) {
        long stored = influx.count(database, Measurement.TELEMETRY, Keys.STATUS, null);
        if (stored != expected) {
            throw new IllegalStateException(database + ": " + stored + " telemetry points stored, " + expected + " written");
        }
    }
}
