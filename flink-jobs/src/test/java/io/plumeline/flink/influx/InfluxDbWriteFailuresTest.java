package io.plumeline.flink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.stack.InfluxDbServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Writes answered 401, 404 or 500 are retried until they pass, not dropped: every point reaches the real
 * influxd behind the relay. The relay answers them itself, because a healthy influxd gives none of them at
 * will (a 404 comes from a proxy that lost its route, a 500 from a server in trouble).
 */
class InfluxDbWriteFailuresTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final int POINTS = 600;
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    private static InfluxDbServer influx;

    @BeforeAll
    static void start() {
        influx = InfluxDbServer.startTemporary();
    }

    @AfterAll
    static void stop() {
        influx.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401 | {\"error\":\"authorization failed\"}",
            "404 | 404 page not found",
            "500 | {\"error\":\"timeout\"}"})
    void aFailedWriteIsRetriedUntilEveryPointIsWritten(int status, String body) throws Exception {
        String database = "failures" + status;
        try (SlowInfluxDbRelay relay = new SlowInfluxDbRelay(influx.url(), Duration.ZERO)) {
            // five failures in a row: 0.1 + 0.2 + 0.4 + 0.8 + 1.6 s of backoff, well inside the 30 s of retries
            relay.failWrites(status, body, 5);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.enableCheckpointing(200);
            env.fromSource(new DataGeneratorSource<>(new InfluxDbAuthTest.Point(T0), POINTS, RateLimiterStrategy.perSecond(300),
                            TypeInformation.of(InfluxPoint.class)), WatermarkStrategy.noWatermarks(), "points")
                    .sinkTo(new InfluxDbSink(URI.create(relay.url()), database, RetentionPolicies.defaults(), 100,
                            Duration.ofMillis(200), Duration.ofSeconds(30)));
            env.execute("failures " + status);

            assertThat(relay.faultsLeft()).as("every fault was answered").isZero();
            assertThat(influx.count(database, "raw", "telemetry", "value")).isEqualTo(POINTS);
        }
    }
}
