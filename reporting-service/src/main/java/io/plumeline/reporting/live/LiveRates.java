package io.plumeline.reporting.live;

import java.util.List;

/** {@code GET /api/v1/live/rates}: the latest rate of each source and gas, in site-model order of the sources. */
public record LiveRates(String site, List<RateNow> rates) {
}
