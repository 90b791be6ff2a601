package io.plumeline.reporting.live;

import java.time.Instant;

/**
 * A limit exceedance the Flink job found (measurement {@code alerts}): at {@code ts} (the end of the minute), the
 * rolling average {@code value} of {@code tag} over the limit's averaging period was above {@code max};
 * {@code limit} names the limit as {@code <averaging>:<max>} (PT1H:100).
 */
public record Alert(Instant ts, String tag, String unit, String limit, Double value, Double max) {
}
