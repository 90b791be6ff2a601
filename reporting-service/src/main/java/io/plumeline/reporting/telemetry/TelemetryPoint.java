package io.plumeline.reporting.telemetry;

import java.time.Instant;

/**
 * One point of a tag's series: a reading, or with {@code step} the mean of the readings in the step that
 * starts at {@code ts}. A BAD point has no value: the gap is shown, not filled.
 */
public record TelemetryPoint(Instant ts, Double value, String quality) {
}
