package io.plumeline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.edge.gaps.GapTracker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outages under load, with real processes: the OPC UA server dies and comes back, the collector is killed
 * with SIGKILL. Each ends with every tick in Kafka (gap record, then backfill through HistoryRead).
 */
class ResilienceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAGS = 10;
    private static final int PERIOD_MS = 100;

    @TempDir
    Path dir;

    @Test
    void aServerThatDiesAndComesBackIsReconnectedWithinTenSecondsAndItsGapIsRecordedAndBackfilled() throws Exception {
        String topic = SharedKafka.topic("rs");
        String gapsTopic = SharedKafka.topic("rs.gaps");
        int port = TestOpcUaServer.freePort();
        TestOpcUaServer first = TestOpcUaServer.start(port);
        TestSite spec = new TestSite(first.endpointUrl());
        Load load = new Load(first.namespace(), "rs", TAGS, PERIOD_MS, spec);
        Path site = spec.writeTo(dir.resolve("rs.yaml"));
        Duration reconnect;
        try (Collector collector = new Collector(SiteModelLoader.load(site),
                CollectorSettings.of(brokers(), topic, dir.resolve("spool"), dir.resolve("pki")).withGapsTopic(gapsTopic))) {
            collector.start();
            first.namespace().awaitMonitored(Duration.ofSeconds(30), load.nodes());
            load.start();
            awaitTrue(() -> collector.recordsSent() > TAGS * 20L, Duration.ofSeconds(20), "readings flowing");

            load.pushTo(null);
            first.close();
            ServerCollector server = collector.servers().get(0);
            awaitTrue(() -> !server.connected(), Duration.ofSeconds(10), "the outage noticed");
            assertThat(collector.metrics().health()).containsEntry("status", "DEGRADED");
            assertThat(collector.metrics().registry().scrape())
                    .contains("plumeline_edge_server_connected{server=\"" + TestSite.SERVER_ID + "\"} 0.0");
            Thread.sleep(3_000);
            try (TestOpcUaServer second = TestOpcUaServer.start(port)) {
                long back = System.nanoTime();
                load.addVariablesTo(second.namespace());
                load.pushTo(second.namespace());
                second.namespace().awaitMonitored(Duration.ofSeconds(20), load.nodes());
                reconnect = Duration.ofNanos(System.nanoTime() - back);
                Thread.sleep(2_000);
                load.close();
                awaitTrue(() -> collector.servers().get(0).backfilled() > 0, Duration.ofSeconds(30), "backfill");
            }
        }
        assertThat(reconnect).as("subscribed again after the server was back").isLessThan(Duration.ofSeconds(10));

        List<JsonNode> gaps = gapRecords(gapsTopic, 2);
        JsonNode gap = gaps.get(0);
        assertThat(gap.get("type").asText()).isEqualTo("gap");
        assertThat(gap.get("server").asText()).isEqualTo(TestSite.SERVER_ID);
        assertThat(gap.get("reason").asText()).isEqualTo(GapTracker.LOST_CONNECTION);
        assertThat(Instant.parse(gap.get("from").asText())).isBefore(Instant.parse(gap.get("to").asText()));
        assertThat(Duration.between(Instant.parse(gap.get("from").asText()), Instant.parse(gap.get("to").asText())))
                .as("the outage: 3 s down plus the server's start").isGreaterThan(Duration.ofSeconds(3));
        assertThat(gap.get("tags")).hasSize(TAGS);
        JsonNode backfill = gaps.get(1);
        assertThat(backfill.get("type").asText()).isEqualTo("backfill");
        assertThat(backfill.get("id").asText()).isEqualTo(gap.get("id").asText());
        assertThat(backfill.get("readings").asLong()).isGreaterThan(TAGS * 30L);

        assertEveryTickArrived(topic, load, false);
    }

    @Test
    void aConnectionThatGoesSilentIsDetectedRebuiltAndItsGapBackfilled() throws Exception {
        String topic = SharedKafka.topic("silent");
        String gapsTopic = SharedKafka.topic("silent.gaps");
        try (TestOpcUaServer opc = TestOpcUaServer.start();
             BlackHoleProxy proxy = new BlackHoleProxy(URI.create(opc.endpointUrl()).getPort())) {
            TestSite spec = new TestSite(opc.endpointUrl().replace(":" + URI.create(opc.endpointUrl()).getPort() + "/",
                    ":" + proxy.port() + "/"));
            Load load = new Load(opc.namespace(), "silent", TAGS, PERIOD_MS, spec);
            Path site = spec.writeTo(dir.resolve("silent.yaml"));
            try (Collector collector = new Collector(SiteModelLoader.load(site),
                    CollectorSettings.of(brokers(), topic, dir.resolve("spool"), dir.resolve("pki")).withGapsTopic(gapsTopic))) {
                collector.start();
                opc.namespace().awaitMonitored(Duration.ofSeconds(30), load.nodes());
                load.start();
                awaitTrue(() -> collector.recordsSent() > TAGS * 10L, Duration.ofSeconds(20), "readings flowing");
                int callsBefore = opc.namespace().createCalls().size();
                proxy.blackHoleCurrentConnections();
                long silentSince = System.nanoTime();
                awaitTrue(() -> opc.namespace().createCalls().stream().skip(callsBefore).mapToInt(List::size).sum() >= TAGS,
                        Duration.ofSeconds(40), "subscribed again over a new connection");
                assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).as("silence noticed and rebuilt")
                        .isLessThan(Duration.ofSeconds(30));
                Thread.sleep(2_000);
                load.close();
                awaitTrue(() -> collector.servers().get(0).backfilled() > 0, Duration.ofSeconds(30), "backfill");
            }
            assertThat(gapRecords(gapsTopic, 2).get(0).get("reason").asText()).isEqualTo(GapTracker.LOST_CONNECTION);
            assertEveryTickArrived(topic, load, false);
        }
    }

    @Test
    void aCollectorKilledWithSigkillUnderLoadLosesNoReadingAfterItsRestart() throws Exception {
        String topic = SharedKafka.topic("kill");
        String gapsTopic = SharedKafka.topic("kill.gaps");
        try (TestOpcUaServer opc = TestOpcUaServer.start()) {
            TestSite spec = new TestSite(opc.endpointUrl());
            Load load = new Load(opc.namespace(), "kill", TAGS, PERIOD_MS, spec);
            Path site = spec.writeTo(dir.resolve("kill.yaml"));
            List<String> common = List.of("--site", site.toString(), "--topic", topic, "--gaps-topic", gapsTopic,
                    "--spool-dir", dir.resolve("spool").toString());
            // First run: Kafka unreachable, so everything it collects is only in its spool when it is killed.
            int httpPort = TestOpcUaServer.freePort();
            List<String> firstArgs = new ArrayList<>(common);
            firstArgs.addAll(List.of("--kafka", "127.0.0.1:" + TestOpcUaServer.freePort(), "--http-port",
                    Integer.toString(httpPort)));
            Process first = launch(firstArgs, "first");
            long spooled;
            try {
                opc.namespace().awaitMonitored(Duration.ofSeconds(40), load.nodes());
                load.start();
                // Past the second save of the tag state, so that the restart knows where its gap starts and the spool
                // holds more than a save interval plus the restart's downtime, which the backfill covers (with one
                // interval the backfill outgrew the spool whenever the restart took longer than about 3 s).
                Thread.sleep(2 * Collector.TAG_STATE_EVERY_S * 1000 + 2_500);
                spooled = spoolDepth(httpPort);
            } finally {
                first.destroyForcibly(); // SIGKILL, under load
                first.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(spooled).as("readings held by the spool at the kill").isGreaterThan(TAGS * 50L);
            List<String> args = new ArrayList<>(common);
            args.addAll(List.of("--kafka", brokers(), "--http-port", "0"));
            int ticksAtKill = load.ticks();
            // The killed process's items live on until its session times out: count the new ones.
            int callsBefore = opc.namespace().createCalls().size();
            Process second = launch(args, "second");
            try {
                awaitTrue(() -> opc.namespace().createCalls().stream().skip(callsBefore).mapToInt(List::size).sum() >= TAGS,
                        Duration.ofSeconds(40), "subscribed again");
                Thread.sleep(2_000);
                load.close();
                List<JsonNode> gaps = gapRecords(gapsTopic, 2);
                assertThat(gaps.get(0).get("reason").asText()).isEqualTo(GapTracker.COLLECTOR_RESTART);
                // The gap starts at the last saved reading time, past the first save of the tag state: the spool, not
                // the backfill, brought the readings before it. (How many the backfill brings depends on how long the
                // restart took, so it is no measure of this.)
                assertThat(Instant.parse(gaps.get(0).get("from").asText()))
                        .isAfterOrEqualTo(load.firstTick().plusSeconds(Collector.TAG_STATE_EVERY_S));
                assertThat(gaps.get(1).get("readings").asLong()).isPositive();
                assertThat(load.ticks()).isGreaterThan(ticksAtKill);
                assertEveryTickArrived(topic, load, true);
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Every tick of every tag is in the topic; duplicates only where {@code duplicatesAllowed}. */
    private static void assertEveryTickArrived(String topic, Load load, boolean duplicatesAllowed) {
        int ticks = load.ticks();
        Set<Instant> expected = new TreeSet<>(load.timestamps(ticks));
        try (TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<String, List<Instant>> byTag;
            do {
                byTag = byTag(records.drain(Duration.ofSeconds(1)));
            } while (System.nanoTime() < deadline && !byTag.values().stream()
                    .allMatch(ts -> new TreeSet<>(ts).containsAll(expected)) || byTag.size() < TAGS);
            assertThat(byTag).hasSize(TAGS);
            byTag.forEach((tag, ts) -> {
                assertThat(new TreeSet<>(ts)).as(tag + ": every tick").containsAll(expected);
                if (!duplicatesAllowed) assertThat(ts).as(tag).doesNotHaveDuplicates();
            });
        }
    }

    private static Map<String, List<Instant>> byTag(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Instant>> byTag = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Reading reading = ReadingJson.parse(record.value());
            byTag.computeIfAbsent(reading.tag(), t -> new ArrayList<>()).add(reading.ts());
        }
        return byTag;
    }

    private static long spoolDepth(int httpPort) throws Exception {
        String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(health).get("spool").get("depth").asLong();
    }

    private static List<JsonNode> gapRecords(String topic, int count) throws Exception {
        try (TelemetryTopic records = new TelemetryTopic(brokers(), topic)) {
            List<JsonNode> out = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records.await(count, Duration.ofSeconds(40))) {
                assertThat(record.key()).isEqualTo(TestSite.SERVER_ID);
                out.add(JSON.readTree(record.value()));
            }
            return out;
        }
    }

    private Process launch(List<String> args, String name) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, EdgeCollector.class.getName()));
        command.addAll(args);
        // Under target/, so that the collector's log outlives the test's temporary folder.
        Path log = Files.createDirectories(Path.of("target", "collector-logs")).resolve("ResilienceTest-" + name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String brokers() {
        return SharedKafka.broker().bootstrapServers();
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout + ": " + what);
            Thread.sleep(50);
        }
    }
}
