package io.plumeline.edge;

import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.edge.NodeResolver.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the tags of one OPC UA server: opens the session, resolves the node ids, subscribes, and
 * subscribes again whenever the server loses the subscription. Retries back off from 1 s to 30 s and
 * never give up while the collector runs; each server has its own thread, so one unreachable server does
 * not hold up the others.
 */
final class ServerCollector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerCollector.class);

    /** Where readings go; false when it refused the reading (a full spool). */
    interface ReadingSink {
        boolean accept(Reading reading);
    }

    static final long FIRST_RETRY_MS = 1_000;
    static final long MAX_RETRY_MS = 30_000;

    private final ServerConnection connection;
    private final List<Tag> tags;
    private final ReadingMapper mapper;
    private final ReadingSink sink;
    private final ExecutorService worker;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile TagSubscription subscription;
    private volatile long lastReadingNanos;
    private volatile List<String> problems = List.of();

    ServerCollector(ServerConnection connection, List<Tag> tags, ReadingMapper mapper, ReadingSink sink) {
        this.connection = connection;
        this.tags = List.copyOf(tags);
        this.mapper = mapper;
        this.sink = sink;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "edge-" + connection.serverId());
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        worker.execute(this::subscribe);
    }

    String serverId() {
        return connection.serverId();
    }

    String endpoint() {
        return connection.endpoint();
    }

    long gaps() {
        return 0;
    }

    long backfilled() {
        return 0;
    }

    int tagCount() {
        return tags.size();
    }

    /** Monitored items that exist on the server now (0 while disconnected or resubscribing). */
    int itemsCreated() {
        TagSubscription current = subscription;
        return current == null ? 0 : current.itemsCreated();
    }

    long samples() {
        return samples.get();
    }

    /** A session is open and the subscription exists. */
    boolean connected() {
        return subscription != null && connection.sessionActive();
    }

    /** Seconds since the newest reading of this server arrived; NaN before the first. */
    double secondsSinceNewestReading() {
        long last = lastReadingNanos;
        return last == 0 ? Double.NaN : (System.nanoTime() - last) / 1e9;
    }

    /** Why tags are not collected: unknown namespace URIs, refused nodes; one message per tag. */
    List<String> problems() {
        return problems;
    }

    private void subscribe() {
        long retryMs = FIRST_RETRY_MS;
        while (stopping.getCount() > 0) {
            try {
                OpcUaClient client = connection.client();
                if (client == null) client = connection.connect();
                // Read afresh: a restarted server may have numbered its namespaces differently.
                Resolution resolution = NodeResolver.resolve(serverId(), tags, client.readNamespaceTable());
                resolution.problems().forEach(log::warn);
                List<String> found = new ArrayList<>(resolution.problems());
                if (!resolution.resolved().isEmpty()) {
                    long gen = generation.incrementAndGet();
                    TagSubscription created = TagSubscription.create(serverId(), client, resolution.resolved(),
                            listener(gen));
                    found.addAll(created.problems());
                    subscription = created;
                }
                problems = List.copyOf(found);
                if (stopping.getCount() == 0) deleteSubscription();
                return;
            } catch (Exception e) {
                log.warn("server {} ({}): cannot subscribe yet: {}; retrying in {} s", serverId(), connection.endpoint(),
                        e.getMessage() == null ? e.toString() : e.getMessage(), retryMs / 1000);
                if (awaitStop(retryMs)) return;
                retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
            }
        }
    }

    private TagSubscription.Listener listener(long gen) {
        return new TagSubscription.Listener() {
            @Override
            public void onSample(Tag tag, DataValue value) {
                samples.incrementAndGet();
                lastReadingNanos = System.nanoTime();
                sink.accept(mapper.map(tag.id(), value));
            }

            @Override
            public void onSubscriptionLost(String reason) {
                // Several signals may report the same loss; only the first for the current subscription counts.
                if (!generation.compareAndSet(gen, gen + 1) || stopping.getCount() == 0) return;
                log.warn("server {}: subscription lost: {}; subscribing again", serverId(), reason);
                worker.execute(() -> {
                    deleteSubscription();
                    subscribe();
                });
            }
        };
    }

    private void deleteSubscription() {
        TagSubscription current = subscription;
        subscription = null;
        if (current != null) current.delete();
    }

    private boolean awaitStop(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(15, TimeUnit.SECONDS)) worker.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteSubscription();
        connection.close();
    }
}
