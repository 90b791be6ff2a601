package io.plumeline.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in whole milliseconds from 0 to 2 minutes (beyond: counted in the last bucket, negatives in the first). */
final class Histogram {

    private static final int MAX_MS = 120_000;
    private final AtomicLongArray counts = new AtomicLongArray(MAX_MS + 1);

    void add(long ms) {
        counts.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, ms)));
    }

    long count() {
        long n = 0;
        for (int i = 0; i <= MAX_MS; i++) n += counts.get(i);
        return n;
    }

    /** The smallest latency at or below which {@code p} (0..1) of the samples lie; NaN without samples. */
    double percentile(double p) {
        long n = count();
        if (n == 0) return Double.NaN;
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i <= MAX_MS; i++) {
            seen += counts.get(i);
            if (seen >= rank) return i;
        }
        return MAX_MS;
    }
}
