package io.plumeline.systemtests;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.Folders;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import io.plumeline.stack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The whole backbone with real processes for one site model: plant simulator (Milo server) → edge collector (Milo
 * client, Kafka producer) → Kafka broker → Flink job (MiniCluster) → InfluxDB → reporting service (REST). The
 * simulator serves the site's server {@code sim} and starts ticking only once the collector has subscribed to every
 * tag, so the exact set of readings that must arrive is known. Everything is kept under {@code work} after the run,
 * so that the services' logs can be read when something fails; {@link #close} stops the processes in reverse order.
 */
final class Pipeline implements AutoCloseable {

    final Path work;
    final SiteModel model;
    final Api api;
    private final Map<String, Duration> stages = new LinkedHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private InfluxDbServer influx;

    private Pipeline(Path work, SiteModel model, Api api) {
        this.work = work;
        this.model = model;
        this.api = api;
    }

    /**
     * Starts every stage: {@code site} is the site model for the simulator's OPC UA port (its server {@code sim}
     * at {@code opc.tcp://127.0.0.1:PORT/plumeline}), {@code profiles} the simulator's profiles file, and
     * {@code simulatorArgs} the run's clock, ticks and faults ({@code --speed}, {@code --start}, {@code --ticks},
     * {@code --fault}, {@code --seed}).
     */
    static Pipeline start(Path work, IntFunction<String> site, String profiles, String... simulatorArgs) throws IOException {
        Folders.deleteRecursively(work);
        Folders.create(work);
        int opcPort = Ports.free();
        Path siteFile = Files.writeString(work.resolve("site.yaml"), site.apply(opcPort));
        Path profilesFile = Files.writeString(work.resolve("profiles.yaml"), profiles);
        int apiPort = Ports.free();
        Pipeline p = new Pipeline(work, SiteModelLoader.load(siteFile), new Api("http://127.0.0.1:" + apiPort));
        Path logs = work.resolve("logs");
        p.stage("InfluxDB start", () -> p.influx = p.started(InfluxDbServer.start(work.resolve("influxdb"), Ports.free(),
                logs.resolve("influxdb.log"), InfluxDbServer.DEFAULT_START_TIMEOUT)));
        KafkaBroker[] kafka = new KafkaBroker[1];
        p.stage("Kafka start", () -> {
            kafka[0] = p.started(KafkaBroker.start(work.resolve("kafka"), Ports.free(), Ports.free(), logs.resolve("kafka.log"),
                    KafkaBroker.DEFAULT_START_TIMEOUT));
            kafka[0].createTopic("plumeline.telemetry", 4);
            kafka[0].createTopic("plumeline.telemetry.dlq", 1);
        });
        String bootstrap = kafka[0].bootstrapServers();
        p.stage("Flink job start", () -> p.process(Services.launch("flink-jobs", "io.plumeline.flink.PlumelineJob", logs,
                        "--site", siteFile.toString(), "--kafka", bootstrap, "--influx", p.influx.url(),
                        "--checkpoint-dir", work.resolve("checkpoints").toUri().toString()))
                .awaitLogLine(Pattern.compile("PlumelineJob running"), Duration.ofSeconds(120)));
        p.stage("Reporting service start", () -> p.process(Services.launch("reporting-service",
                        "io.plumeline.reporting.ReportingApplication", logs, "--plumeline.sites=" + siteFile,
                        "--plumeline.influx.url=" + p.influx.url(), "--server.port=" + apiPort,
                        "--spring.config.import=file:" + Services.ROOT.resolve("examples/demo-users.properties")))
                .awaitReady(() -> p.api.get("/actuator/health").path("status").asText().equals("UP"),
                        Duration.ofSeconds(120), "health is not UP"));
        List<String> simulator = new ArrayList<>(List.of("--site", siteFile.toString(), "--server", "sim",
                "--profiles", profilesFile.toString(), "--await-items", String.valueOf(p.model.tags().size())));
        simulator.addAll(List.of(simulatorArgs));
        p.stage("Simulator start", () -> p.process(Services.launch("plant-simulator", "io.plumeline.simulator.PlantSimulator",
                        logs, simulator.toArray(String[]::new)))
                .awaitLogLine(Pattern.compile("PlantSimulator ready on"), Duration.ofSeconds(60)));
        p.stage("Collector start", () -> p.process(Services.launch("edge-collector", "io.plumeline.edge.EdgeCollector", logs,
                "--site", siteFile.toString(), "--kafka", bootstrap)));
        return p;
    }

    InfluxDbServer influx() {
        return influx;
    }

    Path logs() {
        return work.resolve("logs");
    }

    /** How long each stage took, in the order they ran. */
    Map<String, Duration> stages() {
        return Collections.unmodifiableMap(stages);
    }

    interface Stage {
        void run() throws Exception;
    }

    /** Runs a stage of the test, timed under {@code name}; a checked exception fails it with the stage's name. */
    void stage(String name, Stage stage) {
        long t0 = System.nanoTime();
        try {
            stage.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        } finally {
            stages.put(name, Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private <T extends AutoCloseable> T started(T service) {
        running.add(service);
        return service;
    }

    private ChildProcess process(ChildProcess process) {
        running.add(() -> process.stop(Duration.ofSeconds(20)));
        return process;
    }

    @Override
    public void close() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
