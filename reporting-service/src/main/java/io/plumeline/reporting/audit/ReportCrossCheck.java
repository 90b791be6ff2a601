package io.plumeline.reporting.audit;

import io.plumeline.core.lineage.Sha256;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review finding M8, the reports against the audit log: each report's content must still have its
 * {@code content_sha256}, that hash must be the one its GENERATED entry recorded (the entry is keyed, so content
 * and hash rewritten together are found), its status must be what its entries say (a draft has no APPROVED entry,
 * an approved report has one and no SUBMITTED entry, a submitted one both), and its approver and submitter must be
 * the actors of those entries. Every report the log generated must still be there, unless a later GENERATED entry
 * replaced it as a draft (the only deletion the service makes). The reports are read one row at a time.
 */
public final class ReportCrossCheck {

    /** A report that does not match, and how. */
    public record Mismatch(String reportId, String reason) {
    }

    private static final Pattern CONTENT_SHA256 = Pattern.compile("content sha256 ([0-9a-f]{64})");
    private static final Pattern REPLACES_DRAFT = Pattern.compile("replaces draft ([0-9a-f-]{36})");

    private ReportCrossCheck() {
    }

    /** Reports every mismatch to {@code mismatches}; returns how many reports were checked. */
    static int check(JdbcClient jdbc, List<AuditEntry> entries, Consumer<Mismatch> mismatches) {
        Map<String, String> generatedSha = new HashMap<>();
        Map<String, String> approvedBy = new HashMap<>();
        Map<String, String> submittedBy = new HashMap<>();
        Set<String> expected = new LinkedHashSet<>();
        for (AuditEntry entry : entries) {
            if (entry.reportId() == null) {
                continue;
            }
            switch (entry.action()) {
                case GENERATED -> {
                    Matcher sha = CONTENT_SHA256.matcher(entry.detail());
                    if (sha.find()) {
                        generatedSha.put(entry.reportId(), sha.group(1));
                    }
                    expected.add(entry.reportId());
                    Matcher replaced = REPLACES_DRAFT.matcher(entry.detail());
                    if (replaced.find()) {
                        expected.remove(replaced.group(1));
                    }
                }
                case APPROVED -> approvedBy.put(entry.reportId(), entry.actor());
                case SUBMITTED -> submittedBy.put(entry.reportId(), entry.actor());
                default -> {
                }
            }
        }
        Set<String> present = new HashSet<>();
        jdbc.sql("SELECT id, status, approved_by, submitted_by, content, content_sha256 FROM report ORDER BY id")
                .query(rs -> {
                    String id = rs.getString("id");
                    present.add(id);
                    String reason = mismatch(rs.getString("status"), rs.getString("content"),
                            rs.getString("content_sha256"), generatedSha.get(id), rs.getString("approved_by"),
                            approvedBy.get(id), rs.getString("submitted_by"), submittedBy.get(id));
                    if (reason != null) {
                        mismatches.accept(new Mismatch(id, reason));
                    }
                });
        for (String id : expected) {
            if (!present.contains(id)) {
                mismatches.accept(new Mismatch(id, "its GENERATED entry is in the log but the report is gone"));
            }
        }
        return present.size();
    }

    /** Why one report row does not match its entries, or null when it does. */
    private static String mismatch(String status, String content, String stored, String generated, String approver,
                                   String approvedEntry, String submitter, String submittedEntry) {
        if (!Sha256.hex(content).equals(stored)) {
            return "its content does not have its content_sha256";
        }
        if (!stored.equals(generated)) {
            return "its content_sha256 is not the one its GENERATED entry recorded";
        }
        boolean approved = !"draft".equals(status);
        boolean submitted = "submitted".equals(status);
        if (approved != (approvedEntry != null) || submitted != (submittedEntry != null)) {
            return "it is " + status + " but its entries say " + (submittedEntry != null ? "submitted"
                    : approvedEntry != null ? "approved" : "draft");
        }
        if (approved && !Objects.equals(approver, approvedEntry)) {
            return "approved_by is not the actor of its APPROVED entry";
        }
        if (submitted && !Objects.equals(submitter, submittedEntry)) {
            return "submitted_by is not the actor of its SUBMITTED entry";
        }
        return null;
    }
}
