package io.plumeline.flink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.Ports;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a real influxd that is down when the job starts and goes away again while it writes. */
class InfluxDbSinkTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final int POINTS = 1_000;
    // 04:00 two days ago: recent, because InfluxDB refuses telemetry older than the raw retention (90 days)
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)).plus(Duration.ofHours(4));

    /** Raw and result points, alternately, so that both retention policies are written. */
    private record Point(Instant t0) implements GeneratorFunction<Long, InfluxPoint> {
        @Override
        public InfluxPoint map(Long i) {
            String line = LinePoint.measurement("telemetry").tag("tag", "t").field("value", i * 0.5)
                    .timestamp(t0.plusSeconds(i)).toLine();
            return i % 2 == 0 ? InfluxPoint.raw(line) : InfluxPoint.forever(line);
        }
    }

    @Test
    void noPointIsLostWhileInfluxDbIsDown(@TempDir Path data) throws Exception {
        int port = Ports.free();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(300);
        // 200 points a second: the job writes for about 5 s, long enough to lose InfluxDB in the middle
        env.fromSource(new DataGeneratorSource<>(new Point(T0), POINTS, RateLimiterStrategy.perSecond(200),
                                TypeInformation.of(InfluxPoint.class)),
                        WatermarkStrategy.noWatermarks(), "points")
                .sinkTo(new InfluxDbSink(URI.create("http://127.0.0.1:" + port), "sinktest", RetentionPolicies.defaults(), 100,
                        Duration.ofMillis(200), Duration.ofSeconds(60)));

        CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
            try {
                env.execute("sink");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1_000); // the writer is retrying CREATE DATABASE against nothing
        InfluxDbServer influx = start(data, port);
        try {
            Thread.sleep(1_500);
            influx.close();
            assertThat(job).as("the job waits for InfluxDB instead of ending").isNotDone();
            Thread.sleep(1_500);
            influx = start(data, port);
            job.get();

            assertThat(count(influx, "raw")).isEqualTo(POINTS / 2);
            assertThat(count(influx, "forever")).isEqualTo(POINTS / 2);
            var last = influx.query("sinktest", "SELECT last(\"value\") FROM \"forever\".\"telemetry\"")
                    .path("results").path(0).path("series").path(0).path("values").path(0);
            assertThat(Instant.parse(last.path(0).asText())).isEqualTo(T0.plusSeconds(POINTS - 1));
            assertThat(last.path(1).asDouble()).isEqualTo((POINTS - 1) * 0.5);
        } finally {
            influx.close();
        }
    }

    /** Fails the job {@code name} once, when point {@code at} passes: the restart replays from the last checkpoint. */
    private record FailOnce(String name, long at) implements MapFunction<InfluxPoint, InfluxPoint> {
        static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

        @Override
        public InfluxPoint map(InfluxPoint point) {
            if (point.line().endsWith(" " + InfluxQl.nanos(T0.plusSeconds(at))) && FAILED.add(name)) {
                throw new IllegalStateException("failing once at point " + at + " to restart from the last checkpoint");
            }
            return point;
        }
    }

    /**
     * While InfluxDB has not answered a write, the next batch grows past the batch size, up to four times it and
     * no further; one write per retention policy is in flight at a time. A failure after checkpoints loses
     * nothing: each checkpoint sent and awaited every point it acknowledged, and the rest is replayed.
     */
    @Test
    void batchesGrowWhileAWriteIsInFlightAndACheckpointLosesNothing(@TempDir Path data) throws Exception {
        int points = 6_000;
        int batchSize = 100;
        try (InfluxDbServer influx = start(data, Ports.free());
             SlowInfluxDbRelay slow = new SlowInfluxDbRelay(influx.url(), Duration.ofMillis(250))) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.enableCheckpointing(200);
            // 2,000 points a second, 1,000 of them per retention policy: 250 in each while a write is held
            env.fromSource(new DataGeneratorSource<>(new Point(T0), points, RateLimiterStrategy.perSecond(2_000),
                                    TypeInformation.of(InfluxPoint.class)), WatermarkStrategy.noWatermarks(), "points")
                    .map(new FailOnce("adaptive batches", 4_000))
                    .sinkTo(new InfluxDbSink(URI.create(slow.url()), "sinktest", RetentionPolicies.defaults(), batchSize,
                            Duration.ofMillis(200), Duration.ofSeconds(30)));
            env.execute("adaptive batches");

            assertThat(FailOnce.FAILED).as("the job failed once and restarted").contains("adaptive batches");
            assertThat(count(influx, "raw")).isEqualTo(points / 2);
            assertThat(count(influx, "forever")).isEqualTo(points / 2);
            List<Integer> batches = slow.linesPerWrite();
            // points alternate between the two policies: a round at the maximum carries half of it in each write
            assertThat(batches).as("lines per write").allMatch(lines -> lines <= 4 * batchSize / 2)
                    .anyMatch(lines -> lines > batchSize);
            assertThat(slow.mostWritesInFlight()).as("one write per retention policy in flight").isLessThanOrEqualTo(2);
        }
    }

    /**
     * With batches too large and a flush interval too long to send anything on their own, only the checkpoints
     * write: each must send and await every point it acknowledges, or a failure after it loses them (the
     * restart replays only what came after the checkpoint).
     */
    @Test
    void aCheckpointWritesEveryPointItAcknowledges(@TempDir Path data) throws Exception {
        int points = 3_000;
        try (InfluxDbServer influx = start(data, Ports.free())) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.enableCheckpointing(200);
            env.fromSource(new DataGeneratorSource<>(new Point(T0), points, RateLimiterStrategy.perSecond(1_000),
                                    TypeInformation.of(InfluxPoint.class)), WatermarkStrategy.noWatermarks(), "points")
                    .map(new FailOnce("checkpoint flush", 2_000))
                    .sinkTo(new InfluxDbSink(URI.create(influx.url()), "sinktest", RetentionPolicies.defaults(), 1_000_000,
                            Duration.ofHours(1), Duration.ofSeconds(30)));
            env.execute("checkpoint flush");

            assertThat(FailOnce.FAILED).as("the job failed once and restarted").contains("checkpoint flush");
            assertThat(count(influx, "raw")).isEqualTo(points / 2);
            assertThat(count(influx, "forever")).isEqualTo(points / 2);
        }
    }

    /** Results with a record of 10 kB each (a lineage record is a few), 30 MB in all. */
    private record BigPoint(Instant t0) implements GeneratorFunction<Long, InfluxPoint> {
        @Override
        public InfluxPoint map(Long i) {
            return InfluxPoint.forever(LinePoint.measurement("lineage").tag("source", "s" + i % 7)
                    .field("record", "x".repeat(10_000) + i).field("value", i * 0.5).timestamp(t0.plusSeconds(i)).toLine());
        }
    }

    /**
     * A batch over InfluxDB's max-body-size (25 MB by default) is answered 413: the sink sends it again in
     * halves rather than dropping it. The byte limit that keeps batches under it is set out of reach here.
     */
    @Test
    void aBatchOverTheServersBodyLimitIsWrittenInParts(@TempDir Path data) throws Exception {
        int points = 3_000;
        try (InfluxDbServer influx = start(data, Ports.free())) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.fromSource(new DataGeneratorSource<>(new BigPoint(T0), points, TypeInformation.of(InfluxPoint.class)),
                            WatermarkStrategy.noWatermarks(), "big points")
                    .sinkTo(new InfluxDbSink(URI.create(influx.url()), "sinktest", RetentionPolicies.defaults(), 100_000,
                            64 * 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(30)));
            env.execute("big batch");

            assertThat(influx.query("sinktest", "SELECT count(\"value\") FROM \"forever\".\"lineage\"")
                    .path("results").path(0).path("series").path(0).path("values").path(0).path(1).asLong())
                    .isEqualTo(points);
        }
    }

    private static long count(InfluxDbServer influx, String rp) {
        return influx.query("sinktest", "SELECT count(\"value\") FROM \"" + rp + "\".\"telemetry\"")
                .path("results").path(0).path("series").path(0).path("values").path(0).path(1).asLong();
    }

    private static InfluxDbServer start(Path data, int port) {
        return InfluxDbServer.start(data, port, data.resolve("influxd.log"), Duration.ofSeconds(30));
    }
}
