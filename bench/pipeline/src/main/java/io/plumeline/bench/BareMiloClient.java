package io.plumeline.bench;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.plumeline.core.site.OpcNodeId;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.site.Tag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;

/**
 * The edge collector's limit: a bare Milo subscription client with the collector's item settings (1 s sampling
 * and publishing, every sample, 10,000 items per call) that only counts the values it receives. Prints
 * {@code subscribed N} once its items exist, then {@code received TOTAL} every 100 ms.
 */
public final class BareMiloClient {

    private BareMiloClient() {
    }

    public static void main(String[] args) throws Exception {
        SiteModel site = SiteModelLoader.load(Path.of(args[0]));
        OpcUaClient client = OpcUaClient.create(site.servers().get(0).endpoint());
        client.connect();
        AtomicLong received = new AtomicLong();
        OpcUaSubscription subscription = new OpcUaSubscription(client, 1000.0);
        subscription.setMaxMonitoredItemsPerCall(uint(10_000));
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                received.addAndGet(values.size());
            }
        });
        subscription.create();
        DataChangeFilter everySample = new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp,
                uint(DeadbandType.None.getValue()), 0.0);
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (Tag tag : site.tags()) {
            OpcNodeId node = OpcNodeId.parse(tag.node());
            int ns = client.getNamespaceTable().getIndex(node.namespaceUri()).intValue();
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(ns, node.identifier()));
            item.setSamplingInterval(tag.samplingMs());
            item.setQueueSize(uint(10));
            item.setDiscardOldest(true);
            item.setFilter(everySample);
            items.add(item);
        }
        subscription.addMonitoredItems(items);
        long good = subscription.createMonitoredItems().stream().filter(MonitoredItemServiceOperationResult::isGood).count();
        System.out.println("subscribed " + good);
        System.out.flush();
        while (true) {
            Thread.sleep(100);
            System.out.println("received " + received.get());
            System.out.flush();
        }
    }
}
