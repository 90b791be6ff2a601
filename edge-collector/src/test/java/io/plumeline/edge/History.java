package io.plumeline.edge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The plant historian of the tests: every value a test produced per node, kept across server restarts (a
 * historian keeps recording while the OPC UA server in front of it is down). Node ids are unique per test.
 */
final class History {

    private static final Map<NodeId, List<DataValue>> VALUES = new ConcurrentHashMap<>();

    private History() {
    }

    static void record(NodeId node, DataValue value) {
        VALUES.computeIfAbsent(node, n -> new CopyOnWriteArrayList<>()).add(value);
    }

    /** Values with a source time in [from, to], oldest first. */
    static List<DataValue> between(NodeId node, Instant from, Instant to) {
        return VALUES.getOrDefault(node, List.of()).stream()
                .filter(v -> {
                    Instant ts = v.sourceTime().getJavaInstant();
                    return !ts.isBefore(from) && !ts.isAfter(to);
                }).toList();
    }
}
