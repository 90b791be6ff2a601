package io.plumeline.reporting.audit;

import io.plumeline.core.lineage.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the audit log. {@code hash} = SHA-256 over the UTF-8 bytes of {@code previousHash} followed by
 * the entry's canonical fields: the JSON array {@code [seq, at, actor, action, reportId, detail]} with {@code at}
 * as an ISO-8601 instant, written without spaces. The first entry's previous hash is 64 zeros. {@code mac} is the
 * HMAC-SHA256 of the same bytes under the audit key ({@link AuditKey}); null in entries written before it.
 */
public record AuditEntry(long seq, Instant at, String actor, AuditAction action, String reportId, String detail,
                         String previousHash, String hash, String mac) {

    public static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the hash and the HMAC are taken over: the predecessor's hash, then the canonical fields. */
    static byte[] chained(String previousHash, long seq, Instant at, String actor, AuditAction action,
                          String reportId, String detail) {
        String canonical = JSON.writeValueAsString(List.of(seq, at.toString(), actor, action.name(),
                reportId == null ? "" : reportId, detail));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(previousHash.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(canonical.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** The hash this entry must carry, from its fields and its predecessor's hash. */
    public static String hash(String previousHash, long seq, Instant at, String actor, AuditAction action,
                              String reportId, String detail) {
        return Sha256.hex(chained(previousHash, seq, at, actor, action, reportId, detail));
    }

    public boolean intact() {
        return hash.equals(hash(previousHash, seq, at, actor, action, reportId, detail));
    }

    /** Whether the HMAC is the one only the holder of {@code key} could have made for these fields. */
    boolean keyed(AuditKey key) {
        return mac != null && mac.equals(key.mac(chained(previousHash, seq, at, actor, action, reportId, detail)));
    }
}
