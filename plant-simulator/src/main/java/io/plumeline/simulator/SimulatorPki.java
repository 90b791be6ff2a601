package io.plumeline.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.util.HostnameUtil;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's PKI folder:
 * <pre>
 * own/SERVER-ID.pfx     application key and certificate of each played server entry (PKCS#12), made on first start
 * own/SERVER-ID.der     the same certificate alone, for clients to trust
 * trusted/certs/        client certificates accepted (DER); files dropped here are picked up while running
 * trusted/crl/, issuer/certs/, issuer/crl/   CA certificates and revocation lists, when clients use a CA
 * rejected/             client certificates refused so far; move one to trusted/certs/ to accept that client
 * </pre>
 * A certificate whose application URI no longer matches its server entry (the site id or server id
 * changed) is replaced.
 */
final class SimulatorPki implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorPki.class);
    /**
     * The key store only shields the key from casual copying: the simulator is a test and demo tool, and
     * the folder's permissions are what protect it.
     */
    private static final char[] KEY_STORE_PASSWORD = "plumeline-simulator".toCharArray();

    private final Path dir;
    private final FileBasedTrustListManager trustList;
    private final CertificateQuarantine rejected;
    private final CertificateValidator clientValidator;

    private SimulatorPki(Path dir, FileBasedTrustListManager trustList, CertificateQuarantine rejected,
                         CertificateValidator clientValidator) {
        this.dir = dir;
        this.trustList = trustList;
        this.rejected = rejected;
        this.clientValidator = clientValidator;
    }

    /** @param trustAllClients accept any client certificate, for tests and demos */
    static SimulatorPki open(Path dir, boolean trustAllClients) {
        try {
            Files.createDirectories(dir.resolve("own"));
            FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(dir);
            CertificateQuarantine rejected = FileBasedCertificateQuarantine.create(dir.resolve("rejected"));
            CertificateValidator validator = trustAllClients
                    ? new CertificateValidator.InsecureCertificateValidator()
                    : new DefaultServerCertificateValidator(trustList, rejected);
            return new SimulatorPki(dir, trustList, rejected, validator);
        } catch (IOException e) {
            throw new SimulatorException("--pki " + dir + ": cannot create the PKI folder: " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    /** The certificate file of a server entry, for a client to put among its trusted certificates. */
    Path certificateFile(String serverId) {
        return dir.resolve("own").resolve(serverId + ".der");
    }

    /** The application certificate of a server entry, made and kept in own/ on first use. */
    Application application(String serverId, String applicationUri, String host) {
        Path keyStore = dir.resolve("own").resolve(serverId + ".pfx");
        try {
            KeyStoreCertificateStore store = KeyStoreCertificateStore.createAndInitialize(
                    new KeyStoreCertificateStore.Settings(keyStore, () -> KEY_STORE_PASSWORD, alias -> KEY_STORE_PASSWORD));
            dropIfForAnotherApplication(store, keyStore, applicationUri);
            DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trustList, store,
                    new SelfSigned(serverId, applicationUri, host), clientValidator);
            X509Certificate certificate = group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
                    .orElseThrow()[0];
            Files.write(certificateFile(serverId), certificate.getEncoded());
            return new Application(new DefaultCertificateManager(rejected, group), certificate);
        } catch (Exception e) {
            throw new SimulatorException("--pki " + dir + ": cannot load or create the certificate of server '" + serverId
                    + "' in " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** A server entry's certificate manager and the certificate its endpoints present. */
    record Application(CertificateManager certificateManager, X509Certificate certificate) {
    }

    private static void dropIfForAnotherApplication(CertificateStore store, Path keyStore, String applicationUri)
            throws Exception {
        CertificateStore.Entry entry = store.get(NodeIds.RsaSha256ApplicationCertificateType);
        if (entry == null) {
            return;
        }
        Optional<String> uri = CertificateUtil.getSanUri(entry.certificateChain[0]);
        if (!uri.equals(Optional.of(applicationUri))) {
            LOG.warn("{} is for application {}, not {}: making a new certificate", keyStore, uri.orElse("(none)"),
                    applicationUri);
            store.remove(NodeIds.RsaSha256ApplicationCertificateType);
        }
    }

    @Override
    public void close() {
        try {
            trustList.close();
        } catch (IOException e) {
            LOG.warn("Trust list {} did not close cleanly: {}", dir, e.toString());
        }
    }

    /** A self-signed RSA-SHA256 certificate naming the server entry, its application URI and host names. */
    private static final class SelfSigned extends RsaSha256CertificateFactory {

        private final String serverId;
        private final String applicationUri;
        private final String host;

        SelfSigned(String serverId, String applicationUri, String host) {
            this.serverId = serverId;
            this.applicationUri = applicationUri;
            this.host = host;
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
            SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("Plumeline plant simulator " + serverId)
                    .setOrganization("Plumeline")
                    .setApplicationUri(applicationUri);
            Set<String> names = new LinkedHashSet<>();
            names.add(host);
            names.add("localhost");
            names.add("127.0.0.1");
            names.add(HostnameUtil.getHostname());
            for (String name : names) {
                if (name.matches("[0-9.]+") || name.contains(":")) {
                    builder.addIpAddress(name);
                } else {
                    builder.addDnsName(name);
                }
            }
            X509Certificate certificate = builder.build();
            LOG.info("Made the application certificate of server '{}' ({})", serverId, applicationUri);
            return new X509Certificate[] {certificate};
        }
    }
}
