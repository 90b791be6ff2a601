package io.plumeline.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code ./plumeline bench}: the measurements of bench/RESULTS.md, each beside its goal, on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures the pipeline against its limits and writes bench/RESULTS.md and bench/results.json.")
public final class Bench implements Callable<Integer> {

    static final int HEADLINE_TAGS = 50_000;

    static List<Scenario> scenarios(int headlineTags) {
        return List.of(new InfluxIngest(), new KafkaThroughput(), new EdgeScale(), PipelineRun.latency(), new AnnualReport(),
                PipelineRun.headline(headlineTags));
    }

    @Option(names = "--quick", description = "smaller sizes and a few minutes of the headline instead of an hour")
    boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "LIST",
            description = "only these scenarios: influx, kafka, edge, latency, year, headline")
    List<String> only = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "N", description = "tags of the headline (default 50,000)")
    int tags = HEADLINE_TAGS;

    @Option(names = "--runs", paramLabel = "N", description = "runs of each repeated measurement (default 3, --quick 2)")
    Integer runs;

    @Option(names = "--out", paramLabel = "DIR", description = "where RESULTS.md and results.json go (default: bench/)")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", description = "data and logs (default: .plumeline/bench/)")
    Path work;

    @Option(names = "--context", paramLabel = "TEXT",
            description = "a sentence on what else ran on the machine, written beside the machine line")
    String context;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() {
        PrintStream console = System.out;
        Path repository = Path.of(System.getProperty("plumeline.home", ".")).toAbsolutePath().normalize();
        Path outDir = out != null ? out : repository.resolve("bench");
        Path workDir = work != null ? work : repository.resolve(".plumeline/bench");
        if (tags < 1 || tags > 200_000) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--tags must be from 1 to 200,000, not " + tags);
        }
        List<Scenario> scenarios = scenarios(tags);
        Set<String> known = new LinkedHashSet<>(scenarios.stream().map(Scenario::id).toList());
        for (String id : only) {
            if (!known.contains(id)) throw new CommandLine.ParameterException(new CommandLine(this),
                    "--only: unknown scenario '" + id + "'; one of " + known);
        }
        int runCount = runs != null ? runs : quick ? 2 : 3;
        if (runCount < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--runs must be at least 1");

        StringBuilder command = new StringBuilder("./plumeline bench");
        if (quick) command.append(" --quick");
        if (!only.isEmpty()) command.append(" --only ").append(String.join(",", only));
        if (runs != null) command.append(" --runs ").append(runs);
        if (tags != HEADLINE_TAGS) command.append(" --tags ").append(tags);
        Machine machine = Machine.describe();
        Results results = new Results(machine, command.toString());
        console.println("Plumeline bench" + (quick ? " (quick)" : "") + " on " + machine.oneLine());
        console.println("  runs per repeated measurement: " + runCount + "; data and logs in " + workDir);
        int failed = 0;
        try (BenchContext ctx = new BenchContext(repository, workDir, quick, runCount, console)) {
            for (Scenario scenario : scenarios) {
                if (!only.isEmpty() && !only.contains(scenario.id())) continue;
                ctx.scenario(scenario.id());
                ctx.progress("%s", scenario.title());
                results.begin(scenario);
                long t0 = System.nanoTime();
                String error = null;
                try {
                    scenario.run(ctx, results);
                } catch (Exception e) {
                    error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    ctx.progress("FAILED: %s", error);
                    e.printStackTrace();
                    failed++;
                }
                results.end(scenario, Duration.ofNanos(System.nanoTime() - t0), error);
                results.writeJson(outDir.resolve("results.json"));
                results.writeMarkdown(outDir.resolve("RESULTS.md"), context);
            }
        }
        summary(console, results, outDir);
        return failed == 0 ? 0 : 1;
    }

    private static void summary(PrintStream out, Results results, Path outDir) {
        String rule = "─".repeat(72);
        out.println(rule);
        out.println("Plumeline bench summary");
        for (Goal g : results.goals()) {
            out.printf("  %-3s %-10s %-44s %s%n", g.reached() ? "ok" : "NO", g.scenario(), g.goal(), g.measured());
        }
        out.println("  written: " + outDir.resolve("RESULTS.md") + ", " + outDir.resolve("results.json"));
        out.println(rule);
    }
}
