package io.plumeline.flink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.stack.InfluxDbServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
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

/**
 * The sink against a real influxd with {@code auth-enabled = true}: a wrong password writes nothing and holds
 * every checkpoint (so Kafka offsets, committed on checkpoints, cannot pass the unwritten points); once the
 * password file is right, every point is delivered without a restart.
 */
class InfluxDbAuthTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final int POINTS = 2_000;
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));

    /** Raw telemetry of one tag, a second apart from {@code t0}. */
    record Point(Instant t0) implements GeneratorFunction<Long, InfluxPoint> {
        @Override
        public InfluxPoint map(Long i) {
            return InfluxPoint.raw(LinePoint.measurement("telemetry").tag("tag", "t").field("value", i * 0.5)
                    .timestamp(t0.plusSeconds(i)).toLine());
        }
    }

    /** Counts the checkpoints Flink reports complete to the task. */
    private static final class Checkpoints implements MapFunction<InfluxPoint, InfluxPoint>, CheckpointListener {
        static final AtomicLong COMPLETED = new AtomicLong();

        @Override
        public InfluxPoint map(InfluxPoint point) {
            return point;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.incrementAndGet();
        }
    }

    @Test
    void aWrongPasswordWritesNothingAndHoldsTheCheckpointsUntilTheFileIsCorrected(@TempDir Path dir) throws Exception {
        try (InfluxDbServer influx = InfluxDbServer.startTemporaryWithAuth("admin", "admin-secret")) {
            influx.query(null, "CREATE USER \"plumeline\" WITH PASSWORD 'right' WITH ALL PRIVILEGES");
            Path passwordFile = Files.writeString(dir.resolve("influx-password"), "wrong\n");

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.enableCheckpointing(200);
            // 200 points a second for 10 s: long enough to change the password while the job writes
            env.fromSource(new DataGeneratorSource<>(new Point(T0), POINTS, RateLimiterStrategy.perSecond(200),
                            TypeInformation.of(InfluxPoint.class)), WatermarkStrategy.noWatermarks(), "points")
                    .map(new Checkpoints())
                    .sinkTo(new InfluxDbSink(URI.create(influx.url()), "authtest", RetentionPolicies.defaults(), 100,
                            Duration.ofMillis(200), Duration.ofMinutes(5))
                            .withCredentials(InfluxCredentials.fromFile("plumeline", passwordFile)));
            CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
                try {
                    env.execute("auth");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // a wrong password from the start: the sink cannot even set up the database
            Thread.sleep(3_000);
            assertThat(count(influx)).isZero();
            assertThat(Checkpoints.COMPLETED.get()).as("checkpoints completed with a wrong password").isZero();
            assertThat(job).isNotDone();

            Files.writeString(passwordFile, "right\n");
            await(() -> count(influx) >= 300 && Checkpoints.COMPLETED.get() > 0, "points written with the right password");

            // the password changes in InfluxDB while the job writes: every write is refused from now on
            influx.query(null, "SET PASSWORD FOR \"plumeline\" = 'rotated'");
            Thread.sleep(2_000);
            long written = count(influx);
            long checkpoints = Checkpoints.COMPLETED.get();
            Thread.sleep(3_000);
            assertThat(count(influx)).as("points written with a refused password").isEqualTo(written);
            assertThat(Checkpoints.COMPLETED.get()).as("checkpoints completed while points wait").isEqualTo(checkpoints);
            assertThat(written).isLessThan(POINTS);
            assertThat(job).isNotDone();

            Files.writeString(passwordFile, "rotated");
            job.get(2, TimeUnit.MINUTES);
            assertThat(count(influx)).isEqualTo(POINTS);
        }
    }

    private static long count(InfluxDbServer influx) {
        return influx.count("authtest", "raw", "telemetry", "value");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 60 s: " + what);
            Thread.sleep(100);
        }
    }
}
