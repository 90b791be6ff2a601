package io.plumeline.bench;

import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 3. The edge collector's readings per second and CPU at 1k, 10k and 50k items, beside a bare Milo client
 * receiving the same items from the same simulator in the same run (one after the other).
 */
final class EdgeScale implements Scenario {

    private static final int[] SIZES = {1_000, 10_000, 50_000};
    private static final int INTERVAL_S = 5;
    private static final Pattern SUBSCRIBED = Pattern.compile("^subscribed (\\d+)");
    private static final Pattern RECEIVED = Pattern.compile("^received (\\d+)");
    private static final Pattern READINGS = Pattern.compile("^plumeline_edge_readings_total\\{[^}]*\\} ([0-9.E+]+)", Pattern.MULTILINE);
    private static final Pattern ITEMS = Pattern.compile("^plumeline_edge_monitored_items\\{[^}]*\\} ([0-9.E+]+)", Pattern.MULTILINE);

    @Override
    public String id() {
        return "edge";
    }

    @Override
    public String title() {
        return "3. Edge collector vs a bare Milo client at 1k, 10k and 50k items (1 s sampling)";
    }

    @Override
    public void run(BenchContext ctx, Results results) throws Exception {
        Duration window = ctx.size(Duration.ofSeconds(20), Duration.ofSeconds(120));
        String bootstrap = ctx.kafka().bootstrapServers();
        for (int size : SIZES) {
            int port = Ports.free();
            BenchSite site = BenchSite.generate("bench-edge-" + size, size, 0, "opc.tcp://127.0.0.1:" + port + "/plumeline");
            Path siteFile = site.writeTo(ctx.work.resolve("sites"));
            ChildProcess simulator = ctx.launch("simulator-" + size, "plant-simulator", "io.plumeline.simulator.PlantSimulator",
                    "1500m", List.of("--site", siteFile.toString(), "--speed", "1", "--history", "10",
                            "--pki", ctx.work.resolve("simulator-pki").toString()));
            simulator.awaitLogLine(Pattern.compile(Pattern.quote(ReadyLines.SIMULATOR)), Duration.ofSeconds(120));
            ctx.progress("%,d items: simulator ready", size);

            ChildProcess bare = ctx.launch("bare-milo-" + size, "bench/pipeline", BareMiloClient.class.getName(), "1g",
                    List.of(siteFile.toString()));
            bare.awaitReady(() -> BenchContext.findInLog(bare, SUBSCRIBED) != null, Duration.ofSeconds(180),
                    "did not subscribe");
            Rate bareRate = measure(ctx, window, bare.pid(), simulator.pid(), () -> lastReceived(bare));
            ctx.stop(bare);
            ctx.progress("%,d items: bare Milo client %,.0f values/s at %.1f %% CPU", size, bareRate.perSecond.median(), bareRate.cpu);

            int http = Ports.free();
            ChildProcess collector = ctx.launch("edge-collector-" + size, "edge-collector", "io.plumeline.edge.EdgeCollector",
                    "1g", List.of("--site", siteFile.toString(), "--kafka", bootstrap, "--topic", "bench.edge." + size,
                            "--spool-dir", ctx.work.resolve("spool-" + size).toString(), "--http-port", Integer.toString(http),
                            "--pki", ctx.work.resolve("edge-pki").toString()));
            String metrics = "http://127.0.0.1:" + http + "/metrics";
            collector.awaitReady(() -> metric(ctx, metrics, ITEMS) >= size, Duration.ofSeconds(180),
                    "did not report " + size + " monitored items on " + metrics);
            Rate edgeRate = measure(ctx, window, collector.pid(), simulator.pid(), () -> (long) metric(ctx, metrics, READINGS));
            ctx.stop(collector);
            ctx.stop(simulator);
            ctx.progress("%,d items: edge collector %,.0f readings/s at %.1f %% CPU", size, edgeRate.perSecond.median(), edgeRate.cpu);

            String k = String.format("%,d items", size);
            results.add(id(), k + ": bare Milo client", "values/s", bareRate.perSecond, INTERVAL_S + "-s intervals over " + window.toSeconds() + " s (runs = intervals)");
            results.add(id(), k + ": edge collector → Kafka", "readings/s", edgeRate.perSecond, INTERVAL_S + "-s intervals of plumeline_edge_readings_total (runs = intervals)");
            results.add(id(), k + ": CPU bare Milo client", "% of a core", Stats.of(bareRate.cpu), "over the window; simulator " + String.format("%.0f %%", bareRate.serverCpu));
            results.add(id(), k + ": CPU edge collector", "% of a core", Stats.of(edgeRate.cpu), "over the window (Milo client, spool, Kafka producer); simulator " + String.format("%.0f %%", edgeRate.serverCpu));
            double ratio = edgeRate.perSecond.median() / bareRate.perSecond.median();
            results.add(id(), k + ": ratio collector / bare client", "", Stats.of(ratio), "medians");
            if (size == 50_000) {
                results.goal(id(), "edge ≥ 80 % of the bare Milo client at 50k items",
                        String.format("%.0f %% (%,.0f vs %,.0f /s)", 100 * ratio, edgeRate.perSecond.median(), bareRate.perSecond.median()),
                        ratio >= 0.8);
            }
        }
        results.note(id(), "One simulator per size serves all items at 1 Hz (its ticks are pushed, one value per item and"
                + " second); first the bare client, then the collector, subscribe to all of them. CPU is user + system time"
                + " of the client's own JVM from /proc, in % of one core.");
    }

    private record Rate(Stats perSecond, double cpu, double serverCpu) {
    }

    /**
     * After a 5 s settling time: values per second in 5-s intervals over {@code window} (on a fixed schedule, so
     * that each interval holds five of the server's once-a-second publish bursts), and CPU of client and server.
     */
    private static Rate measure(BenchContext ctx, Duration window, long clientPid, long serverPid, LongSupplier counter) {
        BenchContext.sleep(Duration.ofSeconds(5));
        ProcStats.CpuMeter client = new ProcStats.CpuMeter(clientPid);
        ProcStats.CpuMeter server = new ProcStats.CpuMeter(serverPid);
        List<Double> rates = new ArrayList<>();
        long previous = counter.getAsLong();
        long start = System.nanoTime();
        long t = start;
        for (int k = 1; k <= window.toSeconds() / INTERVAL_S; k++) {
            long due = start + Duration.ofSeconds(k * INTERVAL_S).toNanos();
            BenchContext.sleep(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
            long now = System.nanoTime();
            long count = counter.getAsLong();
            rates.add((count - previous) / ((now - t) / 1e9));
            previous = count;
            t = now;
        }
        return new Rate(new Stats(rates), client.percentOfOneCore(), server.percentOfOneCore());
    }

    private static long lastReceived(ChildProcess bare) {
        long last = 0;
        try {
            for (String line : java.nio.file.Files.readAllLines(bare.logFile())) {
                Matcher m = RECEIVED.matcher(line);
                if (m.find()) last = Long.parseLong(m.group(1));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return last;
    }

    private static double metric(BenchContext ctx, String url, Pattern pattern) {
        try {
            Matcher m = pattern.matcher(ctx.get(url, Duration.ofSeconds(5)).body());
            double sum = 0;
            while (m.find()) sum += Double.parseDouble(m.group(1));
            return sum;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
