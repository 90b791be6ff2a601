package io.plumeline.simulator;

import io.plumeline.core.site.OpcNodeId;
import io.plumeline.core.site.Tag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryData;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResult;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * One OPC UA namespace of the site model: the tags whose node ids carry its URI, as read-only Double
 * AnalogItems with their unit of measure and valid range, historizing (raw HistoryRead, see
 * {@link TagHistory}). A string id such as {@code Plant/Unit1/Furnace/FuelGasFlow} is filed under folders
 * named by its path segments; other ids (numeric, GUID, opaque) sit directly under Objects.
 *
 * <p>Values of tag nodes are pushed by the ticker to the data items that monitor them (see {@link TagNode});
 * anything else monitored here (folders, other attributes) is sampled the ordinary way.
 */
final class TagNamespace extends ManagedNamespaceWithLifecycle {

    /** OPC UA's namespace for UNECE unit codes; the site model's units carry no code, so unitId is -1. */
    private static final String UNECE_UNITS = "http://www.opcfoundation.org/UA/units/un/cefact";

    private static final Set<AccessLevel> HISTORY_AND_CURRENT_READ = Set.of(AccessLevel.CurrentRead, AccessLevel.HistoryRead);

    private final List<Tag> tags;
    private final MonitoredItemCount itemCount;
    private final SubscriptionModel polled;
    private final TickHistory history;
    private final Map<NodeId, TagNode> tagNodes = new LinkedHashMap<>();
    private final Map<NodeId, TagHistory> histories = new LinkedHashMap<>();
    private final Map<String, UaFolderNode> folders = new LinkedHashMap<>();

