package io.plumeline.stack;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.core.site.SiteModelLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/**
 * {@code ./plumeline demo|run}: the whole stack on this machine (docs/contracts.md §4). Data and logs go under
 * {@code <repository>/.plumeline/}.
 */
@Command(name = "plumeline", mixinStandardHelpOptions = true, subcommands = {LocalStack.Demo.class, LocalStack.Run.class},
        description = "Runs Plumeline on this machine: InfluxDB, Kafka, the Flink job, the reporting service"
                + " and the edge collector (and, for the demo, the plant simulator).")
public final class LocalStack implements Runnable {

    static final String DEMO_SITE = "examples/sites/refinery.yaml";

    private static final CountDownLatch FINISHED = new CountDownLatch(1);
    private static volatile StackRun current;
    private static volatile int exitCode = 130;

    @Option(names = "--home", hidden = true, description = "The repository root (default: the current folder).")
    Path home = Path.of(System.getProperty("plumeline.home", "."));

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "The whole stack with the plant simulator serving " + DEMO_SITE + ".")
    static final class Demo implements Callable<Integer> {

        @ParentCommand
        LocalStack parent;

        @Option(names = "--for", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "Stop after this long, e.g. 90s, 10m, 1h (default: until Ctrl-C).")
        Duration runFor;

        @Option(names = "--expose", description = "Let the reporting service listen on every address of this machine"
                + " rather than 127.0.0.1. Its users are the publicly known demo users: anyone on the network can sign in.")
        boolean expose;

        @Spec
        CommandSpec spec;

        @Option(names = "--speed", paramLabel = "N", defaultValue = "60",
                description = "Simulated plant seconds per wall-clock second (default: ${DEFAULT-VALUE}).")
        int speed;

        @Override
        public Integer call() {
            if (speed < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--speed must be 1 or more, not " + speed);
            }
            Path site = parent.home.resolve(DEMO_SITE);
            return parent.launch(site, speed, runFor, expose);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "The same stack, collecting from the OPC UA servers that the site model names.")
    static final class Run implements Callable<Integer> {

        @ParentCommand
        LocalStack parent;

        @Option(names = "--site", required = true, paramLabel = "FILE", description = "The site model (YAML).")
        Path site;

        @Option(names = "--for", converter = DurationConverter.class, paramLabel = "DURATION",
                description = "Stop after this long, e.g. 90s, 10m, 1h (default: until Ctrl-C).")
        Duration runFor;

        @Option(names = "--expose", description = "Let the reporting service listen on every address of this machine"
                + " rather than 127.0.0.1. Its users are the publicly known demo users: anyone on the network can sign in.")
        boolean expose;

        @Override
        public Integer call() {
            return parent.launch(site, null, runFor, expose);
        }
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private int launch(Path siteFile, Integer speed, Duration runFor, boolean expose) {
        PrintStream out = System.out;
        if (!Files.isRegularFile(siteFile)) {
            System.err.println("plumeline: the site model " + siteFile.toAbsolutePath().normalize() + " does not exist");
            return 2;
        }
        SiteModel site;
        try {
            site = SiteModelLoader.load(siteFile);
        } catch (SiteModelException e) {
            System.err.println("plumeline: " + e.getMessage());
            return 2;
        }
        if (site.servers().isEmpty()) {
            System.err.println("plumeline: " + siteFile + " names no OPC UA server (servers:), so there is nothing"
                    + " to collect");
            return 2;
        }
        StackRun run = new StackRun(new StackLayout(home, site.site().id()), StackPorts.STANDARD, siteFile, site, speed, runFor,
                expose, out);
        current = run;
        return run.run();
    }

    public static void main(String[] args) {
        // Ctrl-C and SIGTERM end here: the running stack stops its services in order and prints its summary,
        // then the JVM exits with the code the run chose (0 after a clean stop).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StackRun run = current;
            if (run != null) {
                run.requestStop();
                try {
                    FINISHED.await(3, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Runtime.getRuntime().halt(exitCode);
        }, "plumeline-stop"));
        exitCode = new CommandLine(new LocalStack()).execute(args);
        FINISHED.countDown();
        System.exit(exitCode);
    }
}
