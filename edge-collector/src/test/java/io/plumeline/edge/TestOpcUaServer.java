package io.plumeline.edge;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A real Milo OPC UA server on a free loopback port with one {@link PushNamespace}. By default SecurityPolicy None;
 * anonymous users and one username/password user (the password travels in clear, acceptable on loopback).
 * {@link #startSecured} serves Basic256Sha256 instead.
 */
final class TestOpcUaServer implements AutoCloseable {

    static final String USERNAME = "operator";
    static final String PASSWORD = "pl-test-secret";
    static final int MAX_MONITORED_ITEMS_PER_CALL = 3;
    static final String APPLICATION_URI = "urn:plumeline:edge-test-server";

    private static final UserTokenPolicy USERNAME_IN_CLEAR =
            new UserTokenPolicy("username", UserTokenType.UserName, null, null, SecurityPolicy.None.getUri());
    /** The password encrypted to the server's certificate, whatever the channel. */
    private static final UserTokenPolicy USERNAME_ENCRYPTED =
            new UserTokenPolicy("username-basic256sha256", UserTokenType.UserName, null, null,
                    SecurityPolicy.Basic256Sha256.getUri());

    private final OpcUaServer server;
    private final PushNamespace namespace;
    private final String endpointUrl;
    private final X509Certificate certificate;
    private final AtomicInteger passwordsReceived = new AtomicInteger();

    /** @param certificateHost null: SecurityPolicy None only; else secured, with a certificate naming only this host */
    private TestOpcUaServer(int port, String certificateHost) throws Exception {
        EndpointConfig.Builder endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1")
                .setHostname("127.0.0.1")
                .setBindPort(port)
                .setPath("/plumeline-test");
        Set<EndpointConfig> endpoints;
        CertificateManager certificates;
        if (certificateHost == null) {
            endpoints = Set.of(endpoint.setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, USERNAME_IN_CLEAR).build());
            certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine());
            certificate = null;
        } else {
            // Any client certificate is accepted: the tests are about what the collector accepts.
            DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(new MemoryTrustListManager(),
                    new MemoryCertificateStore(), new SelfSigned(certificateHost),
                    new CertificateValidator.InsecureCertificateValidator());
            certificate = group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType).orElseThrow()[0];
            certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine(), group);
            endpoints = Set.of(
                    endpoint.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                            .setSecurityMode(MessageSecurityMode.SignAndEncrypt).setCertificate(certificate)
                            .addTokenPolicies(USERNAME_ENCRYPTED).build(),
                    endpoint.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                            .setCertificate(certificate).addTokenPolicies(USERNAME_ENCRYPTED).build());
        }
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Plumeline edge collector test server"))
                .setProductUri(APPLICATION_URI)
                .setEndpoints(endpoints)
                .setCertificateManager(certificates)
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                        new UsernameIdentityValidator(c -> {
                            passwordsReceived.incrementAndGet();
                            return USERNAME.equals(c.getUsername()) && PASSWORD.equals(c.getPassword());
                        })))
                // A small limit, so that a handful of tags already needs several CreateMonitoredItems calls.
                .setLimits(new OpcUaServerConfigLimits() {
                    @Override
                    public UInteger getMaxMonitoredItemsPerCall() {
                        return uint(MAX_MONITORED_ITEMS_PER_CALL);
                    }
                })
                .build();
        this.server = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        this.namespace = new PushNamespace(server);
        this.endpointUrl = "opc.tcp://127.0.0.1:" + port + "/plumeline-test";
    }

    /** A self-signed application certificate that names one host only. */
    private static final class SelfSigned extends RsaSha256CertificateFactory {
        private final String host;

        SelfSigned(String host) {
            this.host = host;
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
            return new X509Certificate[] {new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("Plumeline edge test server").setApplicationUri(APPLICATION_URI)
                    .addDnsName(host).build()};
        }
    }

    static TestOpcUaServer start() throws Exception {
        return start(freePort());
    }

    static TestOpcUaServer start(int port) throws Exception {
        return started(new TestOpcUaServer(port, null));
    }

    /**
     * Basic256Sha256/SignAndEncrypt and None/None endpoints, both with a username token policy that encrypts the
     * password to the server's certificate, which names {@code certificateHost} only.
     */
    static TestOpcUaServer startSecured(String certificateHost) throws Exception {
        return started(new TestOpcUaServer(freePort(), certificateHost));
    }

    private static TestOpcUaServer started(TestOpcUaServer started) throws Exception {
        started.namespace.startup();
        started.server.startup().get(30, TimeUnit.SECONDS);
        return started;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String endpointUrl() {
        return endpointUrl;
    }

    PushNamespace namespace() {
        return namespace;
    }

    /** The application certificate of a secured server. */
    X509Certificate certificate() {
        return certificate;
    }

    /** Username tokens that reached the server (whatever their password). */
    int passwordsReceived() {
        return passwordsReceived.get();
    }

    @Override
    public void close() throws Exception {
        namespace.shutdown();
        server.shutdown().get(30, TimeUnit.SECONDS);
    }
}
