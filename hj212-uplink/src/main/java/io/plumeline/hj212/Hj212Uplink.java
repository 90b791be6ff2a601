package io.plumeline.hj212;

import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.hj212.platform.Receive;
import io.plumeline.hj212.site.Hj212Stacks;
import io.plumeline.hj212.uplink.Uplink;
import io.plumeline.hj212.uplink.UplinkSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The HJ 212 uplink process: the site model's stacks with an {@code hj212} block, as virtual data loggers, send
 * real-time, minute, hour and day packets made from InfluxDB telemetry to their platforms and answer the platforms'
 * requests for past data and the logger's time (docs/processes.md, "HJ 212 uplink"). Runs until
 * SIGTERM, then prints a one-line summary; {@code receive} is a receiving platform for checking loggers.
 */
@Command(name = "hj212-uplink", mixinStandardHelpOptions = true, sortOptions = false, subcommands = Receive.class,
        description = "Sends HJ 212-2017 real-time (CN 2011), minute (2051), hour (2061) and day (2031) packets of the site model's stacks to their platforms and answers their requests.")
public final class Hj212Uplink implements Callable<Integer> {

    /** Where the Helm chart mounts the spool volume; used by default when present. */
    static final Path CONTAINER_SPOOL = Path.of("/var/lib/plumeline/hj212");

    // --site, --influx, --platform and --password-file are required, checked in call(): picocli would ask them of the
    // receive subcommand too
    @Option(names = "--site", paramLabel = "FILE", description = "site model (YAML); required")
    private Path site;

    @Option(names = "--influx", paramLabel = "URL", description = "InfluxDB base URL (v1 HTTP API); required")
    private URI influx;

    @Option(names = "--influx-db", defaultValue = Measurement.DATABASE, paramLabel = "NAME", description = "default: ${DEFAULT-VALUE}")
    private String influxDb;

    @Option(names = "--influx-user", paramLabel = "NAME", description = "InfluxDB user (read access to the database)")
    private String influxUser;

    @Option(names = "--influx-password-file", paramLabel = "FILE", description = "the InfluxDB user's password")
    private Path influxPasswordFile;

    @Option(names = "--platform", paramLabel = "ID=HOST:PORT",
            description = "a platform the site model's stacks name; repeatable, at least one")
    private Map<String, String> platforms = new LinkedHashMap<>();

    @Option(names = "--password-file", paramLabel = "ID=FILE",
            description = "the file holding the password (PW) for a platform; one per --platform")
    private Map<String, Path> passwordFiles = new LinkedHashMap<>();

    @Option(names = "--spool-dir", paramLabel = "DIR",
            description = "durable spool (default: /var/lib/plumeline/hj212/<site id> when that folder exists, else .plumeline/hj212/<site id>)")
    private Path spoolDir;

    @Option(names = "--packets", split = ",", defaultValue = "2011,2051,2061,2031", paramLabel = "CN",
            description = "packets to make: 2011 real-time, 2051 minute, 2061 hour, 2031 day; default: ${DEFAULT-VALUE}")
    private List<String> packets = new ArrayList<>();

    @Option(names = "--realtime-interval", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "how often a real-time packet (CN 2011), 30 s to 1 h; default: ${DEFAULT-VALUE}")
    private Duration realtimeInterval;

    @Option(names = "--reference-o2", paramLabel = "SOURCE=PERCENT",
            description = "the reference O2 (vol%%) a source's concentrations are converted to for -ZsAvg; repeatable")
    private Map<String, Double> referenceO2 = new LinkedHashMap<>();

    @Option(names = "--from", paramLabel = "INSTANT",
            description = "first interval to make when a stack's spool has none yet (default: the current one)")
    private Instant from;

    @Option(names = "--delay", defaultValue = "PT2M", paramLabel = "DURATION",
            description = "how long after an interval ends its telemetry is taken as complete; default: ${DEFAULT-VALUE}")
    private Duration delay;

    @Option(names = "--ack-timeout", defaultValue = "PT10S", paramLabel = "DURATION",
            description = "how long to wait for the platform's CN 9014 before sending again; default: ${DEFAULT-VALUE}")
    private Duration ackTimeout;

    @Option(names = "--retries", defaultValue = "3", paramLabel = "N",
            description = "resends on one connection before reconnecting; default: ${DEFAULT-VALUE}")
    private int retries;

