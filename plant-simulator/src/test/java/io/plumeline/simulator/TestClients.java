package io.plumeline.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.SignedIdentityToken;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.AnonymousIdentityToken;
import org.eclipse.milo.opcua.stack.core.types.structured.SignatureData;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** Milo clients with their own application certificate, trusting only the server certificates they are given. */
final class TestClients {

    private TestClients() {
    }

    /** A client application: its key, its self-signed certificate and the URI that certificate names. */
    record Application(KeyPair keyPair, X509Certificate certificate, String uri) {

        static Application create(String name) throws Exception {
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            String uri = "urn:plumeline:test:" + name;
            X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName(name).setApplicationUri(uri).addIpAddress("127.0.0.1").build();
            return new Application(keyPair, certificate, uri);
        }
    }

    static IdentityProvider user(String username, String password) {
        return new UsernameProvider(username, password);
    }

    /**
     * An anonymous token sent even when the endpoint offers no anonymous policy, which Milo's own provider
     * refuses to do on the client side; this way the server's refusal is what is tested.
     */
    static IdentityProvider anonymousAnyway() {
        return (endpoint, serverNonce) -> new SignedIdentityToken(new AnonymousIdentityToken("anonymous"),
                new SignatureData(null, null));
    }

    /** Connects to the endpoint with this policy and mode, trusting exactly {@code trustedServers}. */
    static OpcUaClient connect(String url, SecurityPolicy policy, MessageSecurityMode mode, Application application,
                               List<X509Certificate> trustedServers, IdentityProvider user) throws UaException {
        MemoryTrustListManager trustList = new MemoryTrustListManager();
        trustedServers.forEach(trustList::addTrustedCertificate);
        OpcUaClient client = OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                        .findFirst(),
                transport -> {
                },
                config -> config
                        .setApplicationName(LocalizedText.english(application.uri()))
                        .setApplicationUri(application.uri())
                        .setKeyPair(application.keyPair())
                        .setCertificate(application.certificate())
                        .setCertificateChain(new X509Certificate[] {application.certificate()})
                        .setCertificateValidator(new DefaultClientCertificateValidator(trustList,
                                new MemoryCertificateQuarantine()))
                        .setIdentityProvider(user));
        try {
            return client.connect();
        } catch (UaException e) {
            disconnectQuietly(client);
            throw e;
        }
    }

    static X509Certificate certificate(Path derFile) throws Exception {
        try (var in = Files.newInputStream(derFile)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The OPC UA status of a failure, wherever Milo wrapped it. */
    static long status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UaException ua) {
                return ua.getStatusCode().getValue();
            }
        }
        throw new AssertionError("no OPC UA status in " + failure, failure);
    }

    static void disconnectQuietly(OpcUaClient client) {
        try {
            client.disconnect();
        } catch (Exception ignored) {
            // the session may never have been opened
        }
    }
}
