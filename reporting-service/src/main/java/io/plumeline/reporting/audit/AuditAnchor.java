package io.plumeline.reporting.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit chain's head at a time ({@code audit_anchor}): entry {@code headSeq} had hash {@code headHash} at
 * {@code at}. {@code mac} is the HMAC of {@code "anchor|seq|at|headSeq|headHash"} under the audit key. Published
 * outside the database (a regulator's mailbox, WORM storage), it pins every entry up to {@code headSeq}.
 */
public record AuditAnchor(long seq, Instant at, long headSeq, String headHash, String mac) {

    static byte[] signed(long seq, Instant at, long headSeq, String headHash) {
        return ("anchor|" + seq + "|" + at + "|" + headSeq + "|" + headHash).getBytes(StandardCharsets.UTF_8);
    }

    boolean keyed(AuditKey key) {
        return mac.equals(key.mac(signed(seq, at, headSeq, headHash)));
    }

    /** Oldest first. */
    static List<AuditAnchor> all(JdbcClient jdbc) {
        return jdbc.sql("SELECT seq, at, head_seq, head_hash, mac FROM audit_anchor ORDER BY seq")
                .query(AuditAnchor::row).list();
    }

    static AuditAnchor row(ResultSet rs, int row) throws SQLException {
        return new AuditAnchor(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getLong("head_seq"), rs.getString("head_hash"), rs.getString("mac"));
    }
}
