package io.plumeline.hj212.uplink;

import static io.plumeline.hj212.uplink.TelemetryFixture.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.hj212.platform.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        try (TestPlatform platform = TelemetryFixture.platform()) {
            platform.goDown();
            Uplink uplink = TelemetryFixture.uplink(dir, List.of(Cadence.MINUTE.cn()), first, platform.port());
            uplink.start();
            try {
                Thread.sleep(3_000);   // unreachable: the 20 packets wait in the spool
                assertThat(platform.received()).isEmpty();
                platform.dropNext(2);  // the first two go unanswered and are sent again after the 0.5 s ack timeout
                platform.comeUp();
                TelemetryFixture.await(() -> TelemetryFixture.acknowledgedDataTimes(platform).size() >= 20, Duration.ofSeconds(60),
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