    TagNamespace(OpcUaServer server, String namespaceUri, List<Tag> tags, MonitoredItemCount itemCount,
                 TickHistory history) {
        super(server, namespaceUri);
        this.tags = List.copyOf(tags);
        this.itemCount = itemCount;
        this.history = history;
        this.polled = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(polled);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    /** The tag nodes, in site model order; filled at startup. */
    List<TagNode> tagNodes() {
        return List.copyOf(tagNodes.values());
    }

    private void createNodes() {
        for (Tag tag : tags) {
            NodeId nodeId = nodeId(tag.nodeId());
            List<String> path = folderPath(tag.nodeId());
            String name = path.isEmpty() ? browseName(tag) : path.remove(path.size() - 1);
            AnalogItemTypeNode node = variable(tag, nodeId, name);
            if (path.isEmpty()) {
                organizedByObjects(node);
            } else {
                folder(path).addOrganizes(node);
            }
            TagNode tagNode = new TagNode(tag, node);
            tagNodes.put(nodeId, tagNode);
            histories.put(nodeId, history.of(tagNode));
        }
        checkNoFolderIsATag();
    }

    private AnalogItemTypeNode variable(Tag tag, NodeId nodeId, String name) {
        AnalogItemTypeNode node;
        try {
            node = (AnalogItemTypeNode) getNodeFactory().createNode(nodeId, NodeIds.AnalogItemType,
                    new NodeFactory.InstantiationCallback() {
                        @Override
                        public boolean includeOptionalNode(NodeId typeDefinitionId, QualifiedName browseName) {
                            return "EngineeringUnits".equals(browseName.name());
                        }
                    });
        } catch (UaException e) {
            throw new SimulatorException("tag '" + tag.id() + "': cannot create its node " + tag.node() + ": " + e.getMessage(), e);
        }
        node.setBrowseName(newQualifiedName(name));
        node.setDisplayName(LocalizedText.english(name));
        node.setDescription(LocalizedText.english(tag.id() + " in " + tag.uom()));
        node.setDataType(NodeIds.Double);
        node.setAccessLevel(AccessLevel.toValue(HISTORY_AND_CURRENT_READ));
        node.setUserAccessLevel(AccessLevel.toValue(HISTORY_AND_CURRENT_READ));
        node.setHistorizing(true);
        node.setMinimumSamplingInterval((double) tag.samplingMs());
        node.setValue(new DataValue(StatusCodes.Bad_WaitingForInitialData));
        node.setEngineeringUnits(new EUInformation(UNECE_UNITS, -1, LocalizedText.english(tag.uom()),
                LocalizedText.english(tag.uom())));
        Tag.ValidRange valid = tag.valid();
        node.setEuRange(new Range(valid == null || valid.min() == null ? -Double.MAX_VALUE : valid.min(),
                valid == null || valid.max() == null ? Double.MAX_VALUE : valid.max()));
        return node;
    }

    private UaFolderNode folder(List<String> path) {
        String id = String.join("/", path);
        UaFolderNode existing = folders.get(id);
        if (existing != null) {
            return existing;
        }
        String name = path.get(path.size() - 1);
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name),
                LocalizedText.english(name));
        getNodeManager().addNode(folder);
        if (path.size() == 1) {
            organizedByObjects(folder);
        } else {
            folder(path.subList(0, path.size() - 1)).addOrganizes(folder);
        }
        folders.put(id, folder);
        return folder;
    }

    private void organizedByObjects(UaNode node) {
        node.addReference(new Reference(node.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    }

    /** A folder sharing its node id with a tag would hide one of them from clients. */
    private void checkNoFolderIsATag() {
        for (TagNode tagNode : tagNodes.values()) {
            if (tagNode.tag().nodeId().idType() == 's' && folders.containsKey(tagNode.tag().nodeId().identifier())) {
                throw new SimulatorException("tag '" + tagNode.tag().id() + "': node " + tagNode.tag().node()
                        + " is also a folder on the path of another tag's node id");
            }
        }
    }

    private NodeId nodeId(OpcNodeId id) {
        return switch (id.idType()) {
            case 's' -> newNodeId(id.identifier());
            case 'i' -> newNodeId(uint(Long.parseLong(id.identifier())));
            case 'g' -> newNodeId(UUID.fromString(id.identifier()));
            case 'b' -> newNodeId(ByteString.of(Base64.getDecoder().decode(id.identifier())));
            default -> throw new IllegalArgumentException("node id type " + id.idType());
        };
    }

    /** Folder segments then the variable's own name, or empty when the id is not a clean path. */
    private static List<String> folderPath(OpcNodeId id) {
        if (id.idType() != 's' || !id.identifier().contains("/")) {
            return new ArrayList<>();
        }
        List<String> segments = new ArrayList<>(List.of(id.identifier().split("/", -1)));
        return segments.stream().anyMatch(String::isBlank) ? new ArrayList<>() : segments;
    }

    private static String browseName(Tag tag) {
        return tag.nodeId().idType() == 's' ? tag.nodeId().identifier() : tag.id();
    }

    private TagNode tagNodeOf(MonitoredItem item) {
        if (!AttributeId.Value.isEqual(item.getReadValueId().getAttributeId())) {
            return null;
        }
        return tagNodes.get(item.getReadValueId().getNodeId());
    }

    /** Raw history of the tag nodes (see {@link TagHistory}); other nodes of the namespace have none. */
    @Override
    public List<HistoryReadResult> historyRead(HistoryReadContext context, HistoryReadDetails details,
                                               TimestampsToReturn timestamps, List<HistoryReadValueId> readValueIds) {
        List<HistoryReadResult> results = new ArrayList<>(readValueIds.size());
        for (HistoryReadValueId id : readValueIds) {
            results.add(historyRead(details, timestamps, id));
        }
        return results;
    }

    private HistoryReadResult historyRead(HistoryReadDetails details, TimestampsToReturn timestamps, HistoryReadValueId id) {
        TagHistory tagHistory = histories.get(id.getNodeId());
        if (tagHistory == null) {
            long status = getNodeManager().containsNode(id.getNodeId())
                    ? StatusCodes.Bad_HistoryOperationUnsupported : StatusCodes.Bad_NodeIdUnknown;
            return new HistoryReadResult(new StatusCode(status), null, null);
        }
        if (!(details instanceof ReadRawModifiedDetails raw)) {
            return new HistoryReadResult(new StatusCode(StatusCodes.Bad_HistoryOperationUnsupported), null, null);
        }
        try {
            TagHistory.Page page = tagHistory.readRaw(raw, id.getContinuationPoint(), timestamps);
            return new HistoryReadResult(page.status(), page.continuationPoint(), ExtensionObject.encode(
                    getServer().getStaticEncodingContext(), new HistoryData(page.values().toArray(DataValue[]::new))));
        } catch (UaException e) {
            return new HistoryReadResult(e.getStatusCode(), null, null);
        }
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        List<DataItem> others = new ArrayList<>();
        int added = 0;
        for (DataItem item : items) {
            TagNode tagNode = tagNodeOf(item);
            if (tagNode == null) {
                others.add(item);
            } else {
                tagNode.add(item);
                added++;
            }
        }
        if (!others.isEmpty()) {
            polled.onDataItemsCreated(others);
        }
        itemCount.add(added);
    }

    /** A pushed item's new sampling interval or queue size changes nothing here: every tick is pushed anyway. */
    @Override
    public void onDataItemsModified(List<DataItem> items) {
        List<DataItem> others = items.stream().filter(item -> tagNodeOf(item) == null).toList();
        if (!others.isEmpty()) {
            polled.onDataItemsModified(others);
        }
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        List<DataItem> others = new ArrayList<>();
        int removed = 0;
        for (DataItem item : items) {
            TagNode tagNode = tagNodeOf(item);
            if (tagNode == null) {
                others.add(item);
            } else if (tagNode.remove(item)) {
                removed++;
            }
        }
        if (!others.isEmpty()) {
            polled.onDataItemsDeleted(others);
        }
        itemCount.add(-removed);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        List<MonitoredItem> others = new ArrayList<>();
        for (MonitoredItem item : items) {
            TagNode tagNode = tagNodeOf(item);
            if (tagNode == null) {
                others.add(item);
            } else if (item instanceof DataItem dataItem) {
                tagNode.sendLatest(dataItem);
            }
        }
        if (!others.isEmpty()) {
            polled.onMonitoringModeChanged(others);
        }
    }
}
