package io.plumeline.edge;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
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
 * A real Milo OPC UA server on a free loopback port with one {@link PushNamespace}. SecurityPolicy None;
 * anonymous users and one username/password user (the password travels in clear, acceptable on loopback).
 */
final class TestOpcUaServer implements AutoCloseable {

    static final String USERNAME = "operator";
    static final String PASSWORD = "pl-test-secret";
    static final int MAX_MONITORED_ITEMS_PER_CALL = 3;

    private static final UserTokenPolicy USERNAME_IN_CLEAR =
            new UserTokenPolicy("username", UserTokenType.UserName, null, null, SecurityPolicy.None.getUri());

    private final OpcUaServer server;
    private final PushNamespace namespace;
    private final String endpointUrl;

    private TestOpcUaServer(int port) {
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1")
                .setHostname("127.0.0.1")
                .setBindPort(port)
                .setPath("/plumeline-test")
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, USERNAME_IN_CLEAR)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:plumeline:edge-test-server")
                .setApplicationName(LocalizedText.english("Plumeline edge collector test server"))
                .setProductUri("urn:plumeline:edge-test-server")
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                        new UsernameIdentityValidator(c -> USERNAME.equals(c.getUsername()) && PASSWORD.equals(c.getPassword()))))
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

    static TestOpcUaServer start() throws Exception {
        return start(freePort());
    }

    static TestOpcUaServer start(int port) throws Exception {
        TestOpcUaServer started = new TestOpcUaServer(port);
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

    @Override
    public void close() throws Exception {
        namespace.shutdown();
        server.shutdown().get(30, TimeUnit.SECONDS);
    }
}
