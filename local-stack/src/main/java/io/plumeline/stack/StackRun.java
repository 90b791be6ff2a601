package io.plumeline.stack;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.core.contracts.Topics;
import io.plumeline.core.site.OpcServer;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.telemetry.ClockCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One run of the whole stack on this machine: starts InfluxDB, Kafka, the Flink job, the reporting service,
 * the simulators (demo only) and the edge collector in that order, reports progress, and stops them in
 * reverse order when the time is up, on Ctrl-C or SIGTERM, or when one of them fails.
 */
final class StackRun {

    static final String DATABASE = Measurement.DATABASE;
    static final int TELEMETRY_PARTITIONS = 4;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    private static final Duration JAVA_STOP_GRACE = Duration.ofSeconds(30);
    private static final Pattern SIMULATOR_READY = Pattern.compile(Pattern.quote(ReadyLines.SIMULATOR));
    private static final Pattern FLINK_READY = Pattern.compile(Pattern.quote(ReadyLines.JOB));
    private static final Pattern COLLECTOR_READY = Pattern.compile(Pattern.quote(ReadyLines.COLLECTOR));

    private final JavaModule flinkJob;
    private final JavaModule reporting;
    private final JavaModule simulator;
    private final JavaModule collector;
    private final StackLayout layout;
    private final StackPorts ports;
    private final Leftovers leftovers;
    /** The reporting service's users on one machine, one per role; the README lists them. */
    static final String DEMO_USERS = "examples/demo-users.properties";

    private final Path siteFile;
    private final SiteModel site;
    private final Integer simulatorSpeed;
    private final boolean exposeReporting;
    private final Duration runFor;
    private final PrintStream out;
    private final Deque<Service> started = new ArrayDeque<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Thread runner;
    private volatile boolean stopping;
    private InfluxDbServer influx;
    private KafkaBroker kafka;
    private long readingsBefore;
    private long hoursBefore;

    /** {@code simulatorSpeed} null: no simulator, the collector reads the site's own servers. */
    /** {@code exposeReporting}: the reporting service on every address rather than 127.0.0.1 ({@code --expose}). */
    StackRun(StackLayout layout, StackPorts ports, Path siteFile, SiteModel site, Integer simulatorSpeed,
            Duration runFor, boolean exposeReporting, PrintStream out) {
        this.layout = layout;
        this.ports = ports;
        this.leftovers = new Leftovers(layout);
        this.siteFile = siteFile.toAbsolutePath().normalize();
        this.site = site;
        this.simulatorSpeed = simulatorSpeed;
        this.exposeReporting = exposeReporting;
        this.runFor = runFor;
        this.out = out;
        Path repository = layout.repository();
        this.flinkJob = new JavaModule(repository, "flink-jobs", "io.plumeline.flink.PlumelineJob");
        this.reporting = new JavaModule(repository, "reporting-service", "io.plumeline.reporting.ReportingApplication");
        this.simulator = new JavaModule(repository, "plant-simulator", "io.plumeline.simulator.PlantSimulator");
        this.collector = new JavaModule(repository, "edge-collector", "io.plumeline.edge.EdgeCollector");
    }

    private boolean isDemo() {
        return simulatorSpeed != null;
    }

    /** Runs until stopped; returns the process exit code (0 after a clean stop). */
    int run() {
        runner = Thread.currentThread();
        Instant began = Instant.now();
        Instant running = null;
        String failure = null;
        try {
            preflight();
            startAll();
            running = Instant.now();
            failure = watch(running);
        } catch (RuntimeException e) {
            // Whatever went wrong, what was started must still be stopped.
            if (!stopRequested()) {
                failure = e instanceof StackException ? e.getMessage() : e.toString();
            }
        }
        stopping = true;
        Thread.interrupted();
        if (failure != null) {
            out.println();
            out.println("FAILED: " + failure);
        }
        Counts counts = stopAll();
        Instant ended = Instant.now();
        printSummary(Duration.between(began, ended),
                running == null ? null : Duration.between(began, running), counts, failure);
        return failure == null ? 0 : 1;
    }

    /** Ctrl-C or SIGTERM: stop waiting (or starting) and stop everything in order. */
    void requestStop() {
        stopRequested.countDown();
        Thread thread = runner;
        if (!stopping && thread != null) {
            thread.interrupt();
        }
    }

