package io.plumeline.reporting.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every {@code plumeline.audit.anchor-every} (1 h by default), an anchor of the chain's head, when the chain grew
 * since the last one. The head row is locked as an append locks it, so replicas anchor in turn and never twice
 * the same head.
 */
@Service
public class AuditAnchors {

    /** Scheduling for {@link #anchorIfGrown()} only. */
    @Configuration
    @EnableScheduling
    static class Schedule {
    }

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final AuditKey key;

    public AuditAnchors(JdbcClient jdbc, AuditLog log, AuditKey key) {
        this.jdbc = jdbc;
        this.log = log;
        this.key = key;
    }

    @Scheduled(fixedDelayString = "${plumeline.audit.anchor-every}", initialDelayString = "${plumeline.audit.anchor-every}")
    void scheduled() {
        anchorIfGrown();
    }

    /** The new anchor, or empty when the head is the last anchor's (or the log is empty). */
    @Transactional
    public Optional<AuditAnchor> anchorIfGrown() {
        AuditLog.Head head = log.head(true);
        List<AuditAnchor> last = jdbc.sql("SELECT seq, head_seq FROM audit_anchor ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, row) -> new AuditAnchor(rs.getLong("seq"), null, rs.getLong("head_seq"), null, null)).list();
        long lastHead = last.isEmpty() ? 0 : last.get(0).headSeq();
        if (head.seq() <= lastHead) {
            return Optional.empty();
        }
        long seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String mac = key.mac(AuditAnchor.signed(seq, at, head.seq(), head.hash()));
        jdbc.sql("INSERT INTO audit_anchor (seq, at, head_seq, head_hash, mac) VALUES (?, ?, ?, ?, ?)")
                .params(seq, at.atOffset(ZoneOffset.UTC), head.seq(), head.hash(), mac).update();
        return Optional.of(new AuditAnchor(seq, at, head.seq(), head.hash(), mac));
    }

    /** Newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AuditAnchor> latest(int limit) {
        return jdbc.sql("SELECT seq, at, head_seq, head_hash, mac FROM audit_anchor ORDER BY seq DESC FETCH FIRST ? ROWS ONLY")
                .param(limit).query(AuditAnchor::row).list();
    }
}
