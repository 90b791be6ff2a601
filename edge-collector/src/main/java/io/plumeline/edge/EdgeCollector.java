package io.plumeline.edge;

import io.plumeline.core.contracts.KafkaClientConfig;
import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.edge.session.Pki;
import io.plumeline.edge.spool.SpoolForwarder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The edge collector process: OPC UA servers of a site model → Kafka topic of contract-2 readings. Runs
 * until SIGTERM, then closes the subscriptions, sends what is queued and prints a one-line summary.
 */
@Command(name = "edge-collector", mixinStandardHelpOptions = true, sortOptions = false, subcommands = EdgeCollector.Trust.class,
        description = "Collects the tags of a site model's OPC UA servers and sends them to Kafka as telemetry readings.")
public final class EdgeCollector implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--site", paramLabel = "FILE", description = "site model (YAML); required")
    private Path site;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers, host:port[,host:port]; required")
    private String kafka;

    @Option(names = KafkaClientConfig.OPTION, paramLabel = "FILE",
            description = "Kafka client settings (properties: security.protocol, sasl.*, ssl.*) for the producer; passwords go"
                    + " here, never on the command line")
    private Path kafkaConfig;

    @Option(names = "--server", paramLabel = "ID", description = "a server id of the site model; repeatable (default: all servers)")
    private List<String> servers = new ArrayList<>();

    @Option(names = "--topic", defaultValue = CollectorSettings.DEFAULT_TOPIC, paramLabel = "TOPIC", description = "default: ${DEFAULT-VALUE}")
    private String topic;

    @Option(names = "--gaps-topic", defaultValue = CollectorSettings.DEFAULT_GAPS_TOPIC, paramLabel = "TOPIC",
            description = "topic of the gap records; default: ${DEFAULT-VALUE}")
    private String gapsTopic;

    /** Where the Helm chart mounts the spool volume and the PKI secret; used by default when present. */
    static final Path CONTAINER_SPOOL = Path.of("/var/lib/plumeline/spool");
    static final Path CONTAINER_PKI = Path.of("/etc/plumeline/opcua/pki");

    @Option(names = "--spool-dir", paramLabel = "DIR",
            description = "durable spool (default: " + "/var/lib/plumeline/spool/<site id> when that folder exists, else .plumeline/spool/<site id>)")
    private Path spoolDir;

    @Option(names = "--spool-max-mb", defaultValue = "1024", paramLabel = "MB",
            description = "the spool's size bound; when full, new readings are refused and reported as a gap; default: ${DEFAULT-VALUE}")
    private long spoolMaxMb;

    @Option(names = "--http-port", defaultValue = "9464", paramLabel = "PORT",
            description = "port of /health and /metrics (Prometheus); 0 = off; default: ${DEFAULT-VALUE}")
    private int httpPort;

    @Option(names = "--pki", paramLabel = "DIR",
            description = "the collector's certificate (own/) and the server certificates it trusts (trusted/) or refused"
                    + " (rejected/); default: /etc/plumeline/opcua/pki when that folder exists, else .plumeline/pki")
    private Path pki;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new EdgeCollector()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Configuration mistakes are explained in one line; anything else keeps its stack trace.
            if (e instanceof SiteModelException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("edge-collector: " + e.getMessage());
                return 2;
            }
            throw e;
        });
    }

    @Override
    public Integer call() throws InterruptedException {
        if (site == null || kafka == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required options: "
                    + (site == null ? "--site=FILE " : "") + (kafka == null ? "--kafka=BOOTSTRAP" : ""));
        }
        SiteModel model = SiteModelLoader.load(site);
        KafkaClientConfig kafkaSettings = SpoolForwarder.readClientConfig(kafkaConfig);
        if (spoolMaxMb <= 0) throw new IllegalArgumentException("--spool-max-mb " + spoolMaxMb + ": must be positive");
        if (httpPort < 0 || httpPort > 65535) throw new IllegalArgumentException("--http-port " + httpPort + ": not a port");
        Path spool = spoolDir != null ? spoolDir
                : (Files.isDirectory(CONTAINER_SPOOL) ? CONTAINER_SPOOL : Path.of(".plumeline", "spool")).resolve(model.site().id());
        Path pkiDir = pki != null ? pki : Files.isDirectory(CONTAINER_PKI) ? CONTAINER_PKI : Path.of(".plumeline", "pki");
        Collector collector = new Collector(model, new CollectorSettings(servers, kafka, kafkaSettings, topic, gapsTopic, spool,
                spoolMaxMb * 1_000_000, httpPort, pkiDir));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                System.out.println(collector.stop());
                System.out.flush();
            } finally {
                // Log4j's own shutdown hook is disabled in log4j2.xml so that the lines above still get logged.
                LogManager.shutdown();
                stopped.countDown();
            }
        }, "edge-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        try {
            collector.start();
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            collector.stop();
            throw e;
        }
        collector.fatalError().thenAccept(e -> {
            fatal.set(e);
            stopped.countDown();
        });
        System.out.println(ReadyLines.COLLECTOR + ": site " + model.site().id() + ", servers " + collector.serverIds()
                + ", kafka " + kafka + ", topic " + topic);
        System.out.flush();
        stopped.await();
        if (fatal.get() == null) return 0;
        // Retrying cannot cure it (wrong password, untrusted certificate): stop, and say what to change.
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return 2;
        }
        System.out.println(collector.stop());
        spec.commandLine().getErr().println("edge-collector: " + fatal.get().getMessage());
        spec.commandLine().getErr().flush();
        return 2;
    }

    /** {@code EdgeCollector trust --pki DIR --server-cert FILE}: the collector accepts that server certificate. */
    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = "Trusts a server certificate: copies it to DIR/trusted/certs/ (and removes it from DIR/rejected/).")
    static final class Trust implements Callable<Integer> {

        @Option(names = "--pki", defaultValue = ".plumeline/pki", paramLabel = "DIR", description = "default: ${DEFAULT-VALUE}")
        private Path pki;

        @Option(names = "--server-cert", required = true, paramLabel = "FILE",
                description = "the server's certificate (DER or PEM), e.g. the file the collector saved in DIR/rejected/")
        private Path certificate;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Path trusted = Pki.trust(pki, certificate);
            spec.commandLine().getOut().println("trusted " + trusted);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
