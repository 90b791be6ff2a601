package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void waitsForItsReadyLineAndStopsWithSigterm() {
        Path log = dir.resolve("svc.log");
        ChildProcess process = ChildProcess.start("Service", List.of("bash", "-c",
                "trap 'echo got TERM; exit 0' TERM; sleep 0.3; echo 'Service ready on port 1'; while true; do sleep 0.1; done"),
                dir, log);
        process.awaitLogLine(Pattern.compile("ready on port \\d+"), Duration.ofSeconds(10));
        assertThat(process.isAlive()).isTrue();

        assertThat(process.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(process.exitCode()).isZero();
        assertThat(log).content().contains("got TERM");
    }

    @Test
    void killsWhatIgnoresSigtermAfterTheGracePeriod() {
        ChildProcess process = ChildProcess.start("Stubborn", List.of("bash", "-c",
                "trap '' TERM; echo up; while true; do sleep 0.1; done"), dir, dir.resolve("stubborn.log"));
        process.awaitLogLine(Pattern.compile("up"), Duration.ofSeconds(10));

        assertThat(process.stop(Duration.ofMillis(500))).isFalse();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void aProcessThatDiesWhileStartingFailsNamingItsLogAndQuotingIt() {
        Path log = dir.resolve("broken.log");
        ChildProcess process = ChildProcess.start("Broken service", List.of("bash", "-c",
                "echo 'cannot bind 127.0.0.1:4840'; exit 3"), dir, log);

        assertThatThrownBy(() -> process.awaitLogLine(Pattern.compile("ready"), Duration.ofSeconds(10)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("Broken service exited with code 3 while starting")
                .hasMessageContaining(log.toString())
                .hasMessageContaining("cannot bind 127.0.0.1:4840");
    }

    @Test
    void aProcessThatNeverGetsReadyFailsAfterTheTimeout() {
        ChildProcess process = ChildProcess.start("Slow service", List.of("bash", "-c",
                "echo starting; sleep 30"), dir, dir.resolve("slow.log"));
        try {
            assertThatThrownBy(() -> process.awaitLogLine(Pattern.compile("ready"), Duration.ofSeconds(1)))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("was not ready after 1 s")
                    .hasMessageContaining("starting");
        } finally {
            process.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void onlyLinesWrittenAfterTheStartCount() throws Exception {
        Path log = dir.resolve("reused.log");
        java.nio.file.Files.writeString(log, "Service ready (an earlier run)\n");
        ChildProcess process = ChildProcess.start("Service", List.of("bash", "-c", "echo starting; sleep 30"),
                dir, log);
        try {
            assertThatThrownBy(() -> process.awaitLogLine(Pattern.compile("ready"), Duration.ofMillis(800)))
                    .isInstanceOf(StackException.class);
        } finally {
            process.stop(Duration.ofSeconds(5));
        }
    }
}
