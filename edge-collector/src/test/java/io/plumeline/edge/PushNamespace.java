package io.plumeline.edge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryData;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResult;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * A test namespace whose variables the test sets. A value set is pushed to every data item monitoring the
 * variable (not sampled), so a test controls exactly which samples exist, timestamps included.
 */
final class PushNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:plumeline:edge-test";

    /** A GOOD value stamped {@code ts} as both source and server time. */
    static DataValue good(double value, Instant ts) {
        return DataValue.newValue().setValue(new Variant(value)).setStatus(StatusCode.GOOD)
                .setSourceTime(new DateTime(ts)).setServerTime(new DateTime(ts)).build();
    }

    private final Map<NodeId, UaVariableNode> variables = new ConcurrentHashMap<>();
    private final Map<NodeId, List<DataItem>> items = new ConcurrentHashMap<>();
    private final List<List<NodeId>> createCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger historyReads = new AtomicInteger();
    private final AtomicReference<Runnable> beforeNextHistoryRead = new AtomicReference<>();

    static final int HISTORY_VALUES_PER_CALL = 20;

    PushNamespace(OpcUaServer server) {
        super(server, URI);
    }

    /** A variable with a string id in this namespace; {@code readable} false makes it refuse monitoring. */
    NodeId addVariable(String id, NodeId dataType, boolean readable) {
        return add(newNodeId(id), id, dataType, readable);
    }

    NodeId addVariable(long id, NodeId dataType) {
        return add(newNodeId(id), "n" + id, dataType, true);
    }

    private NodeId add(NodeId nodeId, String name, NodeId dataType, boolean readable) {
        var access = readable ? java.util.EnumSet.of(AccessLevel.CurrentRead, AccessLevel.HistoryRead) : AccessLevel.NONE;
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(nodeId)
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(dataType)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .setAccessLevel(access)
                .setUserAccessLevel(access)
                .setValue(new DataValue(StatusCodes.Bad_WaitingForInitialData))
                .build();
        getNodeManager().addNode(node);
        variables.put(nodeId, node);
        node.addReference(new Reference(node.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        return nodeId;
    }

    void push(NodeId nodeId, DataValue value) {
        variables.get(nodeId).setValue(value);
        items.getOrDefault(nodeId, List.of()).forEach(item -> item.setValue(value));
    }

    /** Waits until every node is monitored, as a server's first sample would otherwise race the subscription. */
    void awaitMonitored(Duration timeout, NodeId... nodeIds) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (NodeId nodeId : nodeIds) {
            while (items.getOrDefault(nodeId, List.of()).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("node " + nodeId + " is not monitored after " + timeout);
                }
                Thread.sleep(20);
            }
        }
    }

    int monitoredItems(NodeId nodeId) {
        return items.getOrDefault(nodeId, List.of()).size();
    }

    /** The nodes of each CreateMonitoredItems call that reached this namespace, in order. */
    List<List<NodeId>> createCalls() {
        return List.copyOf(createCalls);
    }

    /**
     * HistoryReadRawModified from {@link History}, at most {@link #HISTORY_VALUES_PER_CALL} values per call so
     * that a client has to follow continuation points.
     */
    @Override
    public List<HistoryReadResult> historyRead(HistoryReadContext context, HistoryReadDetails details,
            TimestampsToReturn timestamps, List<HistoryReadValueId> ids) {
        historyReads.incrementAndGet();
        Runnable before = beforeNextHistoryRead.getAndSet(null);
        if (before != null) before.run();
        List<HistoryReadResult> results = new ArrayList<>();
        for (HistoryReadValueId id : ids) {
            if (!(details instanceof ReadRawModifiedDetails raw) || !variables.containsKey(id.getNodeId())) {
                results.add(new HistoryReadResult(new StatusCode(StatusCodes.Bad_HistoryOperationUnsupported), null, null));
                continue;
            }
            Instant from = raw.getStartTime().getJavaInstant();
            Instant to = raw.getEndTime().getJavaInstant();
            List<DataValue> values = History.between(id.getNodeId(), from, to);
            int offset = id.getContinuationPoint() == null || id.getContinuationPoint().isNull() ? 0
                    : Integer.parseInt(new String(id.getContinuationPoint().bytesOrEmpty(), StandardCharsets.US_ASCII));
            int end = Math.min(values.size(), offset + HISTORY_VALUES_PER_CALL);
            ByteString next = end < values.size()
                    ? ByteString.of(Integer.toString(end).getBytes(StandardCharsets.US_ASCII)) : ByteString.NULL_VALUE;
            HistoryData data = new HistoryData(values.subList(offset, end).toArray(DataValue[]::new));
            results.add(new HistoryReadResult(StatusCode.GOOD, next,
                    ExtensionObject.encode(getServer().getStaticEncodingContext(), data)));
        }
        return results;
    }

    /** Runs {@code action} when the next HistoryRead arrives, before it is answered (a fault at that moment). */
    void beforeNextHistoryRead(Runnable action) {
        beforeNextHistoryRead.set(action);
    }

    int historyReads() {
        return historyReads.get();
    }

    @Override
    public void onDataItemsCreated(List<DataItem> created) {
        List<NodeId> call = new ArrayList<>();
        for (DataItem item : created) {
            NodeId nodeId = item.getReadValueId().getNodeId();
            items.computeIfAbsent(nodeId, n -> new CopyOnWriteArrayList<>()).add(item);
            call.add(nodeId);
        }
        createCalls.add(List.copyOf(call));
    }

    @Override
    public void onDataItemsModified(List<DataItem> modified) {
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> deleted) {
        for (DataItem item : deleted) {
            items.getOrDefault(item.getReadValueId().getNodeId(), new ArrayList<>()).remove(item);
        }
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> changed) {
    }
}