    private boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    private void preflight() {
        List<JavaModule> modules = isDemo() ? List.of(flinkJob, reporting, simulator, collector)
                : List.of(flinkJob, reporting, collector);
        modules.forEach(JavaModule::classpath);
        leftovers.stopAll(out);
        Ports.requireFree(Ports.LOOPBACK, ports.influx(), "InfluxDB");
        Ports.requireFree(Ports.LOOPBACK, ports.kafka(), "Kafka");
        Ports.requireFree(Ports.LOOPBACK, ports.kafkaController(), "Kafka's controller");
        Ports.requireFree(Ports.LOOPBACK, ports.reporting(), "The reporting service");
        if (isDemo()) {
            for (OpcServer server : site.servers()) {
                URI endpoint = URI.create(server.endpoint());
                int port = endpoint.getPort() < 0 ? 4840 : endpoint.getPort();
                Ports.requireFree(endpoint.getHost(), port, "The plant simulator for " + server.id());
            }
            // A demo starts from nothing, so its summary counts only what this run collected.
            Folders.deleteRecursively(layout.influxData());
            Folders.deleteRecursively(layout.kafkaData());
            Folders.deleteRecursively(layout.flinkData());
        }
        Folders.deleteRecursively(layout.root().resolve("tmp"));
        Folders.create(layout.logs());
    }

    private void startAll() {
        out.println("Plumeline " + (isDemo() ? "demo" : "run") + " — site " + site.site().id() + " (" + siteFile + ")"
                + (runFor == null ? ", until Ctrl-C" : ", for " + Durations.format(runFor)));
        String influxUrl = "http://" + Ports.LOOPBACK + ":" + ports.influx();
        String bootstrap = Ports.LOOPBACK + ":" + ports.kafka();

        step("InfluxDB", influxUrl + ", database " + DATABASE, () -> {
            influx = InfluxDbServer.start(layout.influxData(), ports.influx(), freshLog("influxdb"),
                    InfluxDbServer.DEFAULT_START_TIMEOUT);
            register(new Service("InfluxDB", influx.process(), influx::stopAndClean, true));
            influx.createDatabase(DATABASE);
            readingsBefore = countReadings();
            hoursBefore = countHours();
        });
        step("Kafka", bootstrap + ", topics " + Topics.TELEMETRY + " ×" + TELEMETRY_PARTITIONS + ", .dlq and " + Topics.GAPS,
                () -> {
                    kafka = KafkaBroker.start(layout.kafkaData(), ports.kafka(), ports.kafkaController(),
                            freshLog("kafka"), KafkaBroker.DEFAULT_START_TIMEOUT);
                    register(new Service("Kafka", kafka.process(), kafka::stopAndClean, true));
                    createTopics(kafka);
                });
        List<String> jobArgs = new ArrayList<>(List.of("--site", siteFile.toString(), "--kafka", bootstrap,
                "--influx", influxUrl, "--influx-db", DATABASE, "--checkpoint-dir", layout.checkpoints().toUri().toString()));
        Optional<Duration> clockAhead = simulatedClockAhead(simulatorSpeed, runFor);
        clockAhead.ifPresent(ahead -> jobArgs.addAll(List.of("--max-clock-ahead", ahead.toString())));
        step("Flink job", "PlumelineJob, local MiniCluster"
                + clockAhead.map(ahead -> ", clocks may run " + Durations.format(ahead) + " ahead").orElse(""),
                () -> launch("Flink job", "flink-jobs", flinkJob, "1g", jobArgs)
                        .awaitLogLine(FLINK_READY, Duration.ofSeconds(120)));
        String reportingUrl = "http://" + Ports.LOOPBACK + ":" + ports.reporting();
        if (exposeReporting) {
            out.println("WARNING: --expose: the reporting service listens on every address of this machine, with the"
                    + " publicly known demo users of " + DEMO_USERS + " (compliance/compliance-demo approves and submits"
                    + " reports): anyone who can reach port " + ports.reporting() + " can sign in as them.");
        }
        step("Reporting", reportingUrl, () -> launch("Reporting service", "reporting-service", reporting, "512m",
                reportingArguments(siteFile, influxUrl, ports.reporting(), layout.root().resolve("reports"),
                        layout.repository().resolve(DEMO_USERS), exposeReporting))
                .awaitReady(() -> healthUp(reportingUrl + "/actuator/health"), Duration.ofSeconds(120),
                        reportingUrl + "/actuator/health did not report UP"));
        if (isDemo()) {
            // One process plays every server entry, so that all of them tick on one source clock.
            List<String> args = new ArrayList<>(List.of("--site", siteFile.toString(), "--speed", Integer.toString(simulatorSpeed)));
            site.servers().forEach(server -> args.addAll(List.of("--server", server.id())));
            step("Simulator", site.servers().stream().map(OpcServer::endpoint).toList() + " ×" + simulatorSpeed,
                    () -> launch("Plant simulator", "plant-simulator", simulator, "512m", args)
                            .awaitLogLine(SIMULATOR_READY, Duration.ofSeconds(90)));
        }
        String servers = String.join(", ", site.servers().stream().map(OpcServer::id).toList());
        step("Edge collector", servers + " → " + Topics.TELEMETRY, () -> launch("Edge collector", "edge-collector",
                collector, "512m", List.of("--site", siteFile.toString(), "--kafka", bootstrap,
                        "--topic", Topics.TELEMETRY))
                .awaitLogLine(COLLECTOR_READY, Duration.ofSeconds(60)));
        out.println("Running" + (runFor == null ? "" : " until "
                + LocalTime.now().plus(runFor).format(DateTimeFormatter.ofPattern("HH:mm:ss")))
                + " — Ctrl-C stops everything. Open " + reportingUrl + "  (data and logs: " + layout.root() + ")");
    }

