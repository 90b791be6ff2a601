package io.plumeline.edge.gaps;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One interruption of a server's readings, from the moment it was noticed until every tag reads again. Per
 * tag it knows the newest reading before ({@code lower}) and the first one after ({@code upper}); the
 * readings in between are what the gap record reports and what backfill reads back.
 */
final class Outage {

    final String reason;
    final Instant noticedAt;
    /** The newest reading per tag before the interruption: what a resubscribed item repeats is not newer. */
    final Map<String, Instant> lower;
    /**
     * Per tag, the reading after which readings are missing and are read back: {@code lower}, or earlier where
     * the read-back of an earlier outage was cut off before it reached that far.
     */
    final Map<String, Instant> readBackAfter;
    final Map<String, Instant> upper = new ConcurrentHashMap<>();
    /** Earlier outages whose read-back was cut off and carried into this one. */
    final int carriedReadBacks;
    private volatile long recoveredNanos;

    Outage(String reason, Instant noticedAt, Map<String, Instant> lower) {
        this(reason, noticedAt, lower, 0);
    }

    private Outage(String reason, Instant noticedAt, Map<String, Instant> lower, int carriedReadBacks) {
        this.reason = reason;
        this.noticedAt = noticedAt;
        this.lower = Map.copyOf(lower);
        this.readBackAfter = new ConcurrentHashMap<>(lower);
        this.carriedReadBacks = carriedReadBacks;
    }

    /**
     * A closed outage whose read-back was cut off (the link went during the HistoryRead): a new outage from
     * {@code lower}, the newest readings now, that reads back {@code unread} as well.
     */
    static Outage carrying(Outage cut, Map<String, Instant> lower, Map<String, Instant> unread) {
        Outage next = new Outage(cut.reason, cut.noticedAt, lower, cut.carriedReadBacks + 1);
        next.readBackFrom(unread);
        return next;
    }

    /** Also reads back what comes after these readings (the cut-off read-back of an earlier outage). */
    void readBackFrom(Map<String, Instant> unread) {
        unread.forEach((tag, after) -> readBackAfter.merge(tag, after, (a, b) -> a.isBefore(b) ? a : b));
    }

    /** Readings flow again (subscription rebuilt, spool taking readings). */
    void recovered() {
        if (recoveredNanos == 0) recoveredNanos = System.nanoTime();
    }

    /** Lost again before it was closed: not recovered any more, and every tag's first reading after is still to come. */
    void lostAgain() {
        recoveredNanos = 0;
        upper.clear();
    }

    boolean isRecovered() {
        return recoveredNanos != 0;
    }

    long nanosSinceRecovery() {
        return recoveredNanos == 0 ? 0 : System.nanoTime() - recoveredNanos;
    }

    /** False for a reading that is not newer than what was read before the outage (a repeat after resubscribing). */
    boolean isNew(String tag, Instant ts) {
        Instant before = lower.get(tag);
        return before == null || ts.isAfter(before);
    }

    void firstAfter(String tag, Instant ts) {
        if (readBackAfter.containsKey(tag)) upper.putIfAbsent(tag, ts);
    }

    boolean everyTagBack() {
        return upper.keySet().containsAll(readBackAfter.keySet());
    }
}
