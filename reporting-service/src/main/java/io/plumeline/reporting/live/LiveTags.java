package io.plumeline.reporting.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /api/v1/live/tags}: the latest reading of every tag of the site, or of one unit, in site-model order. */
public record LiveTags(String site, @JsonInclude(JsonInclude.Include.NON_NULL) String unit, List<TagNow> tags) {
}