    @Option(names = "--poll", defaultValue = "PT5S", paramLabel = "DURATION", description = "how often to look for intervals to make; default: ${DEFAULT-VALUE}")
    private Duration poll;

    @Option(names = "--time-calibration", defaultValue = "refuse", paramLabel = "accept|refuse",
            description = "what a platform's CN 1012 (set the logger's time) gets: accept answers done and logs the offset, "
                    + "the clock being the host's (NTP); refuse answers QnRtn 2; default: ${DEFAULT-VALUE}")
    private String timeCalibration;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Hj212Uplink()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Configuration mistakes are explained in one line; anything else keeps its stack trace.
            if (e instanceof SiteModelException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("hj212-uplink: " + e.getMessage());
                return 2;
            }
            throw e;
        });
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> missing = new ArrayList<>();
        if (site == null) missing.add("--site=FILE");
        if (influx == null) missing.add("--influx=URL");
        if (platforms.isEmpty()) missing.add("--platform=ID=HOST:PORT");
        if (passwordFiles.isEmpty()) missing.add("--password-file=ID=FILE");
        if (!missing.isEmpty()) throw new IllegalArgumentException("missing required options: " + String.join(", ", missing));
        SiteModel model = SiteModelLoader.load(site);
        if (retries < 0) throw new IllegalArgumentException("--retries " + retries + ": must be 0 or more");
        if (delay.isNegative()) throw new IllegalArgumentException("--delay " + delay + ": must not be negative");
        if (ackTimeout.isNegative() || ackTimeout.isZero()) throw new IllegalArgumentException("--ack-timeout " + ackTimeout + ": must be positive");
        if (poll.isNegative() || poll.isZero()) throw new IllegalArgumentException("--poll " + poll + ": must be positive");
        if (influxUser == null && influxPasswordFile != null) throw new IllegalArgumentException("--influx-password-file needs --influx-user");
        Path spool = spoolDir != null ? spoolDir
                : (Files.isDirectory(CONTAINER_SPOOL) ? CONTAINER_SPOOL : Path.of(".plumeline", "hj212")).resolve(model.site().id());
        UplinkSettings settings = new UplinkSettings(spool, 16L << 20, packets, realtimeInterval, from != null ? from : Instant.now(),
                delay, ackTimeout, retries, poll, platforms(), UplinkSettings.TimeCalibration.of(timeCalibration));
        Uplink uplink = new Uplink(model, Hj212Stacks.of(model, referenceO2), settings, influx, influxDb, Optional.ofNullable(influxUser),
                Optional.ofNullable(influxPasswordFile).map(f -> Secrets.read(f, "--influx-password-file")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println(uplink.stop());
                System.out.flush();
            } finally {
                // Log4j's own shutdown hook is disabled in log4j2.xml so that the summary still gets logged.
                LogManager.shutdown();
                stopped.countDown();
            }
        }, "hj212-shutdown"));
        uplink.start();
        System.out.println(ReadyLines.HJ212_UPLINK + ": site " + model.site().id() + ", channels " + uplink.channelNames()
                + ", platforms " + settings.platforms());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private List<UplinkSettings.Platform> platforms() {
        List<UplinkSettings.Platform> list = new ArrayList<>();
        platforms.forEach((id, address) -> {
            int colon = address.lastIndexOf(':');
            int port;
            try {
                port = colon < 1 ? -1 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) throw new IllegalArgumentException("--platform " + id + "=" + address + ": not HOST:PORT");
            Path file = passwordFiles.get(id);
            if (file == null) throw new IllegalArgumentException("--platform " + id + " has no --password-file " + id + "=FILE");
            list.add(new UplinkSettings.Platform(id, address.substring(0, colon), port, Secrets.read(file, "--password-file " + id)));
        });
        for (String id : passwordFiles.keySet()) {
            if (!platforms.containsKey(id)) throw new IllegalArgumentException("--password-file " + id + ": no --platform " + id);
        }
        return list;
    }

    /** A password from a file, one trailing line break dropped; never from the command line. */
    static final class Secrets {
        private Secrets() {
        }

        static String read(Path file, String option) {
            try {
                String text = Files.readString(file);
                text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
                if (text.isEmpty()) throw new IllegalArgumentException(option + " " + file + ": the file is empty");
                return text;
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + file + ": cannot read: " + e.getMessage());
            }
        }
    }
}
