package io.plumeline.edge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Steady load for a test: every {@code periodMs} one tick for every tag, source timestamp
 * {@code t0 + k × periodMs}, value k. Ticks are also kept in the namespace's history, so that a server
 * (re)started on the same namespace can serve them to HistoryRead.
 */
final class Load implements AutoCloseable {

    private final Map<String, NodeId> nodes = new LinkedHashMap<>();
    private final int periodMs;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Thread thread;
    private volatile PushNamespace namespace;
    private volatile boolean running = true;
    private volatile int ticks;

    /** {@code tags} tags named prefix.0 … in the namespace, nodes s=prefix/0 …, and a site model listing them. */
    Load(PushNamespace namespace, String prefix, int tags, int periodMs, TestSite site) {
        this.namespace = namespace;
        this.periodMs = periodMs;
        for (int i = 0; i < tags; i++) {
            String tag = prefix + "." + i;
            nodes.put(tag, namespace.addVariable(prefix + "/" + i, NodeIds.Double, true));
            site.tag(tag, "s=" + prefix + "/" + i, periodMs);
        }
        this.thread = new Thread(this::run, "test-load-" + prefix);
        thread.setDaemon(true);
    }

    Load start() {
        thread.start();
        return this;
    }

    /** The source time of the first reading; tick k is stamped this plus k periods. */
    Instant firstTick() {
        return t0;
    }

    NodeId[] nodes() {
        return nodes.values().toArray(NodeId[]::new);
    }

    List<String> tags() {
        return List.copyOf(nodes.keySet());
    }

    /** Pushes go to this namespace from now on (a restarted server); null while the server is down. */
    void pushTo(PushNamespace target) {
        this.namespace = target;
    }

    /** Recreates the variables in a restarted server's namespace. */
    void addVariablesTo(PushNamespace target) {
        nodes.values().forEach(node -> target.addVariable(node.getIdentifier().toString(), NodeIds.Double, true));
    }

    private void run() {
        long start = System.nanoTime();
        int k = 0;
        while (running) {
            Instant ts = t0.plusMillis((long) k * periodMs);
            DataValue value = DataValue.newValue().setValue(new Variant((double) k)).setStatus(StatusCode.GOOD)
                    .setSourceTime(new DateTime(ts)).setServerTime(new DateTime(ts)).build();
            PushNamespace target = namespace;
            for (NodeId node : nodes.values()) {
                History.record(node, value);
                if (target != null) target.push(node, value);
            }
            ticks = ++k;
            long next = start + (long) k * periodMs * 1_000_000;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    int ticks() {
        return ticks;
    }

    Instant ts(int tick) {
        return t0.plusMillis((long) tick * periodMs);
    }

    /** The source timestamps of ticks 0 … n-1. */
    List<Instant> timestamps(int n) {
        List<Instant> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) out.add(ts(k));
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
