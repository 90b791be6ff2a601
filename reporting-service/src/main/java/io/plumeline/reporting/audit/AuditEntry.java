package io.plumeline.reporting.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the audit log. {@code hash} = SHA-256 over the UTF-8 bytes of {@code previousHash} followed by
 * the entry's canonical fields: the JSON array {@code [seq, at, actor, action, reportId, detail]} with {@code at}
 * as an ISO-8601 instant, written without spaces. The first entry's previous hash is 64 zeros.
 */
public record AuditEntry(long seq, Instant at, String actor, AuditAction action, String reportId, String detail,
                         String previousHash, String hash) {

    public static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The hash this entry must carry, from its fields and its predecessor's hash. */
    public static String hash(String previousHash, long seq, Instant at, String actor, AuditAction action,
                              String reportId, String detail) {
        String canonical = JSON.writeValueAsString(List.of(seq, at.toString(), actor, action.name(),
                reportId == null ? "" : reportId, detail));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean intact() {
        return hash.equals(hash(previousHash, seq, at, actor, action, reportId, detail));
    }
}
