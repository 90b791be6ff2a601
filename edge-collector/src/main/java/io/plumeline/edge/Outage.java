package io.plumeline.edge;

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
    final Map<String, Instant> lower;
    final Map<String, Instant> upper = new ConcurrentHashMap<>();
    private volatile long recoveredNanos;

    Outage(String reason, Instant noticedAt, Map<String, Instant> lower) {
        this.reason = reason;
        this.noticedAt = noticedAt;
        this.lower = Map.copyOf(lower);
    }

    /** Readings flow again (subscription rebuilt, spool taking readings). */
    void recovered() {
        if (recoveredNanos == 0) recoveredNanos = System.nanoTime();
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
        if (lower.containsKey(tag)) upper.putIfAbsent(tag, ts);
    }

    boolean everyTagBack() {
        return upper.keySet().containsAll(lower.keySet());
    }
}
