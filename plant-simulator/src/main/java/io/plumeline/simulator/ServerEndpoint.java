package io.plumeline.simulator;

import io.plumeline.core.site.OpcServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;

/**
 * Where and how a site model's server entry is served: host, port and path from its {@code endpoint}
 * URL, and one endpoint with exactly the security policy and mode the entry names. Clients discover it over
 * an unsecured channel, which Milo allows for the discovery services even when no endpoint is unsecured.
 */
record ServerEndpoint(OpcServer server, String host, int port, String path) {

    static final int DEFAULT_PORT = 4840;

    static ServerEndpoint of(OpcServer server) {
        URI uri;
        try {
            uri = new URI(server.endpoint());
        } catch (URISyntaxException e) {
            throw new SimulatorException("server '" + server.id() + "': endpoint '" + server.endpoint()
                    + "' is not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw new SimulatorException("server '" + server.id() + "': endpoint '" + server.endpoint() + "' has no host");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return new ServerEndpoint(server, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), path);
    }

    String url() {
        return "opc.tcp://" + host + ":" + port + (path.equals("/") ? "" : path);
    }

    SecurityPolicy securityPolicy() {
        try {
            return SecurityPolicy.valueOf(server.securityPolicy());
        } catch (IllegalArgumentException e) {
            throw new SimulatorException("server '" + server.id() + "': securityPolicy " + server.securityPolicy()
                    + " is not one the simulator serves (None, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss)");
        }
    }

    MessageSecurityMode securityMode() {
        try {
            return MessageSecurityMode.valueOf(server.securityMode());
        } catch (IllegalArgumentException e) {
            throw new SimulatorException("server '" + server.id() + "': securityMode " + server.securityMode()
                    + " is not one the simulator serves (None, Sign, SignAndEncrypt)");
        }
    }

    boolean secured() {
        return securityPolicy() != SecurityPolicy.None;
    }

    /** @param certificate the server's application certificate; null only when nothing needs one */
    Set<EndpointConfig> endpointConfigs(UserTokenPolicy tokenPolicy, X509Certificate certificate) {
        return Set.of(EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(bindAddress())
                .setBindPort(port)
                .setHostname(host)
                .setPath(path)
                .setSecurityPolicy(securityPolicy())
                .setSecurityMode(securityMode())
                .setCertificate(certificate)
                .addTokenPolicies(tokenPolicy)
                .build());
    }

    /** A literal address or localhost is bound as given; a host name may not resolve here, so all interfaces. */
    private String bindAddress() {
        boolean literal = host.matches("[0-9.]+") || host.contains(":") || host.equals("localhost");
        return literal ? host : "0.0.0.0";
    }
}
