package io.plumeline.flink.influx;

import io.plumeline.core.contracts.Measurement;
import java.io.Serializable;

/**
 * A line-protocol point and the retention policy it is written to: raw data ({@link #RAW}) expires after
 * the telemetry retention, results ({@link #FOREVER}) are the accounting record and are kept.
 */
public record InfluxPoint(String retentionPolicy, String line) implements Serializable {

    public static final String RAW = Measurement.Retention.RAW.policy();
    public static final String FOREVER = Measurement.Retention.FOREVER.policy();

    public static InfluxPoint raw(String line) {
        return new InfluxPoint(RAW, line);
    }

    public static InfluxPoint forever(String line) {
        return new InfluxPoint(FOREVER, line);
    }
}
