package io.plumeline.simulator.profile;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic noise in [-amplitude, amplitude): a hash of (seed, tag, tick) rather than a shared
 * {@code Random}, so a value does not depend on which other tags ticked before it or on thread timing.
 * A tick is named by its source time (nanoseconds since the start), which is what a reader of the value sees.
 */
public record Noise(long seed, String tagId, double amplitude) {

    public static Noise none(String tagId) {
        return new Noise(0, tagId, 0);
    }

    public double at(long elapsedNanos) {
        if (amplitude == 0) {
            return 0;
        }
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ fnv1a(tagId));
        h = mix(h ^ elapsedNanos);
        double unit = (h >>> 11) * 0x1.0p-53;
        return amplitude * (2 * unit - 1);
    }

    /** SplitMix64's finalizer: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long fnv1a(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
