package io.plumeline.bench;

import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.Folders;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.JavaModule;
import io.plumeline.stack.KafkaBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scenarios share: the size of the run, the work folder, one InfluxDB and one Kafka broker (started when
 * first asked for), child processes of the reactor's modules, and the progress lines.
 */
final class BenchContext implements AutoCloseable {

    private static final Duration CHILD_STOP_GRACE = Duration.ofSeconds(30);

    final Path repository;
    final Path work;
    final boolean quick;
    final int runs;
    private final PrintStream out;
    private final long began = System.nanoTime();
    private final Deque<ChildProcess> children = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private InfluxDbServer influx;
    private KafkaBroker kafka;
    private String scenario = "";

    BenchContext(Path repository, Path work, boolean quick, int runs, PrintStream out) {
        this.repository = repository;
        this.work = Folders.create(work);
        this.quick = quick;
        this.runs = runs;
        this.out = out;
    }

    /** {@code quick} in a --quick run, else {@code full}. */
    <T> T size(T quickValue, T fullValue) {
        return quick ? quickValue : fullValue;
    }

    void scenario(String id) {
        this.scenario = id;
    }

    void progress(String format, Object... args) {
        long s = (System.nanoTime() - began) / 1_000_000_000L;
        out.printf("  [%02d:%02d] %-9s %s%n", s / 60, s % 60, scenario, String.format(format, args));
        out.flush();
    }

    InfluxDbServer influx() {
        if (influx == null) {
            progress("starting InfluxDB…");
            Folders.deleteRecursively(work.resolve("influxdb"));
            influx = InfluxDbServer.start(Folders.create(work.resolve("influxdb")), io.plumeline.stack.Ports.free(),
                    work.resolve("logs/influxdb.log"), InfluxDbServer.DEFAULT_START_TIMEOUT);
        }
        return influx;
    }

    KafkaBroker kafka() {
        if (kafka == null) {
            progress("starting Kafka…");
            Folders.deleteRecursively(work.resolve("kafka"));
            kafka = KafkaBroker.start(work.resolve("kafka"), io.plumeline.stack.Ports.free(),
                    io.plumeline.stack.Ports.free(), work.resolve("logs/kafka.log"), KafkaBroker.DEFAULT_START_TIMEOUT);
        }
        return kafka;
    }

    /** A module of the reactor as a child process (its own JVM, so its CPU and memory can be told apart). */
    ChildProcess launch(String logName, String module, String mainClass, String heap, List<String> args) {
        Path tmp = Folders.create(work.resolve("tmp").resolve(logName));
        List<String> command = new JavaModule(repository, module, mainClass)
                .command(List.of("-Xmx" + heap, "-Djava.io.tmpdir=" + tmp), args);
        Path log = work.resolve("logs").resolve(logName + ".log");
        Folders.deleteRecursively(log);
        ChildProcess child = ChildProcess.start(logName, command, work, log);
        children.push(child);
        return child;
    }

    void stop(ChildProcess child) {
        child.stop(CHILD_STOP_GRACE);
        children.remove(child);
    }

    /** The first group of the first line of {@code child}'s log that matches, or null. */
    static Matcher findInLog(ChildProcess child, Pattern pattern) {
        try {
            for (String line : Files.readAllLines(child.logFile())) {
                Matcher m = pattern.matcher(line);
                if (m.find()) return m;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String url, Duration timeout) {
        return get(url, timeout, null);
    }

    /** GET with HTTP Basic {@code user:password}, or without credentials when it is null. */
    HttpResponse<String> get(String url, Duration timeout, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + url, e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The processes whose CPU and memory a pipeline run reports: the two stores and every child still running. */
    List<NamedPid> processes() {
        List<NamedPid> list = new ArrayList<>();
        if (influx != null) list.add(new NamedPid("influxd", influx.pid()));
        if (kafka != null) list.add(new NamedPid("kafka", kafka.pid()));
        for (ChildProcess child : children) list.add(new NamedPid(child.name(), child.pid()));
        list.add(new NamedPid("bench (proxy)", ProcessHandle.current().pid()));
        return list;
    }

    record NamedPid(String name, long pid) {
    }

    @Override
    public void close() {
        while (!children.isEmpty()) children.pop().stop(CHILD_STOP_GRACE);
        if (kafka != null) kafka.close();
        if (influx != null) influx.close();
        Folders.deleteRecursively(work.resolve("kafka"));
        Folders.deleteRecursively(work.resolve("influxdb"));
    }
}
