package io.plumeline.reporting.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code plumeline.audit.*}: {@code key-file}, the HMAC key of the audit log (32 bytes or more, used as they are;
 * a file that does not exist is created with 32 random bytes, readable by its owner only), kept outside the
 * database and its backups (a Kubernetes Secret); {@code anchor-every}, how often the chain's head is anchored.
 */
@ConfigurationProperties("plumeline.audit")
public record AuditProperties(Path keyFile, @DefaultValue("1h") Duration anchorEvery) {

    public AuditProperties {
        if (keyFile == null) {
            throw new IllegalArgumentException("plumeline.audit.key-file is required: the file of the audit log's HMAC"
                    + " key, kept outside the database (created with a random key when it does not exist; in Kubernetes"
                    + " a Secret, docs/operations.md)");
        }
        if (anchorEvery.isNegative() || anchorEvery.isZero()) {
            throw new IllegalArgumentException("plumeline.audit.anchor-every must be positive, not " + anchorEvery);
        }
    }
}