    /**
     * The reporting service as the local stack starts it: on 127.0.0.1 only, since its users are the publicly known
     * demo users, unless {@code expose} (every address); reports and the audit log in an H2 file under
     * {@code reports}, kept from run to run, with the audit log's HMAC key beside it (made at the first start).
     */
    static List<String> reportingArguments(Path siteFile, String influxUrl, int port, Path reports, Path users,
            boolean expose) {
        return List.of("--plumeline.sites=" + siteFile, "--plumeline.influx.url=" + influxUrl,
                "--plumeline.influx.database=" + DATABASE, "--server.port=" + port,
                "--server.address=" + (expose ? "0.0.0.0" : Ports.LOOPBACK),
                "--spring.datasource.url=jdbc:h2:file:" + reports.resolve("plumeline").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE",
                "--plumeline.audit.key-file=" + reports.resolve("audit.key").toAbsolutePath(),
                "--spring.config.import=file:" + users);
    }

    /**
     * How far ahead of the wall clock the sped-up simulated plant stamps its readings by the end of the run: the
     * job refuses readings stamped further ahead of their Kafka and server times than this, as a device clock
     * that runs ahead. An open-ended demo is allowed a week of wall time.
     */
    static Optional<Duration> simulatedClockAhead(Integer simulatorSpeed, Duration runFor) {
        if (simulatorSpeed == null || simulatorSpeed == 1) {
            return Optional.empty();
        }
        Duration wallTime = runFor == null ? Duration.ofDays(7) : runFor;
        return Optional.of(wallTime.multipliedBy(simulatorSpeed - 1).plus(ClockCheck.DEFAULT_TOLERANCE));
    }

    /** Every topic the collector and the job write: telemetry, its dead letters, the gap records. */
    static void createTopics(KafkaBroker kafka) {
        kafka.createTopic(Topics.TELEMETRY, TELEMETRY_PARTITIONS);
        kafka.createTopic(Topics.TELEMETRY_DLQ, 1);
        kafka.createTopic(Topics.GAPS, 1);
    }

    /** One log per service and run: the previous run's is replaced. */
    private Path freshLog(String service) {
        Path log = layout.log(service);
        Folders.deleteRecursively(log);
        return log;
    }

    private void register(Service service) {
        started.push(service);
        leftovers.record(service.process());
    }

    private ChildProcess launch(String name, String logName, JavaModule module, String heap, List<String> args) {
        Path tmp = Folders.create(layout.tmp(logName));
        List<String> command = module.command(List.of("-Xmx" + heap, "-Djava.io.tmpdir=" + tmp), args);
        ChildProcess process = ChildProcess.start(name, command, layout.repository(), freshLog(logName));
        register(new Service(name, process, () -> {
            boolean clean = process.stop(JAVA_STOP_GRACE);
            Folders.deleteRecursively(tmp);
            return clean;
        }, false));
        return process;
    }

