package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator as the local stack runs it: its own JVM, a ready line, a summary line on SIGTERM. */
class PlantSimulatorProcessTest {

    @TempDir
    Path dir;

    @Test
    void printsReadyThenStopsOnSigtermWithASummary() throws Exception {
        Path site = TestSites.siteWithFreePorts(dir);
        Path stderr = dir.resolve("stderr.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PlantSimulator.class.getName(), "--site", site.toString(), "--speed", "60", "--ticks", "3")
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                if (process.isAlive()) throw new UncheckedIOException(e);
            }
        });
        reader.start();
        try {
            assertThat(lines.poll(30, TimeUnit.SECONDS)).as("first line on stdout; stderr in " + stderr)
                    .matches("PlantSimulator ready on opc\\.tcp://127\\.0\\.0\\.1:\\d+/plumeline");

            Thread.sleep(1500);
            // SIGTERM through the handle, which, unlike Process.destroy(), leaves our end of stdout open.
            process.toHandle().destroy();

            assertThat(lines.poll(20, TimeUnit.SECONDS)).as("summary after SIGTERM")
                    .isEqualTo("PlantSimulator stopped: 3 tags, 3 ticks per tag, 9 ticks in total");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
            reader.join(5_000);
        }
        assertThat(Files.readString(stderr)).doesNotContain("Exception");
    }
}
