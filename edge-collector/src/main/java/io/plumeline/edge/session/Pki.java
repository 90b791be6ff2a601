package io.plumeline.edge.session;

import io.plumeline.core.site.OpcServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's PKI folder (the layout Milo's file-based trust list uses):
 * <pre>
 * own/collector.pfx     the collector's application key and certificate (PKCS#12), made on first start
 * own/collector.der     the same certificate alone, to give to the servers' administrators
 * trusted/certs/        server certificates the collector accepts (DER or PEM)
 * trusted/crl/, issuer/certs/, issuer/crl/   CA certificates and revocation lists, for servers with a CA
 * rejected/             server certificates refused so far; {@code EdgeCollector trust} moves one to trusted/certs/
 * </pre>
 * The key store password comes from {@value #PASSWORD_ENV} (default {@value #DEFAULT_PASSWORD}): on an edge
 * box the folder's permissions are what protect the key.
 */
public final class Pki {

    private static final Logger log = LoggerFactory.getLogger(Pki.class);

    static final String PASSWORD_ENV = "PLUMELINE_PKI_PASSWORD";
    static final String DEFAULT_PASSWORD = "plumeline-edge";
    private static final String ALIAS = "collector";

    private final Path dir;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;
    private final CertificateQuarantine rejected;

    private Pki(Path dir, KeyPair keyPair, X509Certificate certificate, FileBasedTrustListManager trustList,
            CertificateQuarantine rejected) {
        this.dir = dir;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustList = trustList;
        this.rejected = rejected;
    }

    public static Pki open(Path dir) {
        // Aes256_Sha256_RsaPss signs with RSA-PSS, which Milo takes from BouncyCastle (the JDK has no
        // "SHA256withRSA/PSS").
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        try {
            Files.createDirectories(dir.resolve("own"));
            Files.createDirectories(dir.resolve("rejected"));
            FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(dir);
            CertificateQuarantine rejected = FileBasedCertificateQuarantine.create(dir.resolve("rejected"));
            Path keyStoreFile = dir.resolve("own/collector.pfx");
            char[] password = password();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(keyStoreFile)) {
                try (InputStream in = Files.newInputStream(keyStoreFile)) {
                    keyStore.load(in, password);
                }
                PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, password);
                X509Certificate cert = (X509Certificate) keyStore.getCertificate(ALIAS);
                if (key == null || cert == null) {
                    throw new IllegalArgumentException("--pki " + dir + ": " + keyStoreFile + " holds no entry '" + ALIAS + "'");
                }
                return new Pki(dir, new KeyPair(cert.getPublicKey(), key), cert, trustList, rejected);
            }
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("Plumeline edge collector")
                    .setOrganization("Plumeline")
                    .setApplicationUri(ServerConnection.APPLICATION_URI)
                    .setValidityPeriod(Period.ofYears(5))
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1");
            String host = InetAddress.getLocalHost().getHostName();
            if (!"localhost".equals(host)) builder.addDnsName(host);
            X509Certificate cert = builder.build();
            keyStore.load(null, password);
            keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), password, new X509Certificate[] {cert});
            try (OutputStream out = Files.newOutputStream(keyStoreFile)) {
                keyStore.store(out, password);
            }
            Files.write(dir.resolve("own/collector.der"), cert.getEncoded());
            log.info("PKI {}: made the collector's application certificate (own/collector.der, SHA-1 {})", dir,
                    thumbprint(cert));
            return new Pki(dir, keyPair, cert, trustList, rejected);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("--pki " + dir + ": cannot open or create the PKI folder: " + e.getMessage(), e);
        }
    }

    private static char[] password() {
        String fromEnv = System.getenv(PASSWORD_ENV);
        return (fromEnv == null ? DEFAULT_PASSWORD : fromEnv).toCharArray();
    }

    Path dir() {
        return dir;
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /**
     * Checks a server certificate against the trust list, with every optional check Milo has except
     * {@code REVOCATION_LISTS} (which would refuse every CA without a revocation list) and except those the server
     * entry skips ({@link OpcServer#CERTIFICATE_CHECKS}). The secure channel and the encryption of a password
     * both use it.
     */
    CertificateValidator validator(List<String> skipped) {
        Set<ValidationCheck> checks = EnumSet.allOf(ValidationCheck.class);
        checks.remove(ValidationCheck.REVOCATION_LISTS);
        for (String name : skipped) checks.removeAll(checksNamed(name));
        return new DefaultClientCertificateValidator(trustList, checks, rejected);
    }

    private static Set<ValidationCheck> checksNamed(String name) {
        return switch (name) {
            case "hostname" -> EnumSet.of(ValidationCheck.HOSTNAME);
            case "validity" -> EnumSet.of(ValidationCheck.VALIDITY);
            case "keyUsage" -> EnumSet.of(ValidationCheck.KEY_USAGE_END_ENTITY, ValidationCheck.EXTENDED_KEY_USAGE_END_ENTITY);
            case "revocation" -> EnumSet.of(ValidationCheck.REVOCATION);
            case "applicationUri" -> EnumSet.of(ValidationCheck.APPLICATION_URI);
            default -> throw new IllegalArgumentException("unknown certificate check '" + name + "'; known: "
                    + OpcServer.CERTIFICATE_CHECKS);
        };
    }

    /** The file in rejected/ that holds {@code refused}, if the quarantine wrote one. */
    Optional<Path> rejectedFile(X509Certificate refused) {
        try (Stream<Path> files = Files.list(dir.resolve("rejected"))) {
            byte[] der = refused.getEncoded();
            return files.filter(f -> {
                try {
                    return java.util.Arrays.equals(CertificateUtil.decodeCertificate(Files.readAllBytes(f)).getEncoded(), der);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * Trusts a server certificate: copies it to trusted/certs/ and removes it from rejected/. Returns the
     * trusted file.
     */
    public static Path trust(Path dir, Path certificateFile) {
        try {
            List<X509Certificate> certs = CertificateUtil.decodeCertificates(Files.readAllBytes(certificateFile));
            if (certs.isEmpty()) throw new IllegalArgumentException("--server-cert " + certificateFile + ": holds no certificate");
            X509Certificate cert = certs.get(0);
            Path trusted = Files.createDirectories(dir.resolve("trusted/certs"))
                    .resolve(safeName(cert) + " [" + thumbprint(cert) + "].der");
            // Written beside and moved in: Milo's trust list watcher must never read a half-written file.
            Path partial = Files.createDirectories(dir.resolve("own")).resolve(".trusting.tmp");
            Files.write(partial, cert.getEncoded());
            Files.move(partial, trusted, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path rejected = dir.resolve("rejected");
            if (Files.isDirectory(rejected) && certificateFile.toAbsolutePath().normalize().startsWith(rejected.toAbsolutePath().normalize())) {
                Files.deleteIfExists(certificateFile);
            }
            return trusted;
        } catch (IOException e) {
            throw new IllegalArgumentException("--server-cert " + certificateFile + ": cannot be read: " + e.getMessage(), e);
        } catch (org.eclipse.milo.opcua.stack.core.UaException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("--server-cert " + certificateFile + ": not an X.509 certificate (DER or PEM)", e);
        }
    }

    static String describe(X509Certificate cert) {
        return "'" + cert.getSubjectX500Principal().getName() + "' (SHA-1 " + thumbprint(cert) + ")";
    }

    private static String safeName(X509Certificate cert) {
        String cn = cert.getSubjectX500Principal().getName().replaceAll(".*CN=([^,]+).*", "$1");
        return cn.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    static String thumbprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
