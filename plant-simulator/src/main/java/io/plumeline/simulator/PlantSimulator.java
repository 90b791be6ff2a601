package io.plumeline.simulator;

import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.simulator.profile.ProfileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Serves the tags of one OPC UA server entry of a site model with deterministic values, until stopped. */
@Command(name = "plant-simulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves every tag of a site model's OPC UA server entry with deterministic profiles and injected faults.")
public final class PlantSimulator implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @Option(names = "--site", required = true, paramLabel = "FILE", description = "Site model YAML (apiVersion plumeline/v1).")
    Path site;

    @Option(names = "--server", paramLabel = "ID",
            description = "Server entry to serve (default: the first one); repeat it to serve several on one clock.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1",
            description = "Simulated time per wall time; may be fractional (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--start", paramLabel = "ISO-instant",
            description = "Source time of tick 0 (default: the --epoch if given, else now truncated to seconds).")
    Instant start;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of default profiles and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--profiles", paramLabel = "FILE", description = "Profiles YAML: tag-id: {shape: sine, mean: …, amplitude: …, periodS: …}.")
    Path profiles;

    @Option(names = "--fault", paramLabel = "TAG:FIRST-LAST", converter = FaultWindow.Converter.class,
            description = "Serve ticks FIRST..LAST of TAG as Bad_SensorFailure; repeatable.")
    List<FaultWindow> faults = new ArrayList<>();

    @Option(names = "--ticks", paramLabel = "N", description = "Stop producing after N ticks per tag (keeps serving).")
    Long ticks;

    @Option(names = "--await-items", paramLabel = "N", defaultValue = "0",
            description = "Start tick 0 only once N monitored items exist (default: ${DEFAULT-VALUE}).")
    int awaitItems;

    @Option(names = "--pki", paramLabel = "DIR", defaultValue = ".plumeline/simulator-pki",
            description = "PKI folder: own/ certificates (made on first start), trusted/certs/, rejected/ (default: ${DEFAULT-VALUE}).")
    Path pki;

    @Option(names = "--trust-all-clients",
            description = "Accept every client certificate (tests, demos); otherwise only those in trusted/certs/.")
    boolean trustAllClients;

    @Option(names = "--history", paramLabel = "N", defaultValue = "100000",
            description = "Ticks per tag that HistoryRead reaches back (default: ${DEFAULT-VALUE}).")
    long history;

    @Option(names = "--epoch", paramLabel = "INSTANT|MILLIS", converter = EpochConverter.class,
            description = "Wall time of tick 0 (ISO instant or Unix milliseconds). Restart with the same --epoch,"
                    + " --start and other settings to continue the tick schedule; the ticks missed meanwhile are"
                    + " served by HistoryRead.")
    Instant epoch;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with bad input (site model, profiles, flags) reported as one message and exit code 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PlantSimulator());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SimulatorException || e instanceof SiteModelException || e instanceof ProfileException) {
                PrintWriter err = cmd.getErr();
                err.println("plant-simulator: " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }

    /** The settings these arguments ask for; throws picocli's ParameterException or SimulatorException. */
    public static SimulatorSettings settings(String... args) {
        CommandLine cli = commandLine();
        cli.parseArgs(args);
        return cli.<PlantSimulator>getCommand().settings();
    }

    SimulatorSettings settings() {
        Instant tick0 = start != null ? start : epoch != null ? epoch : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new SimulatorSettings(site, servers, speed, tick0, seed, profiles, faults, ticks, awaitItems, pki,
                trustAllClients, history, epoch);
    }

    @Override
    public Integer call() throws InterruptedException {
        Simulation simulation = Simulation.start(settings());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulation.close();
            System.out.println(simulation.summary());
            System.out.flush();
            stopped.countDown();
        }, "plant-simulator-stop"));
        System.out.println(ReadyLines.SIMULATOR + " " + String.join(", ", simulation.endpointUrls()));
        System.out.flush();
        stopped.await();
        return 0;
    }

    static final class EpochConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.matches("-?\\d+") ? Instant.ofEpochMilli(Long.parseLong(value)) : Instant.parse(value);
            } catch (DateTimeException | NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is neither an ISO instant (2026-01-01T00:00:00Z) nor Unix milliseconds");
            }
        }
    }
}
