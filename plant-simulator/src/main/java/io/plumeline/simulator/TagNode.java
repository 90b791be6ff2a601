package io.plumeline.simulator;

import io.plumeline.core.site.Tag;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;

/**
 * A served tag: its variable node, the data items monitoring it and the latest tick. Ticks are pushed to
 * the items instead of being sampled, so every tick reaches every item once whatever its sampling
 * interval. One lock orders a tick against items coming and going, so an item created during a tick gets
 * that tick once, either as its initial value or as the tick itself.
 */
final class TagNode {

    private final Tag tag;
    private final UaVariableNode node;
    private final List<DataItem> items = new ArrayList<>();
    private DataValue latest;
    private long produced;
    /** Ticks 0..historyEnd-1 are due and may be read back; written by the ticker, read by HistoryRead. */
    private volatile long historyEnd;

    TagNode(Tag tag, UaVariableNode node) {
        this.tag = tag;
        this.node = node;
    }

    Tag tag() {
        return tag;
    }

    UaVariableNode node() {
        return node;
    }

    synchronized void publish(long k, DataValue value) {
        latest = value;
        produced++;
        historyEnd = k + 1;
        node.setValue(value);
        for (DataItem item : items) {
            if (item.isSamplingEnabled()) {
                item.setValue(value);
            }
        }
    }

    /** A new item starts with the latest tick, as OPC UA wants a first value on creation; before tick 0 it waits. */
    synchronized void add(DataItem item) {
        items.add(item);
        sendLatest(item);
    }

    synchronized boolean remove(DataItem item) {
        return items.remove(item);
    }

    /** An item switched back on from Disabled has forgotten its last value and gets the latest tick again. */
    synchronized void sendLatest(DataItem item) {
        if (latest != null && item.isSamplingEnabled() && items.contains(item)) {
            item.setValue(latest);
        }
    }

    synchronized long produced() {
        return produced;
    }

    /** The ticks before {@code k} were due before this run started; they exist only as history. */
    void resumeAt(long k) {
        historyEnd = k;
    }

    /** How many ticks, from tick 0, are due so far. */
    long historyEnd() {
        return historyEnd;
    }
}
