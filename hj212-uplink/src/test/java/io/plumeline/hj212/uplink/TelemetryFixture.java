package io.plumeline.hj212.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.platform.TestPlatform;
import io.plumeline.hj212.site.Hj212Stacks;
import io.plumeline.stack.InfluxDbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A real influxd (local-stack's {@link InfluxDbServer}) holding the cn-site stack's SO2 at 50 mg/Nm3 and flue gas
 * flow at 120000 Nm3/h, three readings a minute each, where the Flink job writes telemetry ("raw"); and the checks
 * the uplink's delivery tests share.
 */
final class TelemetryFixture {

    static final String DB = "plumeline";
    static final String SITE = "cn-test";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static InfluxDbServer influx;

    private TelemetryFixture() {
    }

    static synchronized InfluxDbServer influx() {
        if (influx == null) {
            influx = InfluxDbServer.startTemporary();
            influx.createDatabase(DB);
            influx.query(DB, "CREATE RETENTION POLICY " + InfluxQl.identifier(Measurement.Retention.RAW.policy()) + " ON "
                    + InfluxQl.identifier(DB) + " DURATION 90d REPLICATION 1 DEFAULT");
        }
        return influx;
    }

    /** Readings for every minute from {@code from} (a minute start) for {@code minutes} minutes. */
    static void writeMinutes(Instant from, int minutes) {
        StringBuilder lines = new StringBuilder();
        for (int m = 0; m < minutes; m++) {
            for (int s = 0; s < 60; s += 20) {
                long ns = InfluxQl.nanos(from.plusSeconds(60L * m + s));
                lines.append(point("boiler-1.so2", 50, ns)).append(point("boiler-1.flow", 120000, ns));
            }
        }
        influx().write(DB, lines.toString());
    }

    private static String point(String tag, double value, long ns) {
        return Measurement.TELEMETRY.id() + "," + Keys.SITE + "=" + SITE + "," + Keys.UNIT + "=boiler-1," + Keys.TAG + "=" + tag
                + " " + Keys.VALUE + "=" + value + "," + Keys.STATUS + "=0," + Keys.QUALITY + "=\"GOOD\" " + ns + "\n";
    }

    /** A test platform on a free port of this machine that takes the fixture's password. */
    static TestPlatform platform() throws IOException {
        return new TestPlatform(InetAddress.getLoopbackAddress(), 0, Optional.of("123456"), r -> { }).start();
    }

    /**
     * An uplink of the cn-site stack making {@code commands} from {@code first} on for one platform on this machine,
     * without delay, waiting 0.5 s for an acknowledgement and polling every 0.2 s.
     */
    static Uplink uplink(Path dir, List<String> commands, Instant first, int port) {
        return uplink(dir, commands, first, port, UplinkSettings.TimeCalibration.REFUSE);
    }

    /** The same, answering a platform's CN 1012 as {@code timeCalibration} says. */
    static Uplink uplink(Path dir, List<String> commands, Instant first, int port, UplinkSettings.TimeCalibration timeCalibration) {
        SiteModel model = SiteModelLoader.load(site(dir));
        UplinkSettings settings = new UplinkSettings(dir.resolve("spool"), 1 << 20, commands, Duration.ofSeconds(30), first,
                Duration.ZERO, Duration.ofMillis(500), 2, Duration.ofMillis(200),
                List.of(new UplinkSettings.Platform("provincial", "127.0.0.1", port, "123456")), timeCalibration);
        return new Uplink(model, Hj212Stacks.of(model, Map.of()), settings, URI.create(influx().url()), DB, Optional.empty(),
                Optional.empty());
    }

    static Path site(Path dir) {
        try (var in = TelemetryFixture.class.getResourceAsStream("/cn-site.yaml")) {
            Path file = dir.resolve("cn-site.yaml");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path password(Path dir) throws IOException {
        return Files.writeString(dir.resolve("pw"), "123456\n", StandardCharsets.US_ASCII);
    }

    static Instant minutesAgo(int minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MINUTES);
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    /** The acknowledged packets' DataTimes, in arrival order. */
    static List<Instant> acknowledgedDataTimes(TestPlatform platform) {
        return platform.received().stream().filter(r -> r.outcome() == TestPlatform.Outcome.ACKNOWLEDGED)
                .map(r -> StackPackets.dataTime(r.packet(), SHANGHAI)).toList();
    }

    /**
     * Every minute from {@code first} on, each acknowledged once and in order; an acknowledged packet seen again
     * must be a resend of the same packet (same QN), which the platform can tell apart.
     */
    static void assertEveryMinuteOnceInOrder(TestPlatform platform, Instant first, int atLeast) {
        List<TestPlatform.Received> acked = platform.received().stream()
                .filter(r -> r.outcome() == TestPlatform.Outcome.ACKNOWLEDGED).toList();
        List<Instant> distinct = new ArrayList<>();
        Set<String> qns = new HashSet<>();
        for (TestPlatform.Received r : acked) {
            Instant minute = StackPackets.dataTime(r.packet(), SHANGHAI);
            if (!qns.add(r.packet().qn())) {
                assertThat(distinct).as("a repeated QN is a resend of the newest packet").last().isEqualTo(minute);
                continue;
            }
            distinct.add(minute);
        }
        assertThat(distinct.size()).isGreaterThanOrEqualTo(atLeast);
        for (int i = 0; i < distinct.size(); i++) {
            assertThat(distinct.get(i)).as("packet %d", i).isEqualTo(first.plus(Duration.ofMinutes(i)));
        }
        Packet any = acked.get(0).packet();
        // 50 mg/Nm3 × 120000 Nm3/h / 60 × 1e-6 = 0.1 kg of SO2 each minute
        assertThat(any.cp().get("a21026-Cou")).contains("0.1000");
        assertThat(any.cp().get("a21026-Avg")).contains("50.000");
    }
}
