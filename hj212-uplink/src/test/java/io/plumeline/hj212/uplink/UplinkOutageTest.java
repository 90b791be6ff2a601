package io.plumeline.hj212.uplink;

import static io.plumeline.hj212.uplink.TelemetryFixture.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.hj212.platform.TestPlatform;
import io.plumeline.hj212.site.Hj212Stacks;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform away, then dropping replies: every minute packet still arrives, in order, none twice. */
class UplinkOutageTest {

    @TempDir
    Path dir;

    @Test
    void aPlatformDownForAWhileGetsEveryPacketAfterwardsInOrderNoneTwice() throws Exception {
        Instant first = TelemetryFixture.minutesAgo(20);
        TelemetryFixture.writeMinutes(first, 20);
        SiteModel model = SiteModelLoader.load(TelemetryFixture.site(dir));
        try (TestPlatform platform = new TestPlatform(InetAddress.getLoopbackAddress(), 0, Optional.of("123456"), r -> { }).start()) {
            platform.goDown();
            UplinkSettings settings = new UplinkSettings(dir.resolve("spool"), 1 << 20, List.of(Cadence.MINUTE.cn()), Duration.ofSeconds(30), first,
                    Duration.ZERO, Duration.ofMillis(500), 2, Duration.ofMillis(200),
                    List.of(new UplinkSettings.Platform("provincial", "127.0.0.1", platform.port(), "123456")));
            Uplink uplink = new Uplink(model, Hj212Stacks.of(model, Map.of()), settings, URI.create(TelemetryFixture.influx().url()),
                    TelemetryFixture.DB, Optional.empty(), Optional.empty());
            uplink.start();
            try {
                Thread.sleep(3_000);   // unreachable: the 20 packets wait in the spool
                assertThat(platform.received()).isEmpty();
                platform.dropNext(2);  // the first two go unanswered and are sent again after the 0.5 s ack timeout
                platform.comeUp();
                TelemetryFixture.await(() -> TelemetryFixture.acknowledgedMinutes(platform).size() >= 20, Duration.ofSeconds(60),
                        "20 acknowledged minute packets");
            } finally {
                uplink.stop();
            }
            TelemetryFixture.assertEveryMinuteOnceInOrder(platform, first, 20);
            assertThat(platform.received()).filteredOn(r -> r.outcome() == TestPlatform.Outcome.DROPPED).hasSize(2)
                    .allSatisfy(r -> assertThat(r.packet().qn()).isEqualTo(platform.received().get(0).packet().qn()));
            assertThat(platform.received()).noneMatch(r -> r.outcome() == TestPlatform.Outcome.INVALID);
            assertThat(StackPackets.dataTime(platform.received().get(0).packet(), SHANGHAI)).isEqualTo(first);
        }
    }
}
