package io.plumeline.edge;

import io.plumeline.core.site.OpcServer;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.edge.gaps.GapRecord;
import io.plumeline.edge.session.Pki;
import io.plumeline.edge.session.ServerConnection;
import io.plumeline.edge.spool.Spool;
import io.plumeline.edge.spool.SpoolForwarder;
import io.plumeline.edge.subscription.ReadingMapper;
import io.plumeline.edge.subscription.ReadingSink;
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

/**
 * All servers of one collector process: each reading goes to the spool, and the forwarder sends the spool to
 * Kafka. Logs progress every 30 s.
 */
final class Collector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How often the newest reading time per tag is saved in the spool; after a crash the restart gap starts
     * at most this much too early (re-read readings land on the same InfluxDB points).
     */
    static final long TAG_STATE_EVERY_S = 5;

    private final List<ServerCollector> servers = new ArrayList<>();
    private final Spool spool;
    private final SpoolForwarder forwarder;
    private final String topic;
    private final String gapsTopic;
    private final java.util.concurrent.CompletableFuture<RuntimeException> fatal = new java.util.concurrent.CompletableFuture<>();
    private final CollectorMetrics metrics;
    private final int httpPort;
    private HealthServer http;
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
    Collector(SiteModel model, CollectorSettings settings) {
        List<OpcServer> selected = select(model, settings.serverIds());
        // The certificate is made (or loaded) only when a server needs it, so a site without security writes no PKI.
        Pki pki = selected.stream().anyMatch(ServerConnection::needsPki) ? Pki.open(settings.pkiDir()) : null;
        List<ServerConnection> connections = selected.stream().map(s -> new ServerConnection(s, pki)).toList();
        ReadingMapper mapper = new ReadingMapper(model.site().id(), Clock.systemUTC());
        this.topic = settings.topic();
        this.spool = Spool.open(settings.spoolDir(), settings.spoolMaxBytes());
        this.forwarder = new SpoolForwarder(spool, settings.kafka(), settings.kafkaConfig());
        this.gapsTopic = settings.gapsTopic();
        var saved = spool.loadTagState();
        if (spool.movedAside() != null) {
            spool.offerAlways(gapsTopic, model.site().id(), GapRecord.spoolDamagedJson(model.site().id(), spool.movedAside(),
                    Instant.now()));
        }
        for (ServerConnection connection : connections) {
            var tags = model.tagsOf(connection.serverId());
            if (tags.isEmpty()) {
                log.warn("server {}: no tag of the site model is read from it; not connecting", connection.serverId());
                continue;
            }
            servers.add(new ServerCollector(connection, tags, model.site().id(), mapper, readingSink(),
                    (server, json) -> spool.offerAlways(gapsTopic, server, json), saved, this::fatal));
        }
        this.metrics = new CollectorMetrics(servers, spool, forwarder);
        this.httpPort = settings.httpPort();
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

    private ReadingSink readingSink() {
        return new ReadingSink() {
            @Override
            public boolean accept(Reading reading) {
                return spool.offer(topic, reading.tag(), ReadingJson.toBytes(reading));
            }

            @Override
            public boolean hasRoom() {
                return spool.hasRoom();
            }
        };
    }

    /**
     * One server refused the collector in a way retrying soon cannot cure: that server waits and tries again
     * now and then while the others go on. Only when every server is so refused has the process nothing to do.
     */
    private void fatal(RuntimeException e) {
        log.error(e.getMessage());
        if (servers.stream().allMatch(s -> s.fatalProblem() != null)) fatal.complete(e);
    }

    /** Completes when every server refused the collector in a way that retrying cannot cure. */
    java.util.concurrent.CompletableFuture<RuntimeException> fatalError() {
        return fatal;
    }

    private void saveTagState() {
        servers.forEach(s -> spool.saveTagState(s.takeUnsavedState()));
    }

    void start() {
        if (httpPort > 0) http = new HealthServer(httpPort, metrics::health, metrics.registry());
        forwarder.start();
        servers.forEach(ServerCollector::start);
        long every = PROGRESS_EVERY.toMillis();
        progress.scheduleAtFixedRate(() -> log.info(progressLine()), every, every, TimeUnit.MILLISECONDS);
        progress.scheduleAtFixedRate(metrics::sampleRates, 0, CollectorMetrics.RATE_EVERY_S, TimeUnit.SECONDS);
        progress.scheduleWithFixedDelay(this::saveTagState, TAG_STATE_EVERY_S, TAG_STATE_EVERY_S, TimeUnit.SECONDS);
    }

    List<ServerCollector> servers() {
        return List.copyOf(servers);
    }

    List<String> serverIds() {
        return servers.stream().map(ServerCollector::serverId).toList();
    }

    long recordsSent() {
        return forwarder.sent();
    }

    long sendErrors() {
        return forwarder.sendErrors();
    }

    CollectorMetrics metrics() {
        return metrics;
    }

    Spool spool() {
        return spool;
    }

    SpoolForwarder forwarder() {
        return forwarder;
    }

    int itemsCreated() {
        return servers.stream().mapToInt(ServerCollector::itemsCreated).sum();
    }

    /** Every tag that is not collected, with the reason, over all servers. */
    List<String> problems() {
        return servers.stream().flatMap(s -> s.problems().stream()).toList();
    }

    private synchronized String progressLine() {
        long sent = forwarder.sent();
        long delta = sent - sentAtLastProgress;
        sentAtLastProgress = sent;
        return String.format("progress: %d records sent (%d in the last %d s), %d send errors, Kafka %s; spool holds %d"
                        + " records (%d MB of %d), %d refused; %d of %d tags monitored, %d not collected",
                sent, delta, PROGRESS_EVERY.toSeconds(), forwarder.sendErrors(), forwarder.kafkaUp() ? "up" : "DOWN",
                spool.depth(), spool.bytes() / 1_000_000, spool.maxBytes() / 1_000_000, spool.refused(),
                itemsCreated(), tagCount(), problems().size());
    }

    private int tagCount() {
        return servers.stream().mapToInt(ServerCollector::tagCount).sum();
    }

    /** Stops collecting, sends what is queued and returns the one-line summary; later calls return it again. */
    synchronized String stop() {
        if (summary != null) return summary;
        progress.shutdownNow();
        if (http != null) http.close();
        int monitored = itemsCreated();
        servers.forEach(ServerCollector::close);
        saveTagState();
        forwarder.drainAndClose(CLOSE_TIMEOUT);
        spool.close();
        long samples = servers.stream().mapToLong(ServerCollector::samples).sum();
        Duration ran = Duration.between(started, Instant.now());
        summary = String.format("EdgeCollector summary: %d samples received, %d records sent, %d send errors,"
                        + " %d left in the spool, %d refused by a full spool; %d of %d tags monitored on %d servers; ran %s",
                samples, forwarder.sent(), forwarder.sendErrors(), spool.depth(), spool.refused(), monitored, tagCount(),
                servers.size(),
                ran.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase());
        return summary;
    }

    @Override
    public void close() {
        stop();
    }
}
