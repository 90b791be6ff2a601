package io.plumeline.reporting.lineage;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/lineage/{id}}: the point the id belongs to, its source-hour's record and the readings' links. */
public record LineageView(String lineageId, String site, String source, String gas, Instant hourStart, JsonNode record,
                          List<ReadingsLink> readings) {
}
