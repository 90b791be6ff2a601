package io.plumeline.systemtests;

import io.plumeline.core.contracts.Topics;
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
 * The collector keeps its spool and saved tag times under {@code work/spool}, so that a test can stop it and start it
 * again as an operator would ({@link #stopCollector}, {@link #startCollector}).
 */
final class Pipeline implements AutoCloseable {

    final Path work;
    final SiteModel model;
    final Api api;
    private final Map<String, Duration> stages = new LinkedHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private InfluxDbServer influx;
    private List<String> collectorArgs;
    private ChildProcess collector;

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
        return start(work, site, profiles, List.of(), simulatorArgs);
    }

    /** As above, with {@code jobArgs} added to the Flink job's command line (e.g. {@code --recompute-delay PT2S}). */
    static Pipeline start(Path work, IntFunction<String> site, String profiles, List<String> jobArgs,
            String... simulatorArgs) throws IOException {
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
            kafka[0].createTopic(Topics.TELEMETRY, 4);
            kafka[0].createTopic(Topics.TELEMETRY_DLQ, 1);
            kafka[0].createTopic(Topics.GAPS, 1);
        });
        String bootstrap = kafka[0].bootstrapServers();
        List<String> job = new ArrayList<>(List.of("--site", siteFile.toString(), "--kafka", bootstrap, "--influx",
                p.influx.url(), "--checkpoint-dir", work.resolve("checkpoints").toUri().toString()));
        job.addAll(jobArgs);
        p.stage("Flink job start", () -> p.process(Services.launch("flink-jobs", "io.plumeline.flink.PlumelineJob", logs,
                        job.toArray(String[]::new)))
                .awaitLogLine(Pattern.compile("PlumelineJob running"), Duration.ofSeconds(120)));
        p.stage("Reporting service start", () -> p.process(Services.launch("reporting-service",
                        "io.plumeline.reporting.ReportingApplication", logs, "--plumeline.sites=" + siteFile,
                        "--plumeline.influx.url=" + p.influx.url(), "--server.port=" + apiPort,
                        // its own report store: the default one, in the working directory, holds other runs' revisions
                        "--spring.datasource.url=jdbc:h2:file:" + work.resolve("reports").toAbsolutePath() + "/reports",
                        "--spring.config.import=file:" + Services.ROOT.resolve("examples/demo-users.properties")))
                .awaitReady(() -> p.api.get("/actuator/health").path("status").asText().equals("UP"),
                        Duration.ofSeconds(120), "health is not UP"));
        List<String> simulator = new ArrayList<>(List.of("--site", siteFile.toString(), "--server", "sim",
                "--profiles", profilesFile.toString(), "--await-items", String.valueOf(p.model.tags().size())));
        simulator.addAll(List.of(simulatorArgs));
        p.stage("Simulator start", () -> p.process(Services.launch("plant-simulator", "io.plumeline.simulator.PlantSimulator",
                        logs, simulator.toArray(String[]::new)))
                .awaitLogLine(Pattern.compile("PlantSimulator ready on"), Duration.ofSeconds(60)));
        // its own spool and HTTP port: a spool left by another run would hold that run's tag times (a restart gap)
        p.collectorArgs = List.of("--site", siteFile.toString(), "--kafka", bootstrap, "--spool-dir",
                work.resolve("spool").toString(), "--http-port", String.valueOf(Ports.free()));
        p.running.add(() -> {
            if (p.collector != null) p.collector.stop(Duration.ofSeconds(20));
        });
        p.stage("Collector start", p::startCollector);
        return p;
    }

    /** Starts the edge collector (again, after {@link #stopCollector}: with the same spool and saved tag times). */
    void startCollector() {
        if (collector != null && collector.isAlive()) throw new IllegalStateException("the collector is running");
        collector = Services.launch("edge-collector", "io.plumeline.edge.EdgeCollector", logs(),
                collectorArgs.toArray(String[]::new));
    }

    /** Stops the edge collector as an operator would (SIGTERM: it sends what it spooled and saves its tag times). */
    void stopCollector() {
        if (collector != null && !collector.stop(Duration.ofSeconds(20))) {
            throw new IllegalStateException("the collector did not stop within 20 s of SIGTERM; see " + collector.logFile());
        }
    }

    /** The collector's log (both runs, one after the other, when it was started again). */
    Path collectorLog() {
        return logs().resolve("edge-collector.log");
    }

    /** Starts another process of the repository's (a module's main class) beside the pipeline's, stopped with it. */
    ChildProcess launch(String module, String mainClass, String... args) {
        return process(Services.launch(module, mainClass, logs(), args));
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
