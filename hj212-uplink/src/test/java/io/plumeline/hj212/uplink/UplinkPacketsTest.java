package io.plumeline.hj212.uplink;

import static io.plumeline.hj212.uplink.TelemetryFixture.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.platform.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-time and day packets from a real influxd to the test platform over TCP, each checked by the platform (frame,
 * codes, fields, flags) and acknowledged. The telemetry is {@link TelemetryFixture}'s: SO2 50 mg/Nm3 and flow 120000
 * Nm3/h at :00, :20 and :40 of every minute; the stack's other codes have no readings.
 */
class UplinkPacketsTest {

    @TempDir
    Path dir;

    /**
     * 30 s slots from a minute start: the first holds the readings at :00 and :20, so its DataTime is :20; the
     * second holds :40. Each carries the latest SO2 and flow readings as Rtd, N, and B for the codes without any.
     */
    @Test
    void realTimePacketsCarryTheLatestReadingOfEachSlot() throws Exception {
        Instant first = TelemetryFixture.minutesAgo(5);
        TelemetryFixture.writeMinutes(first, 4);
        List<Packet> packets = acknowledged(List.of(Cadence.REALTIME.cn()), first, 8);

        assertThat(packets).allSatisfy(p -> assertThat(p.cn()).isEqualTo("2011"));
        assertThat(StackPackets.dataTime(packets.get(0), SHANGHAI)).isEqualTo(first.plusSeconds(20));
        assertThat(StackPackets.dataTime(packets.get(1), SHANGHAI)).isEqualTo(first.plusSeconds(40));
        assertThat(packets.subList(0, 8)).allSatisfy(p -> {
            assertThat(p.cp().get("a21026-Rtd")).contains("50.000");
            assertThat(p.cp().get("a00000-Rtd")).contains("120000.000");
            assertThat(p.cp().get("a21026-Flag")).contains("N");
            assertThat(p.cp().get("a21002-Flag")).contains("B");
        });
    }

    /**
     * An uplink started with a --from a day back makes no real-time packet of that day (2,880 of them per stack at 30 s):
     * real-time starts within Channel.REALTIME_CATCH_UP of now; the past is the minute, hour and day packets'.
     */
    @Test
    void realTimePacketsDoNotReachBackADay() throws Exception {
        TelemetryFixture.writeMinutes(TelemetryFixture.minutesAgo(5), 4);
        Instant started = Instant.now();
        Packet first = acknowledged(List.of(Cadence.REALTIME.cn()), started.minus(Duration.ofDays(1)), 1).get(0);
        assertThat(StackPackets.dataTime(first, SHANGHAI))
                .isAfterOrEqualTo(started.minus(Channel.REALTIME_CATCH_UP).minusSeconds(30));
    }

    /**
     * Yesterday in Shanghai, every minute read: SO2 -Cou = 24 h × 60 min × 50 mg/Nm3 × 120000 Nm3/h / 60 × 1e-6 =
     * 144 kg, the flow's 24 × 60 × 120000 / 60 = 2880000 m3, both valid (24 ≥ 20 valid hours); NOx had no reading in
     * any hour, so its day is B. DataTime is yesterday's midnight.
     */
    @Test
    void aDayPacketSumsItsHoursFromInfluxDb() throws Exception {
        Instant yesterday = ZonedDateTime.now(SHANGHAI).toLocalDate().minusDays(1).atStartOfDay(SHANGHAI).toInstant();
        TelemetryFixture.writeMinutes(yesterday, 24 * 60);
        Packet day = acknowledged(List.of(Cadence.DAY.cn()), yesterday, 1).get(0);

        assertThat(day.cn()).isEqualTo("2031");
        assertThat(StackPackets.dataTime(day, SHANGHAI)).isEqualTo(yesterday);
        assertThat(day.cp().text()).contains("a21026-Cou=144.0000,a21026-Min=50.000,a21026-Avg=50.000,a21026-Max=50.000,a21026-Flag=N;")
                .contains("a00000-Cou=2880000.0000,").contains("a21002-Flag=B");
    }

    /** The first {@code count} packets the platform acknowledged, once each, with none it found invalid. */
    private List<Packet> acknowledged(List<String> commands, Instant first, int count) throws Exception {
        try (TestPlatform platform = TelemetryFixture.platform()) {
            Uplink uplink = TelemetryFixture.uplink(dir, commands, first, platform.port());
            uplink.start();
            try {
                TelemetryFixture.await(() -> TelemetryFixture.acknowledgedDataTimes(platform).size() >= count, Duration.ofSeconds(60),
                        count + " acknowledged packets");
            } finally {
                uplink.stop();
            }
            assertThat(platform.received()).noneMatch(r -> r.outcome() == TestPlatform.Outcome.INVALID);
            return platform.received().stream().filter(r -> r.outcome() == TestPlatform.Outcome.ACKNOWLEDGED)
                    .map(TestPlatform.Received::packet).distinct().limit(count).toList();
        }
    }
}
