package io.plumeline.hj212.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.hj212.platform.TestPlatform;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uplink as a real child JVM, killed with SIGKILL while sending and started again: no packet is lost. */
class UplinkKillTest {

    @TempDir
    Path dir;

    @Test
    void anUplinkKilledWhileSendingLosesNoPacketAfterItsRestart() throws Exception {
        Instant first = TelemetryFixture.minutesAgo(30);
        TelemetryFixture.writeMinutes(first, 30);
        try (TestPlatform platform = TelemetryFixture.platform()) {
            platform.delayReplies(Duration.ofMillis(150));   // 30 packets take ≥ 4.5 s, so the kill lands mid-way
            List<String> command = command(platform.port(), first);
            Process uplink = start(command, "run-1.log");
            TelemetryFixture.await(() -> TelemetryFixture.acknowledgedDataTimes(platform).size() >= 5, Duration.ofSeconds(60),
                    "5 acknowledged packets");
            uplink.destroyForcibly();   // SIGKILL: no shutdown hook, no summary, the spool as the last fsync left it
            assertThat(uplink.waitFor(10, TimeUnit.SECONDS)).isTrue();
            int beforeRestart = TelemetryFixture.acknowledgedDataTimes(platform).size();
            assertThat(beforeRestart).isLessThan(30);

            platform.delayReplies(Duration.ZERO);
            Process again = start(command, "run-2.log");
            try {
                TelemetryFixture.await(() -> TelemetryFixture.acknowledgedDataTimes(platform).stream().distinct().count() >= 30,
                        Duration.ofSeconds(60), "30 distinct acknowledged minutes");
            } finally {
                again.destroy();
                again.waitFor(10, TimeUnit.SECONDS);
            }
            TelemetryFixture.assertEveryMinuteOnceInOrder(platform, first, 30);
            assertThat(Files.readString(dir.resolve("run-2.log"))).contains(ReadyLines.HJ212_UPLINK);
        }
    }

    private List<String> command(int port, Instant first) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), "io.plumeline.hj212.Hj212Uplink",
                "--site", TelemetryFixture.site(dir).toString(), "--influx", TelemetryFixture.influx().url(),
                "--platform", "provincial=127.0.0.1:" + port, "--password-file", "provincial=" + TelemetryFixture.password(dir),
                "--spool-dir", dir.resolve("spool").toString(), "--packets", "2051", "--from", first.toString(),
                "--delay", "PT0S", "--ack-timeout", "PT2S", "--poll", "PT0.2S");
    }

    private Process start(List<String> command, String log) throws Exception {
        File out = dir.resolve(log).toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
    }
}
