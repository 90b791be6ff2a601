package io.plumeline.reporting.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code report} table (Flyway migration V1), through Spring's JdbcClient; plain SQL for H2 and PostgreSQL. */
@Repository
public class ReportRepository {

    private static final String SUMMARY = "id, site, period, revision, status, created_at, created_by, approved_at,"
            + " approved_by, submitted_at, submitted_by, co2e_kg, previous_revision_id";

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ReportSummary r, String content, String contentSha256) {
        jdbc.sql("INSERT INTO report (" + SUMMARY + ", content, content_sha256)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.site(), r.period(), r.revision(), r.status(), time(r.createdAt()), r.createdBy(),
                        time(r.approvedAt()), r.approvedBy(), time(r.submittedAt()), r.submittedBy(), r.co2eKg(),
                        r.previousRevisionId(), content, contentSha256)
                .update();
    }

    /** Only a draft is ever deleted: replaced by a newer draft of the same revision. */
    void deleteDraft(String id) {
        jdbc.sql("DELETE FROM report WHERE id = ? AND status = 'draft'").param(id).update();
    }

    /** Moves a report from {@code from} to {@code to}; false when it was no longer in {@code from} (a race lost). */
    boolean transition(String id, ReportStatus from, ReportStatus to, Instant at, String by) {
        String column = to == ReportStatus.APPROVED ? "approved" : "submitted";
        return jdbc.sql("UPDATE report SET status = ?, " + column + "_at = ?, " + column + "_by = ?"
                        + " WHERE id = ? AND status = ?")
                .params(to.id(), time(at), by, id, from.id()).update() == 1;
    }

    Optional<ReportSummary> find(String id) {
        return jdbc.sql("SELECT " + SUMMARY + " FROM report WHERE id = ?").param(id).query(ReportRepository::summary)
                .optional();
    }

    Optional<String> content(String id) {
        return jdbc.sql("SELECT content FROM report WHERE id = ?").param(id).query(String.class).optional();
    }

    Optional<ReportSummary> latest(String site, String period) {
        return jdbc.sql("SELECT " + SUMMARY + " FROM report WHERE site = ? AND period = ? ORDER BY revision DESC")
                .params(site, period).query(ReportRepository::summary).list().stream().findFirst();
    }

    /** Newest first; a null filter matches everything. */
    List<ReportSummary> list(String site, String period, ReportStatus status) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (site != null) {
            conditions.add("site = ?");
            values.add(site);
        }
        if (period != null) {
            conditions.add("period = ?");
            values.add(period);
        }
        if (status != null) {
            conditions.add("status = ?");
            values.add(status.id());
        }
        return jdbc.sql("SELECT " + SUMMARY + " FROM report"
                        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                        + " ORDER BY created_at DESC, revision DESC, id")
                .params(values).query(ReportRepository::summary).list();
    }

    private static ReportSummary summary(ResultSet rs, int row) throws SQLException {
        return new ReportSummary(rs.getString("id"), rs.getString("site"), rs.getString("period"), rs.getInt("revision"),
                rs.getString("status"), instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "approved_at"),
                rs.getString("approved_by"), instant(rs, "submitted_at"), rs.getString("submitted_by"),
                rs.getDouble("co2e_kg"), rs.getString("previous_revision_id"));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
