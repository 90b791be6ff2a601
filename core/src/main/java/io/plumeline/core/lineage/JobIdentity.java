package io.plumeline.core.lineage;

import java.io.Serializable;

/** What a lineage record says about the job that computed it: the SHA-256 of its site model file and its version. */
public record JobIdentity(String siteModelSha256, String jobVersion) implements Serializable {

    /** {@code siteModelText}: the site model file as read (UTF-8), whose bytes are hashed. */
    public static JobIdentity of(String siteModelText, String jobVersion) {
        return new JobIdentity(Sha256.hex(siteModelText), jobVersion);
    }

}
