package io.plumeline.reporting.audit;

import io.plumeline.core.lineage.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained and keyed audit log of reports ({@code audit_entry}). Nothing here updates or
 * deletes an entry. {@link #verify()} recomputes every hash, link and HMAC, so an entry changed, removed or
 * inserted in the database afterwards is found, also when the hashes after it were recomputed (the HMAC key is
 * not in the database); it checks the stored anchors against the chain, and every report against its content hash
 * and its entries ({@link ReportCrossCheck}).
 */
@Service
public class AuditLog {

    /**
     * What {@code GET /audit/verify} answers: whether the chain and the reports hold, the chain's length, the first
     * entry that breaks it and why, the anchors and reports checked and those that do not match.
     */
    public record Verification(boolean valid, long entries, Long firstBroken, String reason, int anchors,
                               int reports, List<ReportCrossCheck.Mismatch> brokenReports) {
    }

    record Head(long seq, String hash) {
    }

    private final JdbcClient jdbc;
    private final AuditKey key;

    public AuditLog(JdbcClient jdbc, AuditKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /**
     * Appends an entry within the caller's transaction (a report change and its entry commit together). The head
     * row is locked until then, so concurrent appenders, in this process or another replica, take turns.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry append(String actor, AuditAction action, String reportId, String detail) {
        Head head = head(true);
        long seq = head.seq() + 1;
        // Millisecond precision survives every database's timestamp type, so the hash can be recomputed from the row.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] chained = AuditEntry.chained(head.hash(), seq, at, actor, action, reportId, detail);
        String hash = Sha256.hex(chained);
        String mac = key.mac(chained);
        jdbc.sql("INSERT INTO audit_entry (seq, at, actor, action, report_id, detail, previous_hash, hash, mac)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, at.atOffset(ZoneOffset.UTC), actor, action.name(), reportId, detail, head.hash(), hash, mac)
                .update();
        jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(seq, hash).update();
        return new AuditEntry(seq, at, actor, action, reportId, detail, head.hash(), hash, mac);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> entries() {
        return jdbc.sql("SELECT seq, at, actor, action, report_id, detail, previous_hash, hash, mac FROM audit_entry"
                + " ORDER BY seq").query(AuditLog::entry).list();
    }

    /**
     * Walks the chain from the start: each entry must be the next number, link to the hash before it, carry the
     * hash of its own fields and their HMAC; the last must be the head. The first entry that fails is named. Then
     * every anchor must carry its HMAC and name a head the chain has, and every report must match its entries.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        List<AuditEntry> entries = entries();
        String broken = null;
        Long firstBroken = null;
        String previous = AuditEntry.GENESIS;
        long expected = 1;
        for (AuditEntry entry : entries) {
            broken = entry.seq() != expected ? "entry " + expected + " is missing"
                    : !entry.previousHash().equals(previous) ? "its previousHash is not the hash of the entry before it"
                    : !entry.intact() ? "its hash is not the hash of its fields"
                    : entry.mac() == null ? "it has no HMAC (written before the audit key was configured)"
                    : !entry.keyed(key) ? "its HMAC is wrong: the entry was rewritten, or plumeline.audit.key-file is"
                            + " not the key it was written with"
                    : null;
            if (broken != null) {
                firstBroken = Math.min(entry.seq(), expected);
                break;
            }
            previous = entry.hash();
            expected++;
        }
        if (broken == null) {
            Head head = head(false);
            if (head.seq() != expected - 1 || !head.hash().equals(previous)) {
                // entries at the end are gone (or the head was changed): the chain breaks after the last one left
                broken = "the head (seq " + head.seq() + ") is not the last entry: entries at the end are gone";
                firstBroken = expected;
            }
        }
        List<AuditAnchor> anchors = AuditAnchor.all(jdbc);
        if (broken == null) {
            for (AuditAnchor anchor : anchors) {
                String hash = anchor.headSeq() == 0 ? AuditEntry.GENESIS : anchor.headSeq() <= entries.size()
                        ? entries.get((int) anchor.headSeq() - 1).hash() : null;
                if (!anchor.keyed(key) || !anchor.headHash().equals(hash)) {
                    broken = "anchor " + anchor.seq() + " (" + anchor.at() + ") does not match the chain at entry "
                            + anchor.headSeq();
                    firstBroken = anchor.headSeq();
                    break;
                }
            }
        }
        List<ReportCrossCheck.Mismatch> reports = new java.util.ArrayList<>();
        int checked = ReportCrossCheck.check(jdbc, entries, reports::add);
        return new Verification(broken == null && reports.isEmpty(), entries.size(), firstBroken,
                broken != null ? "entry " + firstBroken + ": " + broken
                        : reports.isEmpty() ? null : reports.size() + " report(s) do not match the audit log",
                anchors.size(), checked, reports);
    }

    Head head(boolean forUpdate) {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1" + (forUpdate ? " FOR UPDATE" : ""))
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("report_id"),
                rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"), rs.getString("mac"));
    }
}
