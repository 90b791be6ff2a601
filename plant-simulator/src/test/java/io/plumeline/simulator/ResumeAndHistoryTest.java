package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.site.Tag;
import io.plumeline.simulator.profile.ProfileSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryData;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResult;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outage as the collector will see it: a simulator is stopped and restarted with the same --epoch and
 * settings; the restarted one keeps its certificate, continues the tick schedule and serves, by HistoryRead
 * over a real Milo client, every tick from tick 0 on, those of its own downtime included.
 */
class ResumeAndHistoryTest {

    private static final String O2 = "heater-1.stack_o2";
    private static final double SPEED = 30;

    @TempDir
    Path dir;

    @Test
    void restartedSimulatorServesTheTicksOfItsDowntimeByHistoryRead() throws Exception {
        Path site = TestSites.secureSiteWithFreePorts(dir, "unused");
        SiteModel model = SiteModelLoader.load(site);
        Tag o2 = model.tag(O2).orElseThrow();
        Path pki = dir.resolve("pki");
        Instant epoch = Instant.now();
        Instant start = epoch.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        String[] args = {"--site", site.toString(), "--server", "dcs-3", "--pki", pki.toString(), "--trust-all-clients",
                "--epoch", Long.toString(epoch.toEpochMilli()), "--start", start.toString(),
                "--speed", Double.toString(SPEED), "--seed", "11", "--fault", O2 + ":3-5"};

        long dueAtStop;
        byte[] certificate;
        try (Simulation first = Simulation.start(PlantSimulator.settings(args))) {
            awaitLiveTicks(first, 5);
            certificate = Files.readAllBytes(pki.resolve("own/dcs-3.der"));
            first.close();
            dueAtStop = first.ticksDue().get(O2);
        }
        Thread.sleep(1000);

        try (Simulation second = Simulation.start(PlantSimulator.settings(args))) {
            assertThat(Files.readAllBytes(pki.resolve("own/dcs-3.der"))).as("certificate kept across restarts")
                    .isEqualTo(certificate);
            awaitLiveTicks(second, 1);
            long resumedAt = second.ticksDue().get(O2) - second.ticksProduced().get(O2);
            assertThat(resumedAt).as("the restarted simulator skipped the ticks of its downtime").isGreaterThan(dueAtStop);

            OpcUaClient client = TestClients.connect(second.endpointUrl(), SecurityPolicy.Aes128_Sha256_RsaOaep,
                    MessageSecurityMode.Sign, TestClients.Application.create("history-client"),
                    List.of(TestClients.certificate(pki.resolve("own/dcs-3.der"))), new AnonymousProvider());
            try {
                client.readNamespaceTable();
                NodeId node = new NodeId(client.getNamespaceTable().getIndex(TestSites.DCS_NAMESPACE),
                        "Plant/Unit1/Furnace/StackO2");
                assertHistorizing(client, node);

                List<DataValue> history = readAll(client, node, start, start.plus(Duration.ofDays(2)), 7);

                ProfileSet profiles = ProfileSet.load(model, null, 11, start);
                SourceClock clock = new SourceClock(start, SPEED);
                assertThat(history.size()).as("every tick from 0 to the restart and beyond").isGreaterThanOrEqualTo((int) resumedAt);
                assertThat(history).extracting(v -> v.sourceTime().getJavaInstant()).containsExactlyElementsOf(
                        LongStream.range(0, history.size()).mapToObj(k -> clock.sourceTime(o2.samplingMs(), k)).toList());
                for (int k = 0; k < history.size(); k++) {
                    DataValue value = history.get(k);
                    if (k >= 3 && k <= 5) {
                        assertThat(value.statusCode().getValue()).as("tick " + k).isEqualTo(StatusCodes.Bad_SensorFailure);
                        assertThat(value.value().value()).isNull();
                    } else {
                        assertThat(value.value().value()).as("tick " + k)
                                .isEqualTo(profiles.valueAt(O2, value.sourceTime().getJavaInstant()));
                    }
                }
            } finally {
                TestClients.disconnectQuietly(client);
            }
        }
    }

    private static void assertHistorizing(OpcUaClient client, NodeId node) throws Exception {
        List<DataValue> attributes = List.of(client.read(0, TimestampsToReturn.Neither, List.of(
                new ReadValueId(node, AttributeId.Historizing.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(node, AttributeId.AccessLevel.uid(), null, QualifiedName.NULL_VALUE))).getResults());
        assertThat(attributes.get(0).value().value()).isEqualTo(true);
        assertThat(AccessLevel.fromValue((UByte) attributes.get(1).value().value()))
                .isEqualTo(Set.of(AccessLevel.CurrentRead, AccessLevel.HistoryRead));
    }

    /** Pages of {@code perPage} values, following continuation points until the server returns none. */
    private static List<DataValue> readAll(OpcUaClient client, NodeId node, Instant from, Instant to, int perPage)
            throws Exception {
        ReadRawModifiedDetails details = new ReadRawModifiedDetails(false, new DateTime(from), new DateTime(to),
                uint(perPage), false);
        List<DataValue> values = new ArrayList<>();
        ByteString continuationPoint = null;
        int pages = 0;
        do {
            HistoryReadResult result = client.historyRead(details, TimestampsToReturn.Both, false,
                    List.of(new HistoryReadValueId(node, null, QualifiedName.NULL_VALUE, continuationPoint)))
                    .getResults()[0];
            assertThat(result.getStatusCode().isGood()).as(result.getStatusCode().toString()).isTrue();
            HistoryData data = (HistoryData) result.getHistoryData().decode(client.getStaticEncodingContext());
            assertThat(data.getDataValues().length).isLessThanOrEqualTo(perPage);
            values.addAll(List.of(data.getDataValues()));
            continuationPoint = result.getContinuationPoint();
            pages++;
        } while (continuationPoint != null && continuationPoint.isNotNull());
        // Every page is full but the last; a server may or may not send an empty page after a full last one.
        int fullPages = values.size() / perPage;
        assertThat(pages).as("pages of " + perPage).isBetween(Math.max(1, (values.size() + perPage - 1) / perPage), fullPages + 1);
        return values;
    }

    private static void awaitLiveTicks(Simulation simulation, long wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (simulation.ticksProduced().get(O2) < wanted) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + wanted + " live ticks within 20 s: " + simulation.ticksProduced());
            }
            Thread.sleep(50);
        }
    }
}
