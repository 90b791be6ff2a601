package io.plumeline.reporting.audit;

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
 * The append-only, hash-chained audit log of reports ({@code audit_entry}). Nothing here updates or deletes an
 * entry; {@link #verify()} recomputes every hash and the links between them, so an entry changed, removed or
 * inserted in the database afterwards is found.
 */
@Service
public class AuditLog {

    /** What {@code GET /audit/verify} answers: whether the chain holds, its length, the first entry that breaks it. */
    public record Verification(boolean valid, long entries, Long firstBroken) {
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry within the caller's transaction (a report change and its entry commit together). The head
     * row is locked until then, so concurrent appenders, in this process or another replica, take turns.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry append(String actor, AuditAction action, String reportId, String detail) {
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
        long seq = head.seq() + 1;
        // Millisecond precision survives every database's timestamp type, so the hash can be recomputed from the row.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditEntry.hash(head.hash(), seq, at, actor, action, reportId, detail);
        jdbc.sql("INSERT INTO audit_entry (seq, at, actor, action, report_id, detail, previous_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, at.atOffset(ZoneOffset.UTC), actor, action.name(), reportId, detail, head.hash(), hash)
                .update();
        jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(seq, hash).update();
        return new AuditEntry(seq, at, actor, action, reportId, detail, head.hash(), hash);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> entries() {
        return jdbc.sql("SELECT seq, at, actor, action, report_id, detail, previous_hash, hash FROM audit_entry"
                + " ORDER BY seq").query(AuditLog::entry).list();
    }

    /**
     * Walks the chain from the start: each entry must be the next number, link to the hash before it and carry
     * the hash of its own fields; the last must be the head. The first entry that fails is named.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        List<AuditEntry> entries = entries();
        String previous = AuditEntry.GENESIS;
        long expected = 1;
        for (AuditEntry entry : entries) {
            if (entry.seq() != expected || !entry.previousHash().equals(previous) || !entry.intact()) {
                return new Verification(false, entries.size(), Math.min(entry.seq(), expected));
            }
            previous = entry.hash();
            expected++;
        }
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
        if (head.seq() != expected - 1 || !head.hash().equals(previous)) {
            // entries at the end are gone (or the head was changed): the chain breaks after the last one left
            return new Verification(false, entries.size(), expected);
        }
        return new Verification(true, entries.size(), null);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("report_id"),
                rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
