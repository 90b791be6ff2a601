package io.plumeline.core.lineage;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What a lineage record says about the job that computed it: the SHA-256 of its site model file and its version. */
public record JobIdentity(String siteModelSha256, String jobVersion) implements Serializable {

    /** {@code siteModelText}: the site model file as read (UTF-8), whose bytes are hashed. */
    public static JobIdentity of(String siteModelText, String jobVersion) {
        return new JobIdentity(sha256(siteModelText), jobVersion);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