    private boolean healthUp(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void step(String name, String detail, Runnable start) {
        if (stopRequested()) {
            throw new StackException("stopped while starting");
        }
        out.printf("  %-15s %-56s ", name, detail);
        out.flush();
        long t0 = System.nanoTime();
        try {
            start.run();
        } catch (RuntimeException e) {
            out.println(stopRequested() ? "interrupted" : "failed");
            throw e;
        }
        out.println("started in " + Durations.format(Duration.ofNanos(System.nanoTime() - t0)));
    }

    /** Waits for the end of the run; returns why it failed, or null when it ended as asked. */
    private String watch(Instant running) {
        Instant deadline = runFor == null ? null : running.plus(runFor);
        Instant nextProgress = running.plus(PROGRESS_EVERY);
        while (true) {
            Instant now = Instant.now();
            Instant wakeUp = deadline != null && deadline.isBefore(nextProgress) ? deadline : nextProgress;
            try {
                long waitMs = Math.max(1, Duration.between(now, wakeUp).toMillis());
                if (stopRequested.await(Math.min(waitMs, 1000), TimeUnit.MILLISECONDS)) {
                    out.println("Stop requested.");
                    return null;
                }
            } catch (InterruptedException e) {
                if (stopRequested()) {
                    out.println("Stop requested.");
                    return null;
                }
            }
            for (Service service : started) {
                if (!service.process().isAlive()) {
                    return service.process().failure("stopped on its own (exit code "
                            + service.process().exitCode() + ")").getMessage();
                }
            }
            if (deadline != null && !Instant.now().isBefore(deadline)) {
                out.println("--for " + Durations.format(runFor) + " elapsed.");
                return null;
            }
            if (!Instant.now().isBefore(nextProgress)) {
                printProgress(Duration.between(running, Instant.now()));
                nextProgress = nextProgress.plus(PROGRESS_EVERY);
            }
        }
    }

    private void printProgress(Duration elapsed) {
        out.printf("  [%s] readings in InfluxDB %,d · emission hours %,d · dead letters %s%n",
                clock(elapsed), countReadings() - readingsBefore, countHours() - hoursBefore, deadLetters());
    }

    private record Counts(Long readings, Long hours, Long deadLetters) {
    }

    /** Stops in reverse order; counts what was stored once the writers have stopped and before the stores do. */
    private Counts stopAll() {
        if (started.isEmpty()) {
            return new Counts(null, null, null);
        }
        out.println("Stopping:");
        Counts counts = null;
        while (!started.isEmpty()) {
            Service service = started.peek();
            if (counts == null && service.holdsData()) {
                counts = count();
            }
            started.pop();
            out.printf("  %-26s ", service.name());
            out.flush();
            long t0 = System.nanoTime();
            boolean clean = service.stop();
            out.println((clean ? "stopped in " : "killed after ")
                    + Durations.format(Duration.ofNanos(System.nanoTime() - t0)));
        }
        leftovers.stopAll(out);
        return counts == null ? new Counts(null, null, null) : counts;
    }

    private Counts count() {
        Long readings = null;
        Long hours = null;
        try {
            readings = countReadings() - readingsBefore;
            hours = countHours() - hoursBefore;
        } catch (RuntimeException e) {
            out.println("  (cannot count in InfluxDB: " + e.getMessage() + ")");
        }
        return new Counts(readings, hours, deadLettersOrNull());
    }

    private long countReadings() {
        return influx.count(DATABASE, Measurement.TELEMETRY, Keys.STATUS, null);
    }

    private long countHours() {
        // One CO2e point per source and hour, beside one per gas.
        return influx.count(DATABASE, Measurement.EMISSIONS, Keys.MASS_KG, InfluxQl.is(Keys.GAS, "CO2e"));
    }

    private Long deadLettersOrNull() {
        try {
            return kafka == null || !kafka.isAlive() ? null : kafka.messageCount(Topics.TELEMETRY_DLQ);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String deadLetters() {
        Long count = deadLettersOrNull();
        return count == null ? "?" : String.format("%,d", count);
    }

    private void printSummary(Duration duration, Duration startup, Counts counts, String failure) {
        String rule = "─".repeat(72);
        out.println(rule);
        out.println("Plumeline " + (isDemo() ? "demo" : "run") + " summary — site " + site.site().id());
        row("duration", Durations.format(duration)
                + (startup == null ? (failure == null ? "  (stopped while starting)" : "  (failed while starting)") : "  (of which starting " + Durations.format(startup) + ")"));
        row("readings collected", number(counts.readings()) + " points in InfluxDB " + DATABASE + ".telemetry");
        row("emission hours", number(counts.hours()) + " points in InfluxDB " + DATABASE + ".emissions");
        row("dead letters", number(counts.deadLetters()) + " messages in Kafka " + Topics.TELEMETRY_DLQ);
        row("data", layout.siteData() + "  (influxdb/, kafka/, flink/checkpoints/)");
        row("logs", layout.logs() + "  (<service>.log)");
        row("reporting", "http://" + Ports.LOOPBACK + ":" + ports.reporting() + "  (stopped with the stack)");
        row("result", failure == null ? "stopped cleanly" : "FAILED — see the message above");
        if (failure == null && startup != null && Long.valueOf(0).equals(counts.readings())) {
            out.println("  No reading reached InfluxDB: " + layout.log("edge-collector") + " and "
                    + layout.log("flink-jobs") + " say why.");
        }
        out.println(rule);
    }

    private void row(String label, String value) {
        out.printf("  %-20s %s%n", label, value);
    }

    private static String number(Long value) {
        return value == null ? "unknown" : String.format("%,d", value);
    }

    private static String clock(Duration elapsed) {
        long s = elapsed.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }
}
