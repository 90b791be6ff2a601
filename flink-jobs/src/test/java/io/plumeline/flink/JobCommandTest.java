package io.plumeline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JobCommandTest {

    @TempDir
    Path dir;

    private static String stderrOf(Runnable run) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString();
    }

    @Test
    void aMissingRequiredFlagIsAUsageError() {
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = JobCommand.run("--site", TestSite.file().toString()));

        assertThat(exit[0]).isEqualTo(2);
        assertThat(err).contains("--kafka").contains("--influx");
    }

    @Test
    void aBrokenSiteModelStopsTheJobBeforeItStartsAndSaysWhere() throws Exception {
        Path site = Files.writeString(dir.resolve("site.yaml"), "apiVersion: plumeline/v1\nsite: {id: x}\ntags: 3\n");
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = JobCommand.run("--site", site.toString(),
                "--kafka", "127.0.0.1:1", "--influx", "http://127.0.0.1:1"));

        assertThat(exit[0]).isEqualTo(2);
        assertThat(err).contains(site.toString()).contains("tags");
    }

    @Test
    void aMissingInfluxPasswordFileStopsTheJobAndNamesTheOption() {
        Path missing = dir.resolve("influx-password");
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = JobCommand.run("--site", TestSite.file().toString(),
                "--kafka", "127.0.0.1:1", "--influx", "http://127.0.0.1:1",
                "--influx-user", "plumeline", "--influx-password-file", missing.toString()));

        assertThat(exit[0]).isEqualTo(2);
        assertThat(err).contains("--influx-password-file").contains(missing.toString()).contains("cannot be read");
    }

    @Test
    void aMissingSiteModelFileIsNamed() {
        Path missing = dir.resolve("nowhere.yaml");
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = JobCommand.run("--site", missing.toString(),
                "--kafka", "127.0.0.1:1", "--influx", "http://127.0.0.1:1"));

        assertThat(exit[0]).isEqualTo(2);
        assertThat(err).contains("cannot read the site model " + missing).doesNotContain("\tat ");
    }

    @Test
    void checkpointsGoWhereTheFlagsSay() {
        JobCommand command = new JobCommand();
        new CommandLine(command).parseArgs("--site", "s.yaml", "--kafka", "k:9092", "--influx", "http://i:8086",
                "--checkpoint-dir", dir.toString(), "--checkpoint-interval", "PT2S", "--no-resume");

        Configuration conf = command.configuration();
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo(dir.toUri().toString());
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(command.influxDb).isEqualTo("plumeline");
        assertThat(command.maxHold).isEqualTo(Duration.ofMinutes(5));
        assertThat(command.allowedLateness).isEqualTo(Duration.ofHours(2));
        assertThat(command.telemetryRetention).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aTelemetryRetentionShorterThanItsShardsIsRefusedBeforeAnythingStarts() {
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = JobCommand.run("--site", TestSite.file().toString(),
                "--kafka", "127.0.0.1:1", "--influx", "http://127.0.0.1:1", "--telemetry-retention", "PT12H"));

        assertThat(exit[0]).isEqualTo(2);
        assertThat(err).contains("--telemetry-retention").contains("at least one day").contains("PT12H");
    }

    @Test
    void aPart75SourceNeedsTheMaximumPotentialOfItsInputs() throws Exception {
        String yaml = Files.readString(TestSite.file().resolveSibling("test-site-part75-cems.yaml"))
                .replace(", valid: {min: 0, max: 14}", "");
        Path site = Files.writeString(dir.resolve("site.yaml"), yaml);
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = JobCommand.run("--site", site.toString(),
                "--kafka", "127.0.0.1:1", "--influx", "http://127.0.0.1:1"));

        assertThat(exit[0]).isEqualTo(2);
        assertThat(err).contains("boiler-1.stack").contains("boiler-1.co2").contains("valid.max");
    }
}
