package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.site.SiteModelLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher with real InfluxDB and Kafka, and stand-ins for the Java services. */
class StackRunTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void aDemoStartsEverythingInOrderWithTheContractFlagsCountsWhatWasStoredAndStopsInReverse() throws Exception {
        StubRepository.create(home);
        Path site = StubRepository.site(home, "site.yaml", Ports.free(), Ports.free());
        StackPorts ports = StackPorts.free();
        Process leftover = new ProcessBuilder("sh", "-c", "while :; do sleep 0.2; done",
                home.resolve(".plumeline").toString()).start();
        Process stranger = new ProcessBuilder("sleep", "60").start();
        Files.createDirectories(home.resolve(".plumeline"));
        Files.writeString(home.resolve(".plumeline/pids"),
                stranger.pid() + "\tSomething else\n" + leftover.pid() + "\tKafka\n");

        int exit;
        try {
            exit = run(ports, site, 120);
            assertThat(leftover.isAlive()).isFalse();
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroy();
        }

        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("stopping Kafka (pid " + leftover.pid() + "), left running by an earlier run")
                .doesNotContain("Something else");
        assertThat(home.resolve(".plumeline/pids")).doesNotExist();
        assertThat(out.lines().filter(line -> line.contains("started in")).map(line -> line.trim().split("\\s+")[0]))
                .containsExactly("InfluxDB", "Kafka", "Flink", "Reporting", "Simulator", "Simulator", "Edge");
        assertThat(out).contains("readings collected   3 points in InfluxDB plumeline.telemetry")
                .contains("emission hours       1 points in InfluxDB plumeline.emissions")
                .contains("dead letters         0 messages")
                .contains("result               stopped cleanly");

        String influx = "http://127.0.0.1:" + ports.influx();
        String kafka = "127.0.0.1:" + ports.kafka();
        List<String> calls = Files.readAllLines(home.resolve("stub-calls.txt"));
        assertThat(calls).containsExactly(
                "PlumelineJob --site " + site + " --kafka " + kafka + " --influx " + influx + " --influx-db plumeline"
                        + " --checkpoint-dir " + home.resolve(".plumeline/flink/checkpoints").toUri(),
                "ReportingApplication --plumeline.sites=" + site + " --plumeline.influx.url=" + influx
                        + " --plumeline.influx.database=plumeline --server.port=" + ports.reporting(),
                "PlantSimulator --site " + site + " --server dcs-1 --speed 120",
                "PlantSimulator --site " + site + " --server dcs-2 --speed 120",
                "EdgeCollector --site " + site + " --kafka " + kafka + " --topic plumeline.telemetry",
                "EdgeCollector stopped",
                "PlantSimulator dcs-2 stopped",
                "PlantSimulator dcs-1 stopped",
                "ReportingApplication stopped",
                "PlumelineJob stopped");
        assertThat(out.indexOf("Kafka ", out.indexOf("Stopping:"))).isLessThan(out.lastIndexOf("InfluxDB "));

        assertThat(home.resolve(".plumeline/logs/flink-jobs.log")).content().contains("PlumelineJob running (stub)");
        assertThat(home.resolve(".plumeline/logs/simulator-dcs-2.log")).exists();
        assertThat(home.resolve(".plumeline/tmp/flink-jobs")).doesNotExist();
        assertThat(List.of(ports.influx(), ports.kafka(), ports.kafkaController(), ports.reporting()))
                .allMatch(port -> Ports.isFree("127.0.0.1", port));
    }

    @Test
    void aServiceThatFailsToStartStopsWhatRunsAndNamesItsLog() throws Exception {
        StubRepository.create(home);
        Path site = StubRepository.site(home, "failing-site.yaml", Ports.free(), Ports.free());
        StackPorts ports = StackPorts.free();

        int exit = run(ports, site, 60);

        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(1);
        Path log = home.resolve(".plumeline/logs/edge-collector.log");
        assertThat(out).contains("FAILED: Edge collector exited with code 3 while starting. See " + log)
                .contains("cannot reach dcs-1")
                .contains("result               FAILED");
        assertThat(Files.readAllLines(home.resolve("stub-calls.txt")))
                .endsWith("PlantSimulator dcs-2 stopped", "PlantSimulator dcs-1 stopped",
                        "ReportingApplication stopped", "PlumelineJob stopped");
        assertThat(List.of(ports.influx(), ports.kafka(), ports.reporting()))
                .allMatch(port -> Ports.isFree("127.0.0.1", port));
    }

    private int run(StackPorts ports, Path site, int speed) {
        StackRun run = new StackRun(new StackLayout(home), ports, site, SiteModelLoader.load(site), speed,
                Duration.ofSeconds(2), new PrintStream(output, true, StandardCharsets.UTF_8));
        return run.run();
    }
}
