package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.site.Tag;
import io.plumeline.simulator.profile.ProfileSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Milo client against a real simulator: every tick arrives once, with its source time, value and status. */
class SimulationTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final double SPEED = 30;
    private static final int TICKS = 12;
    private static final String FLOW = "heater-1.fuel_gas_flow";
    private static final String HHV = "heater-1.fuel_gas_hhv";
    private static final String STEAM = "boiler-1.steam_flow";

    @TempDir
    static Path dir;

    private static SiteModel model;
    private static Simulation simulation;
    private static OpcUaClient client;

    @BeforeAll
    static void start() throws Exception {
        Path site = TestSites.siteWithFreePorts(dir);
        model = SiteModelLoader.load(site);
        simulation = Simulation.start(PlantSimulator.settings(
                "--site", site.toString(), "--speed", Double.toString(SPEED), "--start", START.toString(),
                "--seed", "7", "--profiles", TestSites.resource("/profiles.yaml").toString(),
                "--fault", FLOW + ":3-5", "--ticks", Integer.toString(TICKS), "--await-items", "3"));
        client = OpcUaClient.create(simulation.endpointUrl());
        client.connect();
        client.readNamespaceTable();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) client.disconnect();
        if (simulation != null) simulation.close();
    }

    @Test
    void clientReceivesEveryTickOnceWithSourceTimeValueAndFaults() throws Exception {
        NodeId flow = nodeId(FLOW);
        NodeId hhv = nodeId(HHV);
        NodeId steam = nodeId(STEAM);
        assertThat(flow.getNamespaceIndex()).isNotEqualTo(steam.getNamespaceIndex());
        assertThat(flow.getNamespaceIndex().intValue()).isGreaterThan(1);

        DataValue beforeTick0 = client.readValue(0, TimestampsToReturn.Both, flow);
        assertThat(beforeTick0.statusCode().getValue()).isEqualTo(StatusCodes.Bad_WaitingForInitialData);

        Map<NodeId, List<DataValue>> received = new ConcurrentHashMap<>();
        OpcUaSubscription subscription = new OpcUaSubscription(client, 100.0);
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                for (int i = 0; i < items.size(); i++) {
                    received.computeIfAbsent(items.get(i).getReadValueId().getNodeId(), n -> new CopyOnWriteArrayList<>())
                            .add(values.get(i));
                }
            }
        });
        subscription.create();
        // A sampling interval far from the tag's 200 ms: ticks are pushed, not sampled, so none is lost.
        subscription.addMonitoredItem(item(flow, 1000));
        subscription.addMonitoredItem(item(hhv, 0));
        subscription.synchronizeMonitoredItems();

        Thread.sleep(800);
        assertThat(simulation.monitoredItems()).isEqualTo(2);
        assertThat(simulation.ticksProduced().values()).as("--await-items 3 holds tick 0").containsOnly(0L);

        subscription.addMonitoredItem(item(steam, 200));
        subscription.synchronizeMonitoredItems();

        awaitTicks(received, List.of(flow, hhv, steam), Duration.ofSeconds(20));
        Thread.sleep(500);

        ProfileSet profiles = ProfileSet.load(model, TestSites.resource("/profiles.yaml"), 7, START);
        assertTicks(received.get(flow), model.tag(FLOW).orElseThrow(), profiles, 3, 5);
        assertTicks(received.get(hhv), model.tag(HHV).orElseThrow(), profiles, -1, -1);
        assertTicks(received.get(steam), model.tag(STEAM).orElseThrow(), profiles, -1, -1);
        assertThat(simulation.ticksProduced()).containsExactlyInAnyOrderEntriesOf(
                Map.of(FLOW, (long) TICKS, HHV, (long) TICKS, STEAM, (long) TICKS));

        DataValue latest = client.readValue(0, TimestampsToReturn.Both, hhv);
        assertThat(latest.sourceTime().getJavaInstant())
                .isEqualTo(START.plusMillis((long) (400 * SPEED * (TICKS - 1))));
        assertThat((Double) latest.value().value())
                .isEqualTo(profiles.valueAt(HHV, latest.sourceTime().getJavaInstant()));
        subscription.delete();
        Thread.sleep(200);
        assertThat(simulation.monitoredItems()).as("items are forgotten with their subscription").isZero();
    }

    @Test
    void stringIdsAreFiledInFoldersOfTheirPathAndCarryTheirUnit() throws Exception {
        NodeId folder = new NodeId(namespaceIndex(TestSites.DCS_NAMESPACE), "Plant/Unit1/Furnace");
        NodeId flow = nodeId(FLOW);
        List<DataValue> values = List.of(client.read(0, TimestampsToReturn.Neither, List.of(
                new ReadValueId(folder, AttributeId.BrowseName.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(flow, AttributeId.BrowseName.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(flow, AttributeId.Description.uid(), null, QualifiedName.NULL_VALUE),
                new ReadValueId(nodeId(STEAM), AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE)))
                .getResults());

        assertThat(((QualifiedName) values.get(0).value().value()).name()).isEqualTo("Furnace");
        assertThat(((QualifiedName) values.get(1).value().value()).name()).isEqualTo("FuelGasFlow");
        assertThat(((LocalizedText) values.get(2).value().value()).text()).contains("Nm3/h");
        assertThat(values.get(3).value().value()).isEqualTo(NodeIds.Double);
    }

    @Test
    void tagsAreAnalogItemsWithEngineeringUnitsAndValidRange() throws Exception {
        assertUnitsAndRange(nodeId(FLOW), "Nm3/h", new Range(0.0, 5000.0));
        assertUnitsAndRange(nodeId(STEAM), "t/h", new Range(0.0, 120.0));
    }

    private static void assertUnitsAndRange(NodeId node, String uom, Range range) throws Exception {
        BrowseResult properties = client.browse(new BrowseDescription(node, BrowseDirection.Forward,
                NodeIds.HasProperty, false, uint(0), uint(BrowseResultMask.All.getValue())));
        Map<String, NodeId> byName = new java.util.HashMap<>();
        for (ReferenceDescription ref : properties.getReferences()) {
            byName.put(ref.getBrowseName().name(), ref.getNodeId().toNodeId(client.getNamespaceTable()).orElseThrow());
        }
        assertThat(byName).containsKeys("EngineeringUnits", "EURange");
        List<DataValue> values = client.readValues(0, TimestampsToReturn.Neither,
                List.of(byName.get("EngineeringUnits"), byName.get("EURange")));
        EUInformation units = (EUInformation) ((ExtensionObject) values.get(0).value().value())
                .decode(client.getStaticEncodingContext());
        assertThat(units.getDisplayName().text()).isEqualTo(uom);
        assertThat(((ExtensionObject) values.get(1).value().value()).decode(client.getStaticEncodingContext()))
                .isEqualTo(range);
    }

    private static void assertTicks(List<DataValue> values, Tag tag, ProfileSet profiles, long badFirst, long badLast) {
        assertThat(values).as(tag.id() + " ticks").hasSize(TICKS);
        for (int k = 0; k < TICKS; k++) {
            DataValue value = values.get(k);
            Instant expectedTime = START.plusMillis((long) (k * tag.samplingMs() * SPEED));
            assertThat(value.sourceTime().getJavaInstant()).as(tag.id() + " tick " + k + " source time").isEqualTo(expectedTime);
            if (k >= badFirst && k <= badLast) {
                assertThat(value.statusCode().getValue()).as(tag.id() + " tick " + k).isEqualTo(StatusCodes.Bad_SensorFailure);
                assertThat(value.value().value()).isNull();
            } else {
                assertThat(value.statusCode().isGood()).as(tag.id() + " tick " + k + " " + value.statusCode()).isTrue();
                assertThat((Double) value.value().value()).as(tag.id() + " tick " + k + " value")
                        .isEqualTo(profiles.valueAt(tag.id(), expectedTime));
            }
        }
    }

    private static void awaitTicks(Map<NodeId, List<DataValue>> received, List<NodeId> nodes, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (nodes.stream().allMatch(n -> received.getOrDefault(n, List.of()).size() >= TICKS)) {
                return;
            }
            Thread.sleep(100);
        }
        List<String> counts = new ArrayList<>();
        nodes.forEach(n -> counts.add(n + "=" + received.getOrDefault(n, List.of()).size()));
        throw new AssertionError("ticks not all received within " + timeout + ": " + counts);
    }

    private static OpcUaMonitoredItem item(NodeId nodeId, double samplingMs) {
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(nodeId);
        item.setSamplingInterval(samplingMs);
        item.setQueueSize(uint(50));
        // STATUS_VALUE_TIMESTAMP, as the edge collector asks: consecutive Bad ticks differ only by timestamp.
        item.setFilter(new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp, uint(DeadbandType.None.getValue()), 0.0));
        return item;
    }

    private static NodeId nodeId(String tagId) {
        var id = model.tag(tagId).orElseThrow().nodeId();
        UShort ns = namespaceIndex(id.namespaceUri());
        return switch (id.idType()) {
            case 's' -> new NodeId(ns, id.identifier());
            case 'i' -> new NodeId(ns, uint(Long.parseLong(id.identifier())));
            default -> throw new IllegalArgumentException(id.toString());
        };
    }

    private static UShort namespaceIndex(String uri) {
        UShort index = client.getNamespaceTable().getIndex(uri);
        assertThat(index).as("namespace " + uri + " in the server's namespace table").isNotNull();
        return index;
    }
}
