package io.plumeline.edge;

import io.plumeline.core.site.OpcServer;
import io.plumeline.core.site.SiteModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All servers of one collector process feeding one Kafka producer, with a progress log. */
final class Collector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final List<ServerCollector> servers = new ArrayList<>();
    private final TelemetryPublisher publisher;
    private final ScheduledExecutorService progress;
    private final Instant started = Instant.now();
    private long sentAtLastProgress;
    private String summary;

    /**
     * Checks the servers up front (ids, security settings, password sources) so that a mistake stops the
     * start with a message instead of a retry loop.
     *
     * @param serverIds the servers to collect from; empty means every server of the site model
     */
    Collector(SiteModel model, List<String> serverIds, String kafkaBootstrap, String topic) {
        List<OpcServer> selected = select(model, serverIds);
        List<ServerConnection> connections = selected.stream().map(ServerConnection::new).toList();
        ReadingMapper mapper = new ReadingMapper(model.site().id(), Clock.systemUTC());
        this.publisher = new TelemetryPublisher(kafkaBootstrap, topic);
        for (ServerConnection connection : connections) {
            var tags = model.tagsOf(connection.serverId());
            if (tags.isEmpty()) {
                log.warn("server {}: no tag of the site model is read from it; not connecting", connection.serverId());
                continue;
            }
            servers.add(new ServerCollector(connection, tags, mapper, publisher));
        }
        this.progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-progress");
            t.setDaemon(true);
            return t;
        });
    }

    private static List<OpcServer> select(SiteModel model, List<String> serverIds) {
        if (model.servers().isEmpty()) {
            throw new IllegalArgumentException("the site model names no OPC UA server");
        }
        if (serverIds.isEmpty()) return model.servers();
        List<OpcServer> selected = new ArrayList<>();
        for (String id : serverIds) {
            selected.add(model.server(id).orElseThrow(() -> new IllegalArgumentException("--server " + id
                    + ": no such server in the site model; it has "
                    + model.servers().stream().map(OpcServer::id).collect(Collectors.joining(", ")))));
        }
        return selected;
    }

    void start() {
        servers.forEach(ServerCollector::start);
        long every = PROGRESS_EVERY.toMillis();
        progress.scheduleAtFixedRate(() -> log.info(progressLine()), every, every, TimeUnit.MILLISECONDS);
    }

    List<String> serverIds() {
        return servers.stream().map(ServerCollector::serverId).toList();
    }

    long readingsSent() {
        return publisher.sent();
    }

    long sendErrors() {
        return publisher.failed();
    }

    int itemsCreated() {
        return servers.stream().mapToInt(ServerCollector::itemsCreated).sum();
    }

    /** Every tag that is not collected, with the reason, over all servers. */
    List<String> problems() {
        return servers.stream().flatMap(s -> s.problems().stream()).toList();
    }

    private synchronized String progressLine() {
        long sent = publisher.sent();
        long delta = sent - sentAtLastProgress;
        sentAtLastProgress = sent;
        return String.format("progress: %d readings sent (%d in the last %d s), %d send errors, %d pending;"
                        + " %d of %d tags monitored, %d not collected",
                sent, delta, PROGRESS_EVERY.toSeconds(), publisher.failed(), pending(), itemsCreated(), tagCount(),
                problems().size());
    }

    private long pending() {
        return publisher.submitted() - publisher.sent() - publisher.failed();
    }

    private int tagCount() {
        return servers.stream().mapToInt(ServerCollector::tagCount).sum();
    }

    /** Stops collecting, sends what is queued and returns the one-line summary; later calls return it again. */
    synchronized String stop() {
        if (summary != null) return summary;
        progress.shutdownNow();
        int monitored = itemsCreated();
        servers.forEach(ServerCollector::close);
        publisher.close(CLOSE_TIMEOUT);
        long samples = servers.stream().mapToLong(ServerCollector::samples).sum();
        Duration ran = Duration.between(started, Instant.now());
        summary = String.format("EdgeCollector summary: %d samples received, %d readings sent, %d send errors, %d unsent;"
                        + " %d of %d tags monitored on %d servers; ran %s",
                samples, publisher.sent(), publisher.failed(), pending(), monitored, tagCount(), servers.size(),
                ran.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase());
        return summary;
    }

    @Override
    public void close() {
        stop();
    }
}
