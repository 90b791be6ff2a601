package io.plumeline.reporting.live;

import java.time.Instant;

/**
 * A tag's latest reading: its time, value (null when BAD: no value was read) and quality; all three null when
 * the tag has no reading in the {@code raw} policy (never read, or not within its retention).
 */
public record TagNow(String tag, String unit, String uom, Instant ts, Double value, String quality) {
}
