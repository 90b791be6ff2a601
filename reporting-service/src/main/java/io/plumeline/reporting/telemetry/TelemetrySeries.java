package io.plumeline.reporting.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /api/v1/telemetry}: a tag's points in [from, to), raw or one per step. */
public record TelemetrySeries(String site, String tag, String uom,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String step,
                              List<TelemetryPoint> points) {
}
