package io.plumeline.reporting.lineage;

/**
 * Where the raw readings of one input tag of a lineage record are: a {@code GET /api/v1/telemetry} URL over the
 * hour, starting the record's max hold before it so that the reading carried into the hour is in it too.
 */
public record ReadingsLink(String input, String tag, String href) {
}
