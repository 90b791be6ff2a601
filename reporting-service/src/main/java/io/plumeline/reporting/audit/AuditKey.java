package io.plumeline.reporting.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit log's HMAC-SHA256 key (review finding M8), read once from {@code plumeline.audit.key-file}. Whoever
 * holds the database credentials but not this file cannot produce the HMAC of a rewritten entry.
 */
@Component
public class AuditKey {

    static final int MIN_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);

    private final SecretKeySpec key;

    public AuditKey(AuditProperties properties) {
        this.key = new SecretKeySpec(read(properties.keyFile()), "HmacSHA256");
    }

    /** The HMAC of {@code bytes}, in hex. */
    public String mac(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalArgumentException("plumeline.audit.key-file " + file + " holds " + bytes.length
                        + " bytes; the audit key needs " + MIN_BYTES + " or more (openssl rand -base64 48 > " + file + ")");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plumeline.audit.key-file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(random);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        try {
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.write(file, random);
        LOG.warn("Created a new audit key in {}: keep it outside the database and its backups; without it the audit"
                + " log cannot be verified", file);
    }
}
