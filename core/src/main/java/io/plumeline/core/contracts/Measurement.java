package io.plumeline.core.contracts;

/**
 * The InfluxDB measurements of database {@link #DATABASE} (docs/contracts.md, "InfluxDB"), each with the retention
 * policy it lives in: raw data expires after the telemetry retention, results are the accounting record and are
 * kept. The job writes them, the reporting service and the tools read them, all through this one list.
 */
public enum Measurement {

    TELEMETRY("telemetry", Retention.RAW),
    LATE_READINGS("late_readings", Retention.RAW),
    EMISSION_RATE("emission_rate", Retention.RAW),
    EMISSIONS("emissions", Retention.FOREVER),
    LINEAGE("lineage", Retention.FOREVER),
    ALERTS("alerts", Retention.FOREVER),
    PRODUCT_INTENSITY("product_intensity", Retention.FOREVER),
    MATERIAL_BALANCE("material_balance", Retention.FOREVER),
    CHAIN_UNALLOCATED("chain_unallocated", Retention.FOREVER),
    CHAIN_HOUR("chain_hour", Retention.FOREVER);

    /** The database every measurement is written to unless a deployment names another. */
    public static final String DATABASE = "plumeline";

    /**
     * The retention policies the job creates (docs/operations.md, "Retention"): {@code record} holds a second copy of
     * the telemetry of the tags a reportable source reads, for as long as the site's program keeps records
     * ({@code io.plumeline.core.site.RecordRetention}).
     */
    public enum Retention {
        RAW("raw"), RECORD("record"), FOREVER("forever");

        private final String policy;

        Retention(String policy) {
            this.policy = policy;
        }

        /** The policy's name in InfluxDB. */
        public String policy() {
            return policy;
        }
    }

    private final String id;
    private final Retention retention;

    Measurement(String id, Retention retention) {
        this.id = id;
        this.retention = retention;
    }

    /** The measurement's name in InfluxDB, as in line protocol and InfluxQL. */
    public String id() {
        return id;
    }

    public Retention retention() {
        return retention;
    }
}
