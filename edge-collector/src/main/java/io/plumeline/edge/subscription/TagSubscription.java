package io.plumeline.edge.subscription;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.plumeline.core.site.Tag;
import io.plumeline.edge.session.NodeResolver.ResolvedTag;
import io.plumeline.edge.session.StatusNames;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one subscription that carries all tags of one server. Publishing interval: the smallest sampling
 * interval among them, so the fastest tag is not held back; every item samples at its tag's own interval.
 */
public final class TagSubscription {

    private static final Logger log = LoggerFactory.getLogger(TagSubscription.class);

    /**
     * Each CreateMonitoredItems call restarts the server's sampling, so fewer, larger calls are much faster
     * (Milo at 100k items: 13 s in calls of 10,000 against 29 s in calls of 1,000). Milo lowers it to the
     * server's MaxMonitoredItemsPerCall when the server has a smaller one.
     */
    static final int MAX_ITEMS_PER_CALL = 10_000;
    /**
     * The server sends a keep-alive at least this often when there is no data, and the subscription's
     * watchdog reports a silent subscription when neither data nor keep-alive came for 1.5 times that.
     */
    static final double KEEP_ALIVE_MS = 5_000;
    public static final int MIN_QUEUE_SIZE = 10;

    /**
     * STATUS_VALUE_TIMESTAMP: a value repeated with a new source timestamp is a new sample (a steady flow is
     * still measured), and the default trigger (status or value change) would drop it.
     */
    private static final DataChangeFilter EVERY_SAMPLE =
            new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp, uint(DeadbandType.None.getValue()), 0.0);

    /** What the subscription reports to its owner. */
    public interface Listener {
        /** The samples of one publish response, in order ({@code tags.get(i)} is the tag of {@code values.get(i)}). */
        void onSamples(List<Tag> tags, List<DataValue> values);

        /** The server no longer has the subscription (restart, expiry): it must be created anew. */
        void onSubscriptionLost(String reason);

        /** Notifications were lost while the subscription went on (a gap in the publish sequence). */
        void onDataLost(String reason);
    }

    private final String serverId;
    private final OpcUaSubscription subscription;
    private final List<String> problems = new ArrayList<>();
    private int itemsCreated;

    private TagSubscription(String serverId, OpcUaSubscription subscription) {
        this.serverId = serverId;
        this.subscription = subscription;
    }

    /**
     * Creates the subscription and its items. Items the server refuses (unknown node, access denied) are
     * reported by tag in {@link #problems()} and left out; the others go on.
     */
    public static TagSubscription create(String serverId, OpcUaClient client, List<ResolvedTag> tags, Listener listener)
            throws UaException {
        double publishingMs = tags.stream().mapToInt(t -> t.tag().samplingMs()).min().orElse(1000);
        OpcUaSubscription subscription = new OpcUaSubscription(client, publishingMs);
        subscription.setMaxMonitoredItemsPerCall(uint(MAX_ITEMS_PER_CALL));
        subscription.setTargetKeepAliveInterval(Math.max(KEEP_ALIVE_MS, publishingMs));
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                List<Tag> tags = new ArrayList<>(items.size());
                List<DataValue> samples = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).getUserObject().orElse(null) instanceof Tag t) {
                        tags.add(t);
                        samples.add(values.get(i));
                    }
                }
                listener.onSamples(tags, samples);
            }

            @Override
            public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
                listener.onSubscriptionLost("the new session could not take the subscription over ("
                        + StatusNames.of(status) + ")");
            }

            @Override
            public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
                if (status.value() == StatusCodes.Bad_Timeout) {
                    listener.onSubscriptionLost("the server ended the subscription (" + StatusNames.of(status) + ")");
                }
            }

            @Override
            public void onWatchdogTimerElapsed(OpcUaSubscription s) {
                listener.onSubscriptionLost("no publish response or keep-alive within the expected time");
            }

            @Override
            public void onNotificationDataLost(OpcUaSubscription s) {
                listener.onDataLost("notifications were lost (a gap in the publish sequence)");
            }
        });
        subscription.create();

        TagSubscription created = new TagSubscription(serverId, subscription);
        created.createItems(client, tags);
        return created;
    }

    private void createItems(OpcUaClient client, List<ResolvedTag> tags) {
        double publishingMs = subscription.getRevisedPublishingInterval().orElse(subscription.getPublishingInterval());
        List<OpcUaMonitoredItem> items = new ArrayList<>(tags.size());
        for (ResolvedTag resolved : tags) {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(resolved.nodeId());
            item.setSamplingInterval(resolved.tag().samplingMs());
            item.setQueueSize(uint(queueSize(publishingMs, resolved.tag().samplingMs())));
            item.setDiscardOldest(true);
            item.setFilter(EVERY_SAMPLE);
            item.setUserObject(resolved.tag());
            items.add(item);
        }
        subscription.addMonitoredItems(items);
        log.info("server {}: creating {} monitored items in calls of at most {} (server limit: {}), publishing every {} ms",
                serverId, items.size(), MAX_ITEMS_PER_CALL, serverLimit(client), publishingMs);

        for (MonitoredItemServiceOperationResult result : subscription.createMonitoredItems()) {
            if (result.isGood()) {
                itemsCreated++;
                continue;
            }
            OpcUaMonitoredItem item = result.monitoredItem();
            Tag tag = (Tag) item.getUserObject().orElseThrow();
            StatusCode status = result.operationResult().filter(s -> !s.isGood()).orElse(result.serviceResult());
            String problem = "tag " + tag.id() + ": server " + serverId + " refused to monitor node "
                    + item.getReadValueId().getNodeId().toParseableString() + " (" + tag.node() + "): " + StatusNames.of(status);
            problems.add(problem);
            log.warn(problem);
            subscription.removeMonitoredItem(item);
        }
        log.info("server {}: {} of {} monitored items created", serverId, itemsCreated, items.size());
    }

    /** Room for every sample taken between two publish responses, with margin for a late one. */
    static int queueSize(double publishingMs, int samplingMs) {
        long perPublish = (long) Math.ceil(publishingMs / Math.max(1, samplingMs));
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_QUEUE_SIZE, 2 * perPublish));
    }

    private static String serverLimit(OpcUaClient client) {
        try {
            return client.getOperationLimits().maxMonitoredItemsPerCall()
                    .filter(limit -> limit.longValue() > 0).map(UInteger::toString).orElse("none");
        } catch (UaException e) {
            return "unknown (" + StatusNames.of(e.getStatusCode()) + ")";
        }
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public int itemsCreated() {
        return itemsCreated;
    }

    /** Deletes the subscription on the server; a server that is gone already is not an error here. */
    public void delete() {
        try {
            subscription.delete();
        } catch (UaException e) {
            log.debug("server {}: subscription not deleted: {}", serverId, e.getMessage());
            subscription.reset();
        }
    }
}
