package io.plumeline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.contracts.Topics;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.edge.spool.SpoolForwarder;
import io.plumeline.stack.KafkaBroker;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's own forwarder against a broker that takes SASL_SSL and SCRAM only, with ACLs (local-stack's secured
 * broker): with its {@code --kafka-config} its readings arrive; with a wrong password nothing is sent, the forwarder
 * says why, the readings wait in the spool, and the same spool with the right settings delivers every one of them.
 */
class SecuredKafkaForwarderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-26T04:00:00.500Z");
    private static final String TOPIC = "secured.telemetry";

    @TempDir
    static Path dir;

    private static KafkaBroker kafka;
    private static TestOpcUaServer opc;

    @BeforeAll
    static void startServices() throws Exception {
        kafka = KafkaBroker.startTemporarySecured("collector", "reader");
        kafka.createTopic(TOPIC, 1);
        kafka.createTopic(Topics.GAPS, 1);
        kafka.allowProducer("collector", TOPIC, Topics.GAPS);
        kafka.allowConsumer("reader", "reader", TOPIC);
        opc = TestOpcUaServer.start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (opc != null) opc.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void readingsArriveWithTheCollectorsSettingsAndWaitInTheSpoolWhileItsPasswordIsWrong() throws Exception {
        PushNamespace ns = opc.namespace();
        NodeId flow = ns.addVariable("s1/Flow", NodeIds.Double, true);
        Path site = new TestSite(opc.endpointUrl()).tag("s1.flow", "s=s1/Flow", 200).writeTo(dir.resolve("s1.yaml"));
        Path spool = dir.resolve("spool");
        Path right = kafka.clientConfig("collector");
        Path wrong = Files.writeString(dir.resolve("wrong.properties"),
                Files.readString(right).replaceAll("password=\"[^\"]*\"", "password=\"wrong\""));

        try (TelemetryTopic topic = new TelemetryTopic(kafka.bootstrapServers(), TOPIC, properties(kafka.clientConfig("reader")))) {
            try (Collector collector = start(site, spool, wrong)) {
                ns.awaitMonitored(WAIT, flow);
                for (int i = 0; i < 3; i++) ns.push(flow, PushNamespace.good(i, T0.plusSeconds(i)));
                Await.within(WAIT, () -> collector.spool().depth() >= 3, "three readings in the spool");
                Await.within(WAIT, () -> collector.forwarder().lastError() != null, "the forwarder's error");
                assertThat(collector.forwarder().lastError()).containsIgnoringCase("authentication");
                assertThat(collector.forwarder().kafkaUp()).isFalse();
                assertThat(collector.metrics().health().get("kafka")).as("/health's kafka").asString()
                        .contains("state=DOWN").containsIgnoringCase("authentication failed");
                assertThat(topic.drain(Duration.ofSeconds(2))).as("nothing reaches the topic with a wrong password").isEmpty();
            }
            try (Collector collector = start(site, spool, right)) {
                ns.awaitMonitored(WAIT, flow);
                ns.push(flow, PushNamespace.good(3, T0.plusSeconds(3)));
                assertThat(topic.await(4, WAIT)).extracting(r -> ReadingJson.parse(r.value()).value())
                        .as("the three spooled while refused, then the new one").containsExactly(0.0, 1.0, 2.0, 3.0);
                assertThat(collector.forwarder().kafkaUp()).isTrue();
            }
        }
    }

    private static Collector start(Path site, Path spool, Path kafkaConfig) {
        Collector collector = new Collector(SiteModelLoader.load(site), CollectorSettings.of(kafka.bootstrapServers(), TOPIC,
                spool, dir.resolve("pki")).withKafkaConfig(SpoolForwarder.readClientConfig(kafkaConfig)));
        collector.start();
        return collector;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
