package io.plumeline.reporting.reports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** A stored revision as the list shows it; {@code content} is fetched apart, with the report itself. */
public record ReportSummary(String id, String site, String period, int revision, String status, Instant createdAt,
                            String createdBy, Instant approvedAt, String approvedBy, Instant submittedAt,
                            String submittedBy, double co2eKg, String previousRevisionId) {

    @JsonIgnore
    public ReportStatus state() {
        return ReportStatus.of(status);
    }

    @JsonIgnore
    public ReportIdentity identity() {
        return new ReportIdentity(id, revision, createdAt, createdBy);
    }
}
