package io.plumeline.flink.telemetry;

import java.io.Serializable;
import java.time.Instant;

/**
 * A reading that came after its hour's allowed lateness: not in any result, stored in {@code late_readings}
 * with how far behind the watermark it was. {@code value} is null unless the reading was GOOD.
 */
public record LateReading(String site, String tag, Instant ts, Double value, String quality, double delayS)
        implements Serializable {
}
