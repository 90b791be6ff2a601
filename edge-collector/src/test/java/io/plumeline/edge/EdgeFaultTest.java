package io.plumeline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.edge.gaps.GapTracker;
import io.plumeline.edge.subscription.TagSubscription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault classes of the edge, each against a real Milo server and a real Kafka broker: a poison record, an
 * unresolvable Kafka name at start, a damaged spool file, one server refusing the collector for good, a
 * server queue overflow and lost notifications, a flapping link, a link that dies during a read-back. Each
 * asserts that nothing accepted is lost and that the failure shows (health, metric or gap record).
 */
class EdgeFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-26T04:00:00Z");

    @TempDir
    static Path dir;

    private static TestOpcUaServer opc;

    @BeforeAll
    static void startServices() throws Exception {
        SharedKafka.broker();
        opc = TestOpcUaServer.start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (opc != null) opc.close();
    }

    @Test
    void recordsKafkaRefusesForGoodAreQuarantinedWithTheirReasonAndTheRecordsBehindThemGoOn() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId flow = ns.addVariable("f1/Flow", NodeIds.Double, true);
        Path site = new TestSite(opc.endpointUrl()).tag("f1.flow", "s=f1/Flow", 200).writeTo(dir.resolve("f1.yaml"));
        String topic = SharedKafka.topic("f1");
        try (Collector collector = start(site, CollectorSettings.of(brokers(), topic, dir.resolve("spool-f1"), dir.resolve("pki")));
             TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            ns.awaitMonitored(WAIT, flow);
            ns.push(flow, PushNamespace.good(1.0, T0));
            records.await(1, WAIT);
            // Two poison records at the head of the spool: a topic name Kafka refuses, and a record above the
            // producer's max.request.size (1 MB).
            collector.spool().offerAlways("not a valid topic!", "poison", "{}".getBytes(StandardCharsets.UTF_8));
            collector.spool().offerAlways(topic, "huge", new byte[2_000_000]);
            for (int i = 1; i <= 5; i++) ns.push(flow, PushNamespace.good(1.0 + i, T0.plusSeconds(i)));

            List<Reading> readings = records.await(6, WAIT).stream().map(r -> ReadingJson.parse(r.value())).toList();
            assertThat(readings).extracting(Reading::value).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
            Await.within(WAIT, () -> collector.spool().quarantined() == 2, "both poison records quarantined");
            assertThat(collector.spool().quarantineReasons().values()).satisfiesExactlyInAnyOrder(
                    r -> assertThat(r).contains("InvalidTopicException"),
                    r -> assertThat(r).contains("RecordTooLargeException"));
            Await.within(WAIT, () -> collector.spool().depth() == 0, "the spool drained behind them");
            assertThat(collector.sendErrors()).isEqualTo(2);
            assertThat(collector.metrics().registry().scrape()).contains("plumeline_edge_spool_quarantined 2.0");
            assertThat(spoolHealth(collector)).containsEntry("quarantined", 2L);
        }
    }

    @Test
    void anUnresolvableKafkaNameAtStartKeepsTheForwarderAliveAndTheSpoolDeliversOnceKafkaResolves() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId flow = ns.addVariable("f2/Flow", NodeIds.Double, true);
        Path site = new TestSite(opc.endpointUrl()).tag("f2.flow", "s=f2/Flow", 200).writeTo(dir.resolve("f2.yaml"));
        String topic = SharedKafka.topic("f2");
        Path spool = dir.resolve("spool-f2");
        // .invalid never resolves (RFC 6761): kafka-clients throws "No resolvable bootstrap urls" in the constructor.
        try (Collector collector = start(site, CollectorSettings.of("kafka.plumeline.invalid:9092", topic, spool, dir.resolve("pki")))) {
            ns.awaitMonitored(WAIT, flow);
            for (int i = 0; i < 5; i++) ns.push(flow, PushNamespace.good(10.0 + i, T0.plusSeconds(i)));
            Await.within(WAIT, () -> collector.forwarder().loopErrors() >= 2, "producer creation failed and was retried");
            Await.within(WAIT, () -> collector.spool().depth() == 5, "readings held in the spool");
            Map<String, Object> health = collector.metrics().health();
            assertThat(health).containsEntry("status", "DEGRADED");
            assertThat(health.get("kafka").toString()).contains("forwarder=ALIVE", "No resolvable bootstrap urls");
            assertThat(collector.forwarder().alive()).isTrue();
        }
        // The pod restarted with DNS back: what the spool held is delivered.
        try (Collector collector = start(site, CollectorSettings.of(brokers(), topic, spool, dir.resolve("pki")));
             TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            assertThat(records.await(5, WAIT)).extracting(r -> ReadingJson.parse(r.value()).value())
                    .containsExactly(10.0, 11.0, 12.0, 13.0, 14.0);
            Await.within(WAIT, () -> collector.spool().depth() == 0, "spool sent");
        }
    }

    @Test
    void aDamagedSpoolFileIsMovedAsideReportedAsAGapRecordAndCollectionResumes() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId flow = ns.addVariable("f3/Flow", NodeIds.Double, true);
        Path site = new TestSite(opc.endpointUrl()).tag("f3.flow", "s=f3/Flow", 200).writeTo(dir.resolve("f3.yaml"));
        String topic = SharedKafka.topic("f3");
        String gapsTopic = SharedKafka.topic("f3.gaps");
        Path spool = Files.createDirectories(dir.resolve("spool-f3"));
        Files.write(spool.resolve("spool.db"), "this is not an SQLite database, it is what a bad disk left".repeat(200)
                .getBytes(StandardCharsets.UTF_8));
        try (Collector collector = start(site, CollectorSettings.of(brokers(), topic, spool, dir.resolve("pki"))
                .withGapsTopic(gapsTopic));
             TelemetryTopic records = new TelemetryTopic(brokers(), topic);
             TelemetryTopic gaps = new TelemetryTopic(brokers(), gapsTopic)) {
            assertThat(collector.spool().movedAside()).isNotNull();
            assertThat(Path.of(collector.spool().movedAside())).isRegularFile();
            assertThat(spoolHealth(collector)).containsEntry("movedAside", collector.spool().movedAside());
            JsonNode damaged = JSON.readTree(gaps.await(1, WAIT).get(0).value());
            assertThat(damaged.get("type").asText()).isEqualTo("spool-damaged");
            assertThat(damaged.get("movedTo").asText()).isEqualTo(collector.spool().movedAside());

            ns.awaitMonitored(WAIT, flow);
            ns.push(flow, PushNamespace.good(3.5, T0));
            assertThat(ReadingJson.parse(records.await(1, WAIT).get(0).value()).value()).isEqualTo(3.5);
        }
    }

    @Test
    void aServerThatRefusesTheCollectorForGoodStopsOnlyItselfTheOtherServersGoOn() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId good = ns.addVariable("f4/Good", NodeIds.Double, true);
        Path wrongPassword = Files.writeString(dir.resolve("f4.password"), "not-" + TestOpcUaServer.PASSWORD);
        // Two server entries on the same test server: one anonymous, one with a password the server refuses.
        String yaml = Files.readString(new TestSite(opc.endpointUrl()).tag("f4.good", "s=f4/Good", 200)
                .writeTo(dir.resolve("f4-one.yaml")));
        yaml = yaml.replace("units:\n", "  - id: refusing\n    endpoint: " + opc.endpointUrl()
                + "\n    securityPolicy: None\n    securityMode: None\n    allowInsecureCredentials: true"
                + "\n    auth: {type: username, username: "
                + TestOpcUaServer.USERNAME + ", passwordFile: " + wrongPassword + "}\nunits:\n")
                + "  - {id: f4.refused, unit: unit-1, server: refusing, node: \"nsu=" + PushNamespace.URI
                + ";s=f4/Good\", uom: Nm3/h, samplingMs: 200}\n";
        Path site = Files.writeString(dir.resolve("f4.yaml"), yaml);
        String topic = SharedKafka.topic("f4");
        try (Collector collector = start(site, CollectorSettings.of(brokers(), topic, dir.resolve("spool-f4"), dir.resolve("pki")));
             TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            ServerCollector refusing = collector.servers().stream().filter(s -> s.serverId().equals("refusing")).findFirst().orElseThrow();
            Await.within(WAIT, () -> refusing.fatalProblem() != null, "the refusal recorded for that server");
            ns.awaitMonitored(WAIT, good);
            ns.push(good, PushNamespace.good(8.0, T0));
            assertThat(records.await(1, WAIT)).extracting(ConsumerRecord::key).containsExactly("f4.good");
            assertThat(collector.fatalError()).as("the process goes on").isNotDone();
            Map<String, Object> health = collector.metrics().health();
            assertThat(health).containsEntry("status", "DEGRADED");
            assertThat(health.get("servers").toString()).contains("refusing={state=DOWN", "refused the user 'operator'");
        }
    }

    @Test
    void samplesTheServersQueueDiscardedAndLostNotificationsBecomeGapsThatAreReadBack() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId level = ns.addVariable("f5/Level", NodeIds.Double, true);
        // Sampling 1000 ms: the item's queue holds MIN_QUEUE_SIZE samples per publishing interval.
        Path site = new TestSite(opc.endpointUrl()).tag("f5.level", "s=f5/Level", 1000).writeTo(dir.resolve("f5.yaml"));
        String topic = SharedKafka.topic("f5");
        String gapsTopic = SharedKafka.topic("f5.gaps");
        // Two more than the queue holds: two samples discarded, and only the last two flagged.
        int burst = TagSubscription.MIN_QUEUE_SIZE + 2;
        try (Collector collector = start(site, CollectorSettings.of(brokers(), topic, dir.resolve("spool-f5"), dir.resolve("pki"))
                .withGapsTopic(gapsTopic));
             TelemetryTopic records = new TelemetryTopic(brokers(), topic);
             TelemetryTopic gaps = new TelemetryTopic(brokers(), gapsTopic)) {
            ns.awaitMonitored(WAIT, level);
            ns.push(level, recorded(level, 0, T0));
            records.await(1, WAIT);
            // More samples within one publishing interval than the queue holds: the server discards the oldest and
            // sets the overflow bit on the sample it adds to the full queue (Milo 1.1.2's MonitoredDataItem), so the
            // flagged samples come last in their publish response, after unflagged ones.
            for (int i = 1; i <= burst; i++) ns.push(level, recorded(level, i, T0.plusSeconds(i)));
            List<JsonNode> docs = gaps.await(2, WAIT).stream().map(r -> json(r.value())).toList();
            assertThat(docs.get(0).get("reason").asText()).isEqualTo(GapTracker.DATA_LOST);
            assertThat(docs.get(1).get("type").asText()).isEqualTo("backfill");
            assertThat(docs.get(1).get("readings").asLong()).isPositive();
            Await.within(WAIT, () -> timestamps(records).size() == burst + 1, "every sample, the discarded ones read back");

            // Milo's onNotificationDataLost (a gap in the publish sequence) cannot be produced on demand against a
            // healthy server, so its handler is called as Milo would call it: a mock of that one callback.
            ServerCollector server = collector.servers().get(0);
            for (int i = burst + 1; i <= burst + 3; i++) History.record(level, PushNamespace.good(i, T0.plusSeconds(i)));
            server.dataLost("notifications were lost (a gap in the publish sequence)", List.of("f5.level"));
            ns.push(level, recorded(level, burst + 4, T0.plusSeconds(burst + 4)));
            assertThat(gaps.await(4, WAIT).stream().map(r -> json(r.value()).get("type").asText()).toList())
                    .containsExactly("gap", "backfill", "gap", "backfill");
            Await.within(WAIT, () -> timestamps(records).size() == burst + 5, "the three lost samples read back");
        }
    }

    @Test
    void aLinkThatDropsAgainBeforeItsOutageClosedHasBothLossesReadBack() throws Exception {
        int port = TestOpcUaServer.freePort();
        String topic = SharedKafka.topic("f6");
        String gapsTopic = SharedKafka.topic("f6.gaps");
        TestOpcUaServer first = TestOpcUaServer.start(port);
        TestSite spec = new TestSite(first.endpointUrl());
        Load load = new Load(first.namespace(), "f6", 3, 100, spec);
        // A slow tag the restarted servers do not serve: the outage then waits out its settle time (3 × 7 s) open,
        // which is the window in which the link drops again.
        NodeId gone = first.namespace().addVariable("f6/Gone", NodeIds.Double, true);
        Path site = spec.tag("f6.gone", "s=f6/Gone", 7_000).writeTo(dir.resolve("f6.yaml"));
        try (Collector collector = start(site, CollectorSettings.of(brokers(), topic, dir.resolve("spool-f6"), dir.resolve("pki"))
                .withGapsTopic(gapsTopic))) {
            ServerCollector server = collector.servers().get(0);
            first.namespace().awaitMonitored(WAIT, load.nodes());
            // Its item comes with a later CreateMonitoredItems call (3 items per call): a value pushed before it
            // exists never reaches the collector, and the outage would not wait for this tag.
            first.namespace().awaitMonitored(WAIT, gone);
            first.namespace().push(gone, recorded(gone, 1, Instant.now()));
            load.start();
            Await.within(WAIT, () -> collector.recordsSent() > 30, "readings flowing");
            load.pushTo(null);
            first.close();
            Await.within(WAIT, () -> !server.connected(), "the first loss noticed");
            try (TestOpcUaServer second = restarted(port, load)) {
                Await.within(WAIT, server::connected, "back after the first loss");
                assertThat(server.outageOpen()).as("still settling when the link drops again").isTrue();
                load.pushTo(null);
            }
            Await.within(WAIT, () -> !server.connected(), "the second loss noticed");
            try (TestOpcUaServer third = restarted(port, load)) {
                Thread.sleep(2_000);
                load.close();
                // While the third server still serves the read-back.
                awaitEveryTick(topic, load);
            }
        }
        List<JsonNode> backfills = backfillRecords(gapsTopic);
        assertThat(backfills).as("backfill records").isNotEmpty();
        assertThat(backfills.get(backfills.size() - 1).get("failedCount").asInt()).isZero();
    }

    @Test
    void aLinkThatDiesWhileItsGapIsReadBackHasTheRestReadBackOnceItIsBack() throws Exception {
        String topic = SharedKafka.topic("f7");
        String gapsTopic = SharedKafka.topic("f7.gaps");
        PushNamespace ns = opc.namespace();
        try (BlackHoleProxy proxy = new BlackHoleProxy(URI.create(opc.endpointUrl()).getPort())) {
            TestSite spec = new TestSite(opc.endpointUrl().replaceFirst(":\\d+/", ":" + proxy.port() + "/"));
            Load load = new Load(ns, "f7", 3, 100, spec);
            Path site = spec.writeTo(dir.resolve("f7.yaml"));
            try (Collector collector = start(site, CollectorSettings.of(brokers(), topic, dir.resolve("spool-f7"), dir.resolve("pki"))
                    .withGapsTopic(gapsTopic))) {
                ns.awaitMonitored(WAIT, load.nodes());
                load.start();
                Await.within(WAIT, () -> collector.recordsSent() > 30, "readings flowing");
                // The link dies, comes back, and dies again just as the gap of the first loss is read back.
                ns.beforeNextHistoryRead(proxy::blackHoleCurrentConnections);
                proxy.blackHoleCurrentConnections();
                List<JsonNode> backfills;
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                do {
                    backfills = backfillRecords(gapsTopic);
                } while (System.nanoTime() < deadline && (backfills.size() < 2
                        || backfills.get(backfills.size() - 1).get("interruptedCount").asInt() > 0));
                assertThat(backfills).as("backfill records").hasSizeGreaterThanOrEqualTo(2);
                JsonNode cut = backfills.stream().filter(b -> b.get("interruptedCount").asInt() > 0).findFirst()
                        .orElseThrow(() -> new AssertionError("no read-back was cut off"));
                assertThat(cut.get("interrupted")).hasSize(3);
                // The rest is read back as the same gap (it starts at the same reading), to its end.
                JsonNode done = backfills.get(backfills.size() - 1);
                assertThat(done.get("id").asText()).isEqualTo(cut.get("id").asText());
                assertThat(done.get("failedCount").asInt()).isZero();
                assertThat(done.get("interruptedCount").asInt()).isZero();
                load.close();
                awaitEveryTick(topic, load);
            }
        }
    }

    /** A server restarted on {@code port} with the load's variables, the load pushing to it, every tag monitored. */
    private static TestOpcUaServer restarted(int port, Load load) throws Exception {
        TestOpcUaServer server = TestOpcUaServer.start(port);
        load.addVariablesTo(server.namespace());
        load.pushTo(server.namespace());
        server.namespace().awaitMonitored(WAIT, load.nodes());
        return server;
    }

    /** Every tick the load made is on the topic, for every tag (read back or live), once the collector sent it. */
    private static void awaitEveryTick(String topic, Load load) {
        List<Instant> expected = load.timestamps(load.ticks());
        try (TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            Map<String, java.util.Set<Instant>> byTag = new java.util.HashMap<>();
            // Long: an outage settles for up to 21 s before it is read back, on a machine that may be slow.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            do {
                byTag.clear();
                for (ConsumerRecord<String, byte[]> r : records.drain(Duration.ofSeconds(1))) {
                    Reading reading = ReadingJson.parse(r.value());
                    byTag.computeIfAbsent(reading.tag(), t -> new java.util.TreeSet<>()).add(reading.ts());
                }
            } while (System.nanoTime() < deadline && !load.tags().stream()
                    .allMatch(t -> byTag.getOrDefault(t, java.util.Set.of()).containsAll(expected)));
            for (String tag : load.tags()) {
                assertThat(byTag.get(tag)).as(tag + ": every tick, live or read back").containsAll(expected);
            }
        }
    }

    /** The backfill records on the gaps topic so far, oldest first. */
    private static List<JsonNode> backfillRecords(String gapsTopic) {
        try (TelemetryTopic gaps = new TelemetryTopic(brokers(), gapsTopic)) {
            return gaps.drain(Duration.ofSeconds(1)).stream().map(r -> json(r.value()))
                    .filter(doc -> "backfill".equals(doc.path("type").asText())).toList();
        }
    }

    private static List<Instant> timestamps(TelemetryTopic records) {
        return records.drain(Duration.ofMillis(300)).stream().map(r -> ReadingJson.parse(r.value()).ts()).distinct().toList();
    }

    private static DataValue recorded(NodeId node, double v, Instant ts) {
        DataValue value = PushNamespace.good(v, ts);
        History.record(node, value);
        return value;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spoolHealth(Collector collector) {
        return (Map<String, Object>) collector.metrics().health().get("spool");
    }

    private static Collector start(Path site, CollectorSettings settings) {
        Collector collector = new Collector(SiteModelLoader.load(site), settings);
        collector.start();
        return collector;
    }

    private static String brokers() {
        return SharedKafka.broker().bootstrapServers();
    }
}
