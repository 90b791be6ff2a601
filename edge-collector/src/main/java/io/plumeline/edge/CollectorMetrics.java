package io.plumeline.edge;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plumeline.edge.spool.Spool;
import io.plumeline.edge.spool.SpoolForwarder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The collector's Prometheus metrics (names as scraped: {@code plumeline_edge_*}) and its health document.
 * Readings per second are measured over the last {@link #RATE_EVERY_S} s.
 */
final class CollectorMetrics {

    static final int RATE_EVERY_S = 5;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<ServerCollector> servers;
    private final Spool spool;
    private final SpoolForwarder forwarder;
    private final Map<String, Double> ratePerServer = new ConcurrentHashMap<>();
    private final Map<String, Long> samplesAtLastRate = new ConcurrentHashMap<>();

    CollectorMetrics(List<ServerCollector> servers, Spool spool, SpoolForwarder forwarder) {
        this.servers = servers;
        this.spool = spool;
        this.forwarder = forwarder;
        for (ServerCollector server : servers) {
            String id = server.serverId();
            Gauge.builder("plumeline.edge.server.connected", server, s -> s.connected() ? 1 : 0)
                    .description("1 while a session is open and the subscription exists").tag("server", id).register(registry);
            Gauge.builder("plumeline.edge.monitored.items", server, ServerCollector::itemsCreated)
                    .description("monitored items that exist on the server").tag("server", id).register(registry);
            Gauge.builder("plumeline.edge.tags", server, ServerCollector::tagCount)
                    .description("tags of the site model read from the server").tag("server", id).register(registry);
            FunctionCounter.builder("plumeline.edge.readings", server, ServerCollector::samples)
                    .description("readings received").tag("server", id).register(registry);
            Gauge.builder("plumeline.edge.readings.per.second", ratePerServer, m -> m.getOrDefault(id, 0.0))
                    .description("readings received per second over the last " + RATE_EVERY_S + " s").tag("server", id)
                    .register(registry);
            Gauge.builder("plumeline.edge.newest.reading.age", server, ServerCollector::secondsSinceNewestReading)
                    .baseUnit("seconds").description("time since the newest reading of the server arrived")
                    .tag("server", id).register(registry);
            FunctionCounter.builder("plumeline.edge.gaps", server, ServerCollector::gaps)
                    .description("gap records published").tag("server", id).register(registry);
            FunctionCounter.builder("plumeline.edge.backfilled.readings", server, ServerCollector::backfilled)
                    .description("readings read back with HistoryRead after a gap").tag("server", id).register(registry);
        }
        Gauge.builder("plumeline.edge.spool.depth", spool, Spool::depth)
                .description("records in the spool not yet acknowledged by Kafka").register(registry);
        Gauge.builder("plumeline.edge.spool.size", spool, Spool::bytes).baseUnit("bytes")
                .description("bytes held by the spool (bounded by --spool-max-mb)").register(registry);
        FunctionCounter.builder("plumeline.edge.spool.refused", spool, Spool::refused)
                .description("readings refused by a full spool (dropped at the source, reported as gaps)").register(registry);
        FunctionCounter.builder("plumeline.edge.records.sent", forwarder, SpoolForwarder::sent)
                .description("records acknowledged by Kafka").register(registry);
        FunctionCounter.builder("plumeline.edge.send.errors", forwarder, SpoolForwarder::sendErrors)
                .description("records Kafka refused; they stay in the spool and are sent again").register(registry);
        Gauge.builder("plumeline.edge.spool.quarantined", spool, Spool::quarantined)
                .description("records Kafka refused for good, kept in the spool's quarantine table").register(registry);
        FunctionCounter.builder("plumeline.edge.spool.commit.failures", spool, Spool::commitFailures)
                .description("spool commits that failed (disk full, I/O error); readings are refused meanwhile").register(registry);
        Gauge.builder("plumeline.edge.spool.oldest.record.age", spool, Spool::oldestRecordAgeSeconds).baseUnit("seconds")
                .description("time since the oldest record not yet acknowledged by Kafka was spooled").register(registry);
        Gauge.builder("plumeline.edge.spool.free.disk", spool, Spool::freeDiskBytes).baseUnit("bytes")
                .description("space left on the spool's file system").register(registry);
        Gauge.builder("plumeline.edge.forwarder.alive", forwarder, f -> f.alive() ? 1 : 0)
                .description("1 while the Kafka forwarder thread runs and comes round its loop").register(registry);
        FunctionCounter.builder("plumeline.edge.forwarder.errors", forwarder, SpoolForwarder::loopErrors)
                .description("errors the forwarder recovered from (producer creation, spool read)").register(registry);
        Gauge.builder("plumeline.edge.kafka.up", forwarder, f -> f.kafkaUp() ? 1 : 0)
                .description("1 while Kafka acknowledges within " + SpoolForwarder.ACK_OVERDUE.toSeconds() + " s").register(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Called every {@link #RATE_EVERY_S} s. */
    void sampleRates() {
        for (ServerCollector server : servers) {
            long now = server.samples();
            Long before = samplesAtLastRate.put(server.serverId(), now);
            if (before != null) ratePerServer.put(server.serverId(), (now - before) / (double) RATE_EVERY_S);
        }
    }

    /**
     * UP when every server is connected, Kafka takes records and the spool commits; DEGRADED otherwise; DOWN
     * (503, so that the liveness probe restarts the collector) when the spool writer or the Kafka forwarder
     * died or is stuck.
     */
    Map<String, Object> health() {
        Map<String, Object> serverHealth = new LinkedHashMap<>();
        boolean allUp = true;
        for (ServerCollector server : servers) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("state", server.connected() ? "UP" : "DOWN");
            s.put("endpoint", server.endpoint());
            s.put("tags", server.tagCount());
            s.put("monitoredItems", server.itemsCreated());
            s.put("readingsPerSecond", ratePerServer.getOrDefault(server.serverId(), 0.0));
            double age = server.secondsSinceNewestReading();
            s.put("newestReadingAgeSeconds", Double.isNaN(age) ? null : Math.round(age * 10) / 10.0);
            s.put("problems", server.problems().size());
            if (server.fatalProblem() != null) s.put("error", server.fatalProblem());
            serverHealth.put(server.serverId(), s);
            allUp &= server.connected();
        }
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("state", forwarder.kafkaUp() ? "UP" : "DOWN");
        kafka.put("recordsSent", forwarder.sent());
        kafka.put("sendErrors", forwarder.sendErrors());
        kafka.put("forwarder", forwarder.alive() ? "ALIVE" : "DEAD");
        if (forwarder.lastError() != null) kafka.put("lastError", forwarder.lastError());
        Map<String, Object> spoolHealth = new LinkedHashMap<>();
        spoolHealth.put("state", !spool.writing() ? "DOWN" : spool.commitFailure() != null ? "NOT_WRITABLE" : "UP");
        if (spool.commitFailure() != null) spoolHealth.put("commitFailure", spool.commitFailure());
        spoolHealth.put("dir", spool.dir().toString());
        spoolHealth.put("depth", spool.depth());
        spoolHealth.put("bytes", spool.bytes());
        spoolHealth.put("maxBytes", spool.maxBytes());
        spoolHealth.put("refused", spool.refused());
        spoolHealth.put("quarantined", spool.quarantined());
        spoolHealth.put("oldestRecordAgeSeconds", Math.round(spool.oldestRecordAgeSeconds() * 10) / 10.0);
        spoolHealth.put("freeDiskBytes", spool.freeDiskBytes());
        if (spool.movedAside() != null) spoolHealth.put("movedAside", spool.movedAside());
        Map<String, Object> health = new LinkedHashMap<>();
        boolean down = !spool.writing() || !forwarder.alive();
        boolean up = allUp && forwarder.kafkaUp() && spool.commitFailure() == null;
        health.put("status", down ? "DOWN" : up ? "UP" : "DEGRADED");
        health.put("servers", serverHealth);
        health.put("kafka", kafka);
        health.put("spool", spoolHealth);
        return health;
    }
}
