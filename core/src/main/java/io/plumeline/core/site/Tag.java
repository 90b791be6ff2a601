package io.plumeline.core.site;

import io.plumeline.core.units.UnitOfMeasure;

/**
 * A measured value: where it is read from (server and OPC UA node, namespace by URI), what it measures
 * and the range outside which a reading is kept but flagged.
 */
public record Tag(String id, String unit, String server, String node, String uom, Integer samplingMs,
                  ValidRange valid) {

    public static final int DEFAULT_SAMPLING_MS = 1000;

    public Tag {
        samplingMs = samplingMs == null ? DEFAULT_SAMPLING_MS : samplingMs;
    }

    public UnitOfMeasure unitOfMeasure() {
        return UnitOfMeasure.of(uom);
    }

    public OpcNodeId nodeId() {
        return OpcNodeId.parse(node);
    }

    /** Readings outside [min, max] are kept and flagged out of range. */
    public record ValidRange(Double min, Double max) {
        public boolean contains(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }
    }
}
