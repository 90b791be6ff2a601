package io.plumeline.core.contracts;

/**
 * The Kafka topics between the edge collector and the job (docs/contracts.md, "Kafka"): every module names a
 * topic through these, so that a rename is one edit and a typo a compile error.
 */
public final class Topics {

    /** docs/contracts.md §2: one JSON reading per message, key = tag id. */
    public static final String TELEMETRY = "plumeline.telemetry";
    /** Messages of {@link #TELEMETRY} that did not parse, with the reason; they never stop the job. */
    public static final String TELEMETRY_DLQ = "plumeline.telemetry.dlq";
    /**
     * The collector's gap records, from when to when a server or tag could not be read; created with the others,
     * as a record to a topic nobody created would hold up the collector's spool behind it.
     */
    public static final String GAPS = "plumeline.gaps";

    private Topics() {
    }
}
