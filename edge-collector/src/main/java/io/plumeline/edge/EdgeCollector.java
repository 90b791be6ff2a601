package io.plumeline.edge;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.core.site.SiteModelLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The edge collector process: OPC UA servers of a site model → Kafka topic of contract-2 readings. Runs
 * until SIGTERM, then closes the subscriptions, sends what is queued and prints a one-line summary.
 */
@Command(name = "edge-collector", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Collects the tags of a site model's OPC UA servers and sends them to Kafka as telemetry readings.")
public final class EdgeCollector implements Callable<Integer> {

    @Option(names = "--site", required = true, paramLabel = "FILE", description = "site model (YAML)")
    private Path site;

    @Option(names = "--kafka", required = true, paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers, host:port[,host:port]")
    private String kafka;

    @Option(names = "--server", paramLabel = "ID", description = "a server id of the site model; repeatable (default: all servers)")
    private List<String> servers = new ArrayList<>();

    @Option(names = "--topic", defaultValue = "plumeline.telemetry", paramLabel = "TOPIC", description = "default: ${DEFAULT-VALUE}")
    private String topic;

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
        SiteModel model = SiteModelLoader.load(site);
        Collector collector = new Collector(model, servers, kafka, topic);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println(collector.stop());
                System.out.flush();
            } finally {
                // Log4j's own shutdown hook is disabled in log4j2.xml so that the lines above still get logged.
                LogManager.shutdown();
                stopped.countDown();
            }
        }, "edge-shutdown"));
        collector.start();
        System.out.println("EdgeCollector started: site " + model.site().id() + ", servers " + collector.serverIds()
                + ", kafka " + kafka + ", topic " + topic);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
