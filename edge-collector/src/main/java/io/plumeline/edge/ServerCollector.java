package io.plumeline.edge;

import io.plumeline.core.retry.Backoff;
import io.plumeline.core.site.Tag;
import io.plumeline.edge.gaps.GapTracker;
import io.plumeline.edge.session.NodeResolver;
import io.plumeline.edge.session.NodeResolver.Resolution;
import io.plumeline.edge.session.NodeResolver.ResolvedTag;
import io.plumeline.edge.session.ServerConnection;
import io.plumeline.edge.subscription.ReadingMapper;
import io.plumeline.edge.subscription.ReadingSink;
import io.plumeline.edge.subscription.TagSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the tags of one OPC UA server: opens the session, resolves the node ids, subscribes, and rebuilds
 * session and subscription whenever either is lost (session keep-alive failure, subscription watchdog: no
 * data or keep-alive past the expected interval, failed transfer). Retries back off by {@link #RECONNECT} (1 s
 * doubling to 5 s) and never give up; a refusal that retrying cannot cure soon (certificate, user) is reported
 * and tried again every {@link #FATAL_RETRY_MS} ms. Each server has its own thread, so one unreachable server
 * does not hold up the others.
 *
 * <p>What it does itself: that connect-resolve-subscribe loop, counting one loss once (per subscription), turning
 * the subscription's samples into readings (the overflow bit of a sample is a loss too), and what the health
 * and metrics say of the server. The gaps are its {@link GapTracker}'s: every reading passes through it to the
 * sink, it is told of every loss and every new subscription, and on this server's thread it closes an outage
 * once readings flow again, publishes the gap record and reads the gap back.
 */
final class ServerCollector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerCollector.class);

    /** Up to 5 s: short, so that a server that comes back is reconnected within seconds. */
    static final Backoff RECONNECT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
    /** A refusal retrying cannot cure quickly (certificate, user) is tried again this rarely. */
    static final long FATAL_RETRY_MS = 60_000;

    private final ServerConnection connection;
    private final List<Tag> tags;
    private final ReadingMapper mapper;
    private final GapTracker gapTracker;
    private final java.util.function.Consumer<RuntimeException> fatal;
    private final ScheduledExecutorService worker;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile TagSubscription subscription;
    private volatile long lastReadingNanos;
    private volatile List<String> problems = List.of();
    private volatile String fatalProblem;

    /** @param saved the newest reading time per tag that an earlier run saved; a gap starts there */
    ServerCollector(ServerConnection connection, List<Tag> tags, String site, ReadingMapper mapper, ReadingSink sink,
            GapTracker.GapSink gapSink, Map<String, Instant> saved, java.util.function.Consumer<RuntimeException> fatal) {
        this.fatal = fatal;
        this.connection = connection;
        this.tags = List.copyOf(tags);
        this.mapper = mapper;
        this.gapTracker = new GapTracker(connection, this.tags, site, mapper, sink, gapSink, saved);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-" + connection.serverId());
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        worker.execute(this::subscribe);
        worker.scheduleWithFixedDelay(gapTracker::closeWhenBack, 1, 1, TimeUnit.SECONDS);
    }

    String serverId() {
        return connection.serverId();
    }

    String endpoint() {
        return connection.endpoint();
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

    long gaps() {
        return gapTracker.gaps();
    }

    long backfilled() {
        return gapTracker.backfilled();
    }

    /** An interruption is open: its gap record is not published yet. */
    boolean outageOpen() {
        return gapTracker.outageOpen();
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

    /** The refusal that keeps this server from being collected (certificate, user); null otherwise. */
    String fatalProblem() {
        return fatalProblem;
    }

    /** Why tags are not collected: unknown namespace URIs, refused nodes; one message per tag. */
    List<String> problems() {
        return problems;
    }

    /** The newest reading time of the tags that changed since the last call (saved with the spool). */
    Map<String, Instant> takeUnsavedState() {
        return gapTracker.takeUnsavedState();
    }

    private void subscribe() {
        long retryMs = RECONNECT.first().toMillis();
        while (stopping.getCount() > 0) {
            try {
                OpcUaClient client = connection.client();
                if (client == null) client = connection.connect();
                // Read afresh: a restarted server may have numbered its namespaces differently.
                Resolution resolution = NodeResolver.resolve(serverId(), tags, client.readNamespaceTable());
                resolution.problems().forEach(log::warn);
                List<String> found = new ArrayList<>(resolution.problems());
                Map<String, NodeId> resolved = new HashMap<>();
                for (ResolvedTag t : resolution.resolved()) resolved.put(t.tag().id(), t.nodeId());
                gapTracker.resolved(resolved);
                if (!resolution.resolved().isEmpty()) {
                    long gen = generation.incrementAndGet();
                    TagSubscription created = TagSubscription.create(serverId(), client, resolution.resolved(),
                            listener(gen));
                    found.addAll(created.problems());
                    subscription = created;
                    connection.onSessionLost(() -> lost(gen, "the session was lost (keep-alive failed or server gone)"));
                }
                problems = List.copyOf(found);
                fatalProblem = null;
                gapTracker.subscribed();
                if (stopping.getCount() == 0) deleteSubscription();
                return;
            } catch (ServerConnection.FatalConnectionException e) {
                // Retrying soon cannot help (wrong password, untrusted certificate): the operator has to act. Only
                // this server stops; it is tried again now and then (a rotated certificate may get trusted).
                fatalProblem = e.getMessage();
                connection.close();
                fatal.accept(e);
                if (awaitStop(FATAL_RETRY_MS)) return;
            } catch (Exception e) {
                log.warn("server {} ({}): cannot subscribe yet: {}; retrying in {} s", serverId(), connection.endpoint(),
                        e.getMessage() == null ? e.toString() : e.getMessage(), retryMs / 1000);
                connection.close();
                if (awaitStop(retryMs)) return;
                retryMs = RECONNECT.next(Duration.ofMillis(retryMs)).toMillis();
            }
        }
    }

    private TagSubscription.Listener listener(long gen) {
        return new TagSubscription.Listener() {
            @Override
            public void onSamples(List<Tag> batch, List<DataValue> values) {
                // The overflow bit: an item's queue discarded its oldest samples. Those are older than all of this
                // response and newer than every earlier one, so the gap is noted before any of it is taken (where
                // in the queue the flagged sample sits is up to the server).
                List<String> overflowed = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    String id = batch.get(i).id();
                    if (values.get(i).statusCode().isOverflowSet() && !overflowed.contains(id)) overflowed.add(id);
                }
                if (!overflowed.isEmpty()) {
                    dataLost("the server's queue of tags " + overflowed + " overflowed (samples discarded)", overflowed);
                }
                for (int i = 0; i < batch.size(); i++) {
                    samples.incrementAndGet();
                    lastReadingNanos = System.nanoTime();
                    gapTracker.accept(batch.get(i), mapper.map(batch.get(i).id(), values.get(i)));
                }
            }

            @Override
            public void onSubscriptionLost(String reason) {
                lost(gen, reason);
            }

            @Override
            public void onDataLost(String reason) {
                dataLost(reason, tags.stream().map(Tag::id).toList());
            }
        };
    }

    /** Several signals may report the same loss; only the first for the current subscription counts. */
    private void lost(long gen, String reason) {
        if (!generation.compareAndSet(gen, gen + 1) || stopping.getCount() == 0) return;
        log.warn("server {}: {}; connecting and subscribing again", serverId(), reason);
        gapTracker.connectionLost();
        worker.execute(() -> {
            deleteSubscription();
            connection.close();
            subscribe();
        });
    }

    /** The server or Milo dropped samples of {@code lostTags}: see {@link GapTracker#dataLost}. */
    void dataLost(String reason, List<String> lostTags) {
        gapTracker.dataLost(reason, lostTags);
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
        gapTracker.stop();
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
