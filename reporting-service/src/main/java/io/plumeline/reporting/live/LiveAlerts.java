package io.plumeline.reporting.live;

import java.util.List;

/** {@code GET /api/v1/live/alerts}: alerts, newest first. */
public record LiveAlerts(String site, List<Alert> alerts) {
}
