package io.plumeline.reporting.reports;

import java.time.Instant;

/**
 * Which report a file is of: a stored revision ({@code id}, {@code revision}, generated at {@code createdAt} by
 * {@code createdBy}) or, for {@code GET /reports/emissions}, the data as it is now ({@code id} null, revision 0).
 * Files name it; status is left out, so a revision's files stay the same bytes from draft to submitted.
 */
public record ReportIdentity(String id, int revision, Instant createdAt, String createdBy) {

    public static ReportIdentity now(Instant at, String user) {
        return new ReportIdentity(null, 0, at, user);
    }

    public boolean stored() {
        return id != null;
    }

    /** dalian-refinery_2026-Q1_r2, or dalian-refinery_2026-Q1 for the data as it is now. */
    public String baseName(ReportContent content) {
        return content.site() + "_" + content.period() + (stored() ? "_r" + revision : "");
    }
}
