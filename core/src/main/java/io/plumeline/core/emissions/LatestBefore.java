package io.plumeline.core.emissions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one rule by which a reading before an hour reaches into it: a sample holds its value until the next one
 * ({@link StepIntegral} ends the hold at the max hold), so of the readings before the hour only the latest counts.
 * "Latest" is by timestamp; of two at the same instant, the one that came later. The hourly accounting, the
 * production chain, the live rate and the recompute from the archive or a lineage record all take it from here.
 */
public final class LatestBefore {

    private LatestBefore() {
    }

    /** Whether a reading at {@code candidate} replaces the one kept at {@code kept} (null: none kept) as the latest. */
    public static boolean replaces(Instant candidate, Instant kept) {
        return kept == null || !candidate.isBefore(kept);
    }

    /** Keeps {@code item} as the latest of its key in {@code latest} if it is. */
    public static <T> void keep(Map<String, T> latest, String key, T item, Function<T, Instant> ts) {
        T kept = latest.get(key);
        if (replaces(ts.apply(item), kept == null ? null : ts.apply(kept))) latest.put(key, item);
    }

    /**
     * Per key, the samples an hour is computed from: the latest of {@code earlier} (readings before the hour, in any
     * order), then those of {@code inHour} as they are.
     */
    public static <T> Map<String, List<Sample>> hourSamples(Iterable<T> earlier, Iterable<T> inHour,
                                                            Function<T, String> key, Function<T, Instant> ts,
                                                            Function<T, Sample> sample) {
        Map<String, T> latest = new HashMap<>();
        for (T item : earlier) keep(latest, key.apply(item), item, ts);
        Map<String, List<Sample>> byKey = new HashMap<>();
        latest.forEach((k, item) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(sample.apply(item)));
        for (T item : inHour) byKey.computeIfAbsent(key.apply(item), x -> new ArrayList<>()).add(sample.apply(item));
        return byKey;
    }
}
