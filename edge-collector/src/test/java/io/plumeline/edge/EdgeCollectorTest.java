package io.plumeline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.telemetry.Quality;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.edge.subscription.TagSubscription;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector against a real Milo OPC UA server and a real (in-process KRaft) Kafka broker. Each test uses
 * its own variables and its own topic, so the tests share the two services but nothing else.
 */
class EdgeCollectorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant T0 = Instant.parse("2026-11-26T04:00:00.500Z");

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
    void valuesAndSourceTimestampsArriveAsContract2JsonKeyedByTag() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId flow = ns.addVariable("t1/FuelGasFlow", NodeIds.Double, true);
        NodeId temperature = ns.addVariable("t1/Temperature", NodeIds.Float, true);
        NodeId running = ns.addVariable("t1/Running", NodeIds.Boolean, true);
        NodeId count = ns.addVariable(7001, NodeIds.UInt32);
        Path site = new TestSite(opc.endpointUrl())
                .tag("t1.flow", "s=t1/FuelGasFlow", 200)
                .tag("t1.temperature", "s=t1/Temperature", 500)
                .tag("t1.running", "s=t1/Running", 1000)
                .tag("t1.count", "i=7001", 1000)
                .writeTo(dir.resolve("t1.yaml"));
        long startMicros = micros(Instant.now());

        try (Collector collector = start(site, topic("t1")); TelemetryTopic topic = new TelemetryTopic(brokers(), "t1")) {
            ns.awaitMonitored(WAIT, flow, temperature, running, count);
            ns.push(flow, value(new Variant(1203.4), StatusCode.GOOD, T0, T0.plusMillis(12)));
            ns.push(temperature, value(new Variant(21.5f), StatusCode.GOOD, T0.plusMillis(1), T0.plusMillis(13)));
            ns.push(running, value(new Variant(true), StatusCode.GOOD, T0.plusMillis(2), T0.plusMillis(14)));
            ns.push(count, value(new Variant(Unsigned.uint(42)), StatusCode.GOOD, T0.plusMillis(3), T0.plusMillis(15)));

            List<ConsumerRecord<String, byte[]>> records = topic.await(4, WAIT);
            Map<String, Reading> byKey = records.stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, r -> ReadingJson.parse(r.value())));
            assertThat(byKey).containsOnlyKeys("t1.flow", "t1.temperature", "t1.running", "t1.count");
            byKey.forEach((key, reading) -> {
                assertThat(reading.tag()).isEqualTo(key);
                assertThat(reading.site()).isEqualTo(TestSite.SITE_ID);
                assertThat(reading.v()).isEqualTo(1);
                assertThat(reading.quality()).isEqualTo(Quality.GOOD);
                assertThat(reading.status()).isZero();
                assertThat(reading.seq()).isGreaterThan(startMicros);
            });
            assertThat(byKey.get("t1.flow")).extracting(Reading::value, Reading::ts, Reading::serverTs)
                    .containsExactly(1203.4, T0, T0.plusMillis(12));
            assertThat(byKey.get("t1.temperature")).extracting(Reading::value, Reading::ts)
                    .containsExactly(21.5, T0.plusMillis(1));
            assertThat(byKey.get("t1.running")).extracting(Reading::value, Reading::ts)
                    .containsExactly(1.0, T0.plusMillis(2));
            assertThat(byKey.get("t1.count")).extracting(Reading::value, Reading::ts)
                    .containsExactly(42.0, T0.plusMillis(3));
            assertThat(records.stream().map(r -> ReadingJson.parse(r.value()).seq()).toList()).isSorted().doesNotHaveDuplicates();
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
                    .startsWith("{\"v\":1,\"site\":\"edge-test\",\"tag\":\"t1.")
                    .contains("\"ts\":\"2026-11-26T04:00:00.50", "\"quality\":\"GOOD\"", "\"status\":0");
            assertThat(collector.problems()).isEmpty();
        }
    }

    @Test
    void aBadStatusArrivesWithQualityBadNullValueAndTheRawStatus() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId pressure = ns.addVariable("t2/Pressure", NodeIds.Double, true);
        Path site = new TestSite(opc.endpointUrl()).tag("t2.pressure", "s=t2/Pressure", 200).writeTo(dir.resolve("t2.yaml"));

        try (Collector collector = start(site, topic("t2")); TelemetryTopic topic = new TelemetryTopic(brokers(), "t2")) {
            ns.awaitMonitored(WAIT, pressure);
            ns.push(pressure, value(new Variant(5.5), StatusCode.GOOD, T0, T0));
            ns.push(pressure, value(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_SensorFailure),
                    T0.plusSeconds(1), T0.plusSeconds(1)));

            List<ConsumerRecord<String, byte[]>> records = topic.await(2, WAIT);
            Reading bad = ReadingJson.parse(records.get(1).value());
            assertThat(records.get(1).key()).isEqualTo("t2.pressure");
            assertThat(bad.quality()).isEqualTo(Quality.BAD);
            assertThat(bad.value()).isNull();
            assertThat(bad.status()).isEqualTo(StatusCodes.Bad_SensorFailure);
            assertThat(bad.ts()).isEqualTo(T0.plusSeconds(1));
            assertThat(new String(records.get(1).value(), StandardCharsets.UTF_8))
                    .contains("\"value\":null", "\"quality\":\"BAD\"", "\"status\":" + StatusCodes.Bad_SensorFailure);
            assertThat(ReadingJson.parse(records.get(0).value()).value()).isEqualTo(5.5);
        }
    }

    @Test
    void anUnknownNodeAnUnknownNamespaceAndAnUnreadableNodeDoNotStopTheOtherTags() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId ok = ns.addVariable("t3/Ok", NodeIds.Double, true);
        NodeId secret = ns.addVariable("t3/Secret", NodeIds.Double, false);
        Path site = new TestSite(opc.endpointUrl())
                .tag("t3.missing", "s=t3/DoesNotExist", 200)
                .tagAt("t3.foreign", "nsu=urn:plumeline:nowhere;s=t3/Ok", 200)
                .tag("t3.secret", "s=t3/Secret", 200)
                .tag("t3.ok", "s=t3/Ok", 200)
                .writeTo(dir.resolve("t3.yaml"));

        try (Collector collector = start(site, topic("t3")); TelemetryTopic topic = new TelemetryTopic(brokers(), "t3")) {
            ns.awaitMonitored(WAIT, ok);
            ns.push(ok, value(new Variant(7.0), StatusCode.GOOD, T0, T0));

            assertThat(topic.await(1, WAIT)).extracting(ConsumerRecord::key).containsExactly("t3.ok");
            awaitTrue(() -> collector.problems().size() == 3, "three tags reported");
            assertThat(collector.problems()).satisfiesExactlyInAnyOrder(
                    p -> assertThat(p).startsWith("tag t3.missing:").contains("Bad_NodeIdUnknown"),
                    p -> assertThat(p).startsWith("tag t3.foreign:").contains("'urn:plumeline:nowhere'", TestSite.SERVER_ID),
                    p -> assertThat(p).startsWith("tag t3.secret:").contains("Bad_UserAccessDenied"));
            assertThat(collector.itemsCreated()).isEqualTo(1);
            assertThat(ns.monitoredItems(secret)).isZero();
        }
    }

    @Test
    void repeatedIdenticalValuesWithNewSourceTimestampsAreAllDelivered() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId steady = ns.addVariable("t4/Steady", NodeIds.Double, true);
        Path site = new TestSite(opc.endpointUrl()).tag("t4.steady", "s=t4/Steady", 1000).writeTo(dir.resolve("t4.yaml"));
        int samples = TagSubscription.MIN_QUEUE_SIZE - 2;

        try (Collector collector = start(site, topic("t4")); TelemetryTopic topic = new TelemetryTopic(brokers(), "t4")) {
            ns.awaitMonitored(WAIT, steady);
            List<Instant> pushed = new ArrayList<>();
            // All within one publishing interval: the item's queue has to hold them.
            for (int i = 0; i < samples; i++) {
                Instant ts = T0.plusSeconds(i);
                pushed.add(ts);
                ns.push(steady, value(new Variant(42.0), StatusCode.GOOD, ts, ts));
            }

            topic.await(samples, WAIT);
            List<Reading> readings = topic.drain(Duration.ofMillis(1500)).stream()
                    .map(r -> ReadingJson.parse(r.value())).toList();
            assertThat(readings).extracting(Reading::ts).containsExactlyElementsOf(pushed);
            assertThat(readings).extracting(Reading::value).containsOnly(42.0);
        }
    }

    @Test
    void itemsAreCreatedInCallsWithinTheServersLimit() throws Exception {
        PushNamespace ns = opc.namespace();
        Map<String, NodeId> nodes = new LinkedHashMap<>();
        TestSite spec = new TestSite(opc.endpointUrl());
        for (char c = 'a'; c <= 'g'; c++) {
            nodes.put("t5." + c, ns.addVariable("t5/" + c, NodeIds.Double, true));
            spec.tag("t5." + c, "s=t5/" + c, 500);
        }
        Path site = spec.writeTo(dir.resolve("t5.yaml"));

        try (Collector collector = start(site, topic("t5")); TelemetryTopic topic = new TelemetryTopic(brokers(), "t5")) {
            ns.awaitMonitored(WAIT, nodes.values().toArray(NodeId[]::new));
            List<List<NodeId>> calls = ns.createCalls().stream()
                    .filter(call -> nodes.containsValue(call.get(0))).toList();
            assertThat(calls).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(TestOpcUaServer.MAX_MONITORED_ITEMS_PER_CALL));
            assertThat(calls.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(nodes.values());

            nodes.values().forEach(node -> ns.push(node, value(new Variant(1.0), StatusCode.GOOD, T0, T0)));
            assertThat(topic.await(nodes.size(), WAIT)).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrderElementsOf(nodes.keySet());
        }
    }

    @Test
    void usernameAuthenticationReadsThePasswordFromTheNamedFile() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId level = ns.addVariable("t6/Level", NodeIds.Double, true);
        Path goodPassword = Files.writeString(dir.resolve("t6.password"), TestOpcUaServer.PASSWORD + "\n");
        Path site = new TestSite(opc.endpointUrl()).tag("t6.level", "s=t6/Level", 200).usernameAuth(goodPassword)
                .writeTo(dir.resolve("t6.yaml"));

        try (Collector collector = start(site, topic("t6")); TelemetryTopic topic = new TelemetryTopic(brokers(), "t6")) {
            ns.awaitMonitored(WAIT, level);
            ns.push(level, value(new Variant(3.25), StatusCode.GOOD, T0, T0));
            assertThat(ReadingJson.parse(topic.await(1, WAIT).get(0).value()).value()).isEqualTo(3.25);
        }

        Path wrongPassword = Files.writeString(dir.resolve("t6-wrong.password"), "not-" + TestOpcUaServer.PASSWORD);
        NodeId other = ns.addVariable("t6/Other", NodeIds.Double, true);
        Path refused = new TestSite(opc.endpointUrl()).tag("t6.other", "s=t6/Other", 200).usernameAuth(wrongPassword)
                .writeTo(dir.resolve("t6-wrong.yaml"));
        try (Collector collector = start(refused, topic("t6-wrong"))) {
            Thread.sleep(2_000);
            assertThat(ns.monitoredItems(other)).isZero();
            assertThat(collector.itemsCreated()).isZero();
        }
    }

    @Test
    void anUnknownServerIdStopsTheStartWithAMessageNamingIt() {
        Path site = new TestSite(opc.endpointUrl()).tag("t7.flow", "s=t7/Flow", 200).writeTo(dir.resolve("t7.yaml"));
        var err = new StringWriter();
        int exit = EdgeCollector.commandLine().setErr(new PrintWriter(err))
                .execute("--site", site.toString(), "--kafka", brokers(), "--server", "dcs-9");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--server dcs-9", "no such server", TestSite.SERVER_ID);
    }

    @Test
    void asAProcessItCollectsServesHealthAndMetricsAndPrintsASummaryAtSigterm() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId flow = ns.addVariable("t8/Flow", NodeIds.Double, true);
        Path site = new TestSite(opc.endpointUrl()).tag("t8.flow", "s=t8/Flow", 200).writeTo(dir.resolve("t8.yaml"));
        SharedKafka.topic("t8");
        Path out = dir.resolve("t8.out");
        Path err = dir.resolve("t8.err");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int httpPort = TestOpcUaServer.freePort();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, EdgeCollector.class.getName(),
                "--site", site.toString(), "--kafka", brokers(), "--topic", "t8", "--http-port", Integer.toString(httpPort),
                "--spool-dir", dir.resolve("spool-t8").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (TelemetryTopic topic = new TelemetryTopic(brokers(), "t8")) {
            ns.awaitMonitored(Duration.ofSeconds(40), flow);
            ns.push(flow, value(new Variant(99.5), StatusCode.GOOD, T0, T0));
            assertThat(ReadingJson.parse(topic.await(1, WAIT).get(0).value()).tag()).isEqualTo("t8.flow");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains(
                    "\"test-opc\":{\"state\":\"UP\"", "\"monitoredItems\":1", "\"kafka\":{\"state\":\"UP\"",
                    "\"depth\":0");
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("plumeline_edge_server_connected{server=\"test-opc\"} 1.0",
                    "plumeline_edge_monitored_items{server=\"test-opc\"} 1.0",
                    "plumeline_edge_readings_total{server=\"test-opc\"} 1.0",
                    "plumeline_edge_spool_depth 0.0", "plumeline_edge_records_sent_total 1.0",
                    "plumeline_edge_newest_reading_age_seconds{server=\"test-opc\"}", "plumeline_edge_readings_per_second",
                    "plumeline_edge_send_errors_total 0.0", "plumeline_edge_kafka_up 1.0");
        } finally {
            process.destroy(); // SIGTERM
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
        List<String> stdout = Files.readAllLines(out);
        assertThat(stdout).anySatisfy(line -> assertThat(line).startsWith("EdgeCollector started: site edge-test"));
        assertThat(stdout).last().asString()
                .startsWith("EdgeCollector summary: 1 samples received, 1 records sent, 0 send errors, 0 left in the spool,")
                .contains("1 of 1 tags monitored on 1 servers");
        assertThat(ns.monitoredItems(flow)).as("subscription deleted at SIGTERM").isZero();
    }

    @Test
    void afterTheServerRestartsTheCollectorSubscribesAgain() throws Exception {
        int port = TestOpcUaServer.freePort();
        TestOpcUaServer first = TestOpcUaServer.start(port);
        NodeId flow = first.namespace().addVariable("t9/Flow", NodeIds.Double, true);
        Path site = new TestSite(first.endpointUrl()).tag("t9.flow", "s=t9/Flow", 200).writeTo(dir.resolve("t9.yaml"));

        try (Collector collector = start(site, topic("t9")); TelemetryTopic topic = new TelemetryTopic(brokers(), "t9")) {
            first.namespace().awaitMonitored(WAIT, flow);
            first.namespace().push(flow, value(new Variant(1.0), StatusCode.GOOD, T0, T0));
            topic.await(1, WAIT);
            first.close();

            // A new server process knows nothing of the old session and subscription.
            try (TestOpcUaServer second = TestOpcUaServer.start(port)) {
                second.namespace().addVariable("t9/Flow", NodeIds.Double, true);
                second.namespace().awaitMonitored(Duration.ofSeconds(45), flow);
                second.namespace().push(flow, value(new Variant(2.0), StatusCode.GOOD, T0.plusSeconds(1), T0.plusSeconds(1)));
                assertThat(topic.await(2, WAIT)).extracting(r -> ReadingJson.parse(r.value()).value()).containsExactly(1.0, 2.0);
                assertThat(collector.itemsCreated()).isEqualTo(1);
            }
        }
    }

    private static Collector start(Path site, String topic) {
        Collector collector = new Collector(SiteModelLoader.load(site),
                CollectorSettings.of(brokers(), topic, dir.resolve("spool-" + site.getFileName()), dir.resolve("pki")));
        collector.start();
        return collector;
    }

    private static String topic(String name) {
        return SharedKafka.topic(name);
    }

    private static String brokers() {
        return SharedKafka.broker().bootstrapServers();
    }

    private static DataValue value(Variant variant, StatusCode status, Instant source, Instant server) {
        return DataValue.newValue().setValue(variant).setStatus(status)
                .setSourceTime(new DateTime(source)).setServerTime(new DateTime(server)).build();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WAIT + ": " + what);
            Thread.sleep(50);
        }
    }
}
