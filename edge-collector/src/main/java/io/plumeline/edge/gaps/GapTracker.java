package io.plumeline.edge.gaps;

import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.edge.session.ServerConnection;
import io.plumeline.edge.subscription.ReadingMapper;
import io.plumeline.edge.subscription.ReadingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gaps in one server's readings and their read-back. Every interruption (lost session or subscription, a
 * full spool, samples the server dropped, a collector restart) is an {@link Outage}: once readings flow again it
 * is published as a gap record, and the missing interval of each tag is read back with HistoryRead where the
 * server keeps history, followed by a backfill record.
 *
 * <p>The server's live readings pass through {@link #accept} on their way to the sink: readings that repeat what
 * was read before the interruption (the initial values of re-created items) are dropped, so a rebuilt
 * subscription adds no duplicates, and a reading the sink refuses (a full spool) opens an outage. The
 * {@code io.plumeline.edge.ServerCollector} that owns it tells it of every loss ({@link #connectionLost},
 * {@link #dataLost}), of every new subscription ({@link #subscribed}) and of the node ids it resolved, and calls
 * {@link #closeWhenBack} every second on the server's own thread, which is where the read-back runs.
 */
public final class GapTracker {

    private static final Logger log = LoggerFactory.getLogger(GapTracker.class);

    /** How long a recovered outage waits for every tag's first new reading before it is closed anyway. */
    static final Duration MIN_SETTLE = Duration.ofSeconds(10);
    /** How often a cut-off read-back is carried into a new outage while no loss of the session is noticed. */
    static final int MAX_CARRIED_READ_BACKS = 5;

    public static final String LOST_CONNECTION = "connection-lost";
    public static final String COLLECTOR_RESTART = "collector-restart";
    public static final String SPOOL_FULL = "spool-full";
    public static final String DATA_LOST = "data-lost";

    /** Where gap records go (never refused). */
    public interface GapSink {
        void publish(String serverId, byte[] json);
    }

    private final ServerConnection connection;
    private final List<Tag> tags;
    private final String site;
    private final ReadingMapper mapper;
    private final ReadingSink sink;
    private final GapSink gapSink;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong backfilled = new AtomicLong();
    private final Map<String, Instant> lastTs = new ConcurrentHashMap<>();
    private final Map<String, Instant> unsaved = new ConcurrentHashMap<>();
    private final Duration settle;
    private volatile Outage outage;
    private volatile Map<String, NodeId> nodes = Map.of();

    /**
     * @param saved the newest reading time per tag that an earlier run saved; a gap starts there
     */
    public GapTracker(ServerConnection connection, List<Tag> tags, String site, ReadingMapper mapper, ReadingSink sink,
            GapSink gapSink, Map<String, Instant> saved) {
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
    }

    private String serverId() {
        return connection.serverId();
    }

    public long gaps() {
        return gaps.get();
    }

    public long backfilled() {
        return backfilled.get();
    }

    /** An interruption is open: its gap record is not published yet. */
    public boolean outageOpen() {
        return outage != null;
    }

    /** The newest reading time of the tags that changed since the last call (saved with the spool). */
    public Map<String, Instant> takeUnsavedState() {
        Map<String, Instant> out = new HashMap<>();
        for (String tag : List.copyOf(unsaved.keySet())) {
            Instant ts = unsaved.remove(tag);
            if (ts != null) out.put(tag, ts);
        }
        return out;
    }

    /** The server's node ids of the tags, as resolved on the newest (re)connect: what a read-back reads. */
    public void resolved(Map<String, NodeId> nodes) {
        this.nodes = nodes;
    }

    /** A subscription exists again: readings flow, and an open outage counts as recovered from now. */
    public void subscribed() {
        Outage current = outage;
        if (current != null) current.recovered();
    }

    /**
     * A live reading of {@code tag}: dropped when it is not newer than what was read before the open outage, else
     * given to the sink; a refusal opens a {@value #SPOOL_FULL} outage, or ends this tag's interval of the open
     * one at a later reading.
     */
    public void accept(Tag tag, Reading reading) {
        Outage current = outage;
        if (current != null && !current.isNew(tag.id(), reading.ts())) return;
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

    /** The session or the subscription was lost (noticed once per subscription): an outage from the newest readings. */
    public void connectionLost() {
        synchronized (this) {
            if (outage == null) {
                outage = new Outage(LOST_CONNECTION, Instant.now(), Map.copyOf(lastTs));
            } else {
                // Lost again before the open outage was closed (a flapping link): it is not over yet, and what came
                // in between is read back with the rest.
                outage.lostAgain();
            }
        }
    }

    /**
     * The server or Milo dropped samples of {@code lostTags} while the subscription went on (a gap in the publish
     * sequence, a monitored item's queue overflow), all newer than the readings taken so far: an outage from
     * those readings, already recovered, so that it is closed, reported and read back once every tag reads again.
     * An open outage takes them in: for these tags its interval now ends at a later reading.
     */
    public void dataLost(String reason, List<String> lostTags) {
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

    /**
     * Closes the open outage once it has recovered and every tag reads again (or its settle time passed), while a
     * session is open: publishes its gap record, reads it back and publishes the backfill record. Called every
     * second on the server's own thread, which the read-back holds meanwhile.
     */
    public void closeWhenBack() {
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

    /** The collector stops: no outage is closed any more, and a read-back under way stops waiting for room. */
    public void stop() {
        stopping.countDown();
    }

    private boolean awaitStop(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
