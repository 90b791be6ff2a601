package io.plumeline.edge;

import io.plumeline.core.retry.Backoff;
import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.edge.NodeResolver.Resolution;
import io.plumeline.edge.NodeResolver.ResolvedTag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * doubling to 5 s) and never give up; each server has its own thread, so one unreachable server does
 * not hold up the others.
 *
 * <p>Every interruption (lost session or subscription, a full spool, a collector restart) is an
 * {@link Outage}: once readings flow again it is published as a gap record, and the missing interval of each
 * tag is read back with HistoryRead where the server keeps history. Readings that repeat what was read before
 * the interruption (the initial values of re-created items) are dropped, so a rebuilt subscription adds no
 * duplicates.
 */
final class ServerCollector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerCollector.class);

    /** Up to 5 s: short, so that a server that comes back is reconnected within seconds. */
    static final Backoff RECONNECT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
    /** How long a recovered outage waits for every tag's first new reading before it is closed anyway. */
    static final Duration MIN_SETTLE = Duration.ofSeconds(10);
    /** A refusal retrying cannot cure quickly (certificate, user) is tried again this rarely. */
    static final long FATAL_RETRY_MS = 60_000;
    /** How often a cut-off read-back is carried into a new outage while no loss of the session is noticed. */
    static final int MAX_CARRIED_READ_BACKS = 5;

    static final String LOST_CONNECTION = "connection-lost";
    static final String COLLECTOR_RESTART = "collector-restart";
    static final String SPOOL_FULL = "spool-full";
    static final String DATA_LOST = "data-lost";

    /** Where readings go; false when it refused the reading (a full spool). */
    interface ReadingSink {
        boolean accept(Reading reading);

        /** Room for another reading now (so that waiting callers do not count as refused). */
        boolean hasRoom();
    }

    /** Where gap records go (never refused). */
    interface GapSink {
        void publish(String serverId, byte[] json);
    }

    private final ServerConnection connection;
    private final List<Tag> tags;
    private final String site;
    private final ReadingMapper mapper;
    private final ReadingSink sink;
    private final GapSink gapSink;
    private final java.util.function.Consumer<RuntimeException> fatal;
    private final ScheduledExecutorService worker;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong backfilled = new AtomicLong();
    private final Map<String, Instant> lastTs = new ConcurrentHashMap<>();
    private final Map<String, Instant> unsaved = new ConcurrentHashMap<>();
    private final Duration settle;
    private volatile Outage outage;
    private volatile Map<String, NodeId> nodes = Map.of();
    private volatile TagSubscription subscription;
    private volatile long lastReadingNanos;
    private volatile List<String> problems = List.of();
    private volatile String fatalProblem;

    /** @param saved the newest reading time per tag that an earlier run saved; a gap starts there */
    ServerCollector(ServerConnection connection, List<Tag> tags, String site, ReadingMapper mapper, ReadingSink sink,
            GapSink gapSink, Map<String, Instant> saved, java.util.function.Consumer<RuntimeException> fatal) {
        this.fatal = fatal;
        this.connection = connection;
        this.tags = List.copyOf(tags);
        this.site = site;
        this.mapper = mapper;
        this.sink = sink;
        this.gapSink = gapSink;
        int slowest = tags.stream().mapToInt(Tag::samplingMs).max().orElse(1000);
        this.settle = Duration.ofMillis(Math.max(MIN_SETTLE.toMillis(), 3L * slowest));
        Map<String, Instant> mine = new HashMap<>();
        for (Tag tag : tags) {
            Instant ts = saved.get(tag.id());
            if (ts != null) mine.put(tag.id(), ts);
        }
        if (!mine.isEmpty()) {
            lastTs.putAll(mine);
            outage = new Outage(COLLECTOR_RESTART, Instant.now(), mine);
        }
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-" + connection.serverId());
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        worker.execute(this::subscribe);
        worker.scheduleWithFixedDelay(this::closeOutageWhenBack, 1, 1, TimeUnit.SECONDS);
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
        return gaps.get();
    }

    long backfilled() {
        return backfilled.get();
    }

    /** An interruption is open: its gap record is not published yet. */
    boolean outageOpen() {
        return outage != null;
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
        Map<String, Instant> out = new HashMap<>();
        for (String tag : List.copyOf(unsaved.keySet())) {
            Instant ts = unsaved.remove(tag);
            if (ts != null) out.put(tag, ts);
        }
        return out;
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
                nodes = resolved;
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
                Outage current = outage;
                if (current != null) current.recovered();
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
                    accept(batch.get(i), mapper.map(batch.get(i).id(), values.get(i)));
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

    private void accept(Tag tag, Reading reading) {
        Outage current = outage;
        if (current != null && !current.isNew(tag.id(), reading.ts())) {
            repeats.incrementAndGet();
            return;
        }
        if (sink.accept(reading)) {
            lastTs.merge(tag.id(), reading.ts(), (a, b) -> a.isAfter(b) ? a : b);
            unsaved.put(tag.id(), lastTs.get(tag.id()));
            if (current != null) {
                if (SPOOL_FULL.equals(current.reason)) current.recovered();
                current.firstAfter(tag.id(), reading.ts());
            }
        } else {
            synchronized (this) {
                if (outage == null) {
                    outage = new Outage(SPOOL_FULL, Instant.now(), Map.copyOf(lastTs));
                } else {
                    // Refused after it had come back: its interval now ends at a later reading.
                    outage.upper.remove(tag.id());
                }
            }
        }
    }

    /** Several signals may report the same loss; only the first for the current subscription counts. */
    private void lost(long gen, String reason) {
        if (!generation.compareAndSet(gen, gen + 1) || stopping.getCount() == 0) return;
        log.warn("server {}: {}; connecting and subscribing again", serverId(), reason);
        synchronized (this) {
            if (outage == null) {
                outage = new Outage(LOST_CONNECTION, Instant.now(), Map.copyOf(lastTs));
            } else {
                // Lost again before the open outage was closed (a flapping link): it is not over yet, and what came
                // in between is read back with the rest.
                outage.lostAgain();
            }
        }
        worker.execute(() -> {
            deleteSubscription();
            connection.close();
            subscribe();
        });
    }

    /**
     * The server or Milo dropped samples of {@code lostTags} while the subscription went on (a gap in the publish
     * sequence, a monitored item's queue overflow), all newer than the readings taken so far: an outage from
     * those readings, already recovered, so that it is closed, reported and read back once every tag reads again.
     * An open outage takes them in: for these tags its interval now ends at a later reading.
     */
    void dataLost(String reason, List<String> lostTags) {
        log.warn("server {}: {}; recorded as a gap and read back", serverId(), reason);
        synchronized (this) {
            if (outage == null) {
                outage = new Outage(DATA_LOST, Instant.now(), Map.copyOf(lastTs));
                outage.recovered();
            } else {
                lostTags.forEach(outage.upper::remove);
            }
        }
    }

    private void closeOutageWhenBack() {
        Outage current = outage;
        // Only with a session: the backfill needs it, and the outage stays open until that ran.
        if (current == null || !current.isRecovered() || stopping.getCount() == 0 || connection.client() == null) return;
        long waited = current.nanosSinceRecovery();
        if (!current.everyTagBack() && waited < settle.toNanos()) return;
        if (current.upper.isEmpty() && waited < 6 * settle.toNanos()) return;
        synchronized (this) {
            if (outage != current) return;
            outage = null;
        }
        closeGap(current);
    }

    private void closeGap(Outage gap) {
        if (gap.readBackAfter.isEmpty()) return;
        Instant from = gap.readBackAfter.values().stream().min(Instant::compareTo).orElseThrow();
        Instant to = gap.upper.values().stream().max(Instant::compareTo).orElse(Instant.now());
        List<String> gapTags = gap.readBackAfter.keySet().stream().sorted().toList();
        String id = serverId() + "/" + from;
        GapRecord.toJson(site, serverId(), id, gap, from, to, gapTags, Instant.now())
                .forEach(json -> gapSink.publish(serverId(), json));
        gaps.incrementAndGet();
        log.warn("server {}: gap {} ({}) from {} to {} over {} tags; reading it back where the server keeps history",
                serverId(), id, gap.reason, from, to, gapTags.size());

        Map<String, NodeId> known = nodes;
        List<Backfill.Interval> intervals = new ArrayList<>();
        for (Tag tag : tags) {
            Instant after = gap.readBackAfter.get(tag.id());
            Instant before = gap.upper.getOrDefault(tag.id(), to);
            NodeId node = known.get(tag.id());
            if (after != null && node != null && before.isAfter(after)) {
                intervals.add(new Backfill.Interval(tag, node, after, before));
            }
        }
        OpcUaClient client = connection.client();
        if (client == null || intervals.isEmpty()) return;
        Backfill.Result result = Backfill.read(client, intervals, (tag, value) -> {
            Reading reading = mapper.map(tag.id(), value);
            // A read-back reading waits for room in the spool instead of being refused: it is the gap's filling.
            while (!sink.hasRoom() || !sink.accept(reading)) {
                if (awaitStop(100)) return;
            }
            backfilled.incrementAndGet();
        });
        List<String> failed = new ArrayList<>(result.failed());
        List<String> interrupted = result.interrupted().keySet().stream().sorted().toList();
        if (!interrupted.isEmpty() && !carryReadBack(gap, result.interrupted())) {
            interrupted.forEach(tag -> failed.add(tag + ": read-back cut off " + (gap.carriedReadBacks + 1) + " times"));
            interrupted = List.of();
        }
        gapSink.publish(serverId(), GapRecord.backfillJson(site, serverId(), id, result.readings(), result.unsupported(),
                failed, interrupted));
        log.info("server {}: gap {}: {} readings read back; {} tags without history, {} failed{}{}", serverId(), id,
                result.readings(), result.unsupported().size(), failed.size(),
                failed.isEmpty() ? "" : " (first: " + failed.get(0) + ")",
                interrupted.isEmpty() ? "" : "; cut off for " + interrupted.size() + " tags, read back with the next gap");
    }

    /**
     * The read-back of a closed outage was cut off (the link went during the HistoryRead, as on a flapping link):
     * what it did not reach is read back with the outage of that loss, or with a new one when the loss is not
     * noticed yet. False when that happened {@link #MAX_CARRIED_READ_BACKS} times in a row with no loss
     * noticed: a server whose HistoryRead fails while its session stays up is not asked forever.
     */
    private boolean carryReadBack(Outage cut, Map<String, Instant> unread) {
        synchronized (this) {
            if (outage != null) {
                outage.readBackFrom(unread);
                return true;
            }
            if (cut.carriedReadBacks >= MAX_CARRIED_READ_BACKS) return false;
            outage = Outage.carrying(cut, lastTs, unread);
            // With the session still up readings flow: the new outage closes as any other (a loss noticed later
            // reopens it); without one, subscribing again marks it recovered.
            if (connection.sessionActive()) outage.recovered();
            return true;
        }
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
