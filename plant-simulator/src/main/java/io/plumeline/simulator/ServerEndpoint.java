package io.plumeline.simulator;

import io.plumeline.core.site.OpcServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;

/**
 * Where and how a site model's server entry is served: host, port and path from its {@code endpoint}
 * URL, one endpoint per security setting the simulator offers for it.
 */
record ServerEndpoint(OpcServer server, String host, int port, String path) {

    static final int DEFAULT_PORT = 4840;

    /** A security policy and mode served together, with the user token policies accepted on it. */
    record Security(SecurityPolicy policy, MessageSecurityMode mode, List<UserTokenPolicy> tokenPolicies) {
    }

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

    /**
     * The security settings served for the entry. Only SecurityPolicy None with anonymous users exists
     * so far; an entry asking for more is refused rather than served with less security than it names.
     */
    List<Security> securities() {
        if (!"None".equals(server.securityPolicy()) || !"None".equals(server.securityMode())) {
            throw new SimulatorException("server '" + server.id() + "': securityPolicy " + server.securityPolicy()
                    + " / securityMode " + server.securityMode()
                    + " is not served by the simulator yet; it serves None / None");
        }
        if (!"anonymous".equals(server.auth().type())) {
            throw new SimulatorException("server '" + server.id() + "': auth type '" + server.auth().type()
                    + "' is not served by the simulator yet; it serves anonymous");
        }
        return List.of(new Security(SecurityPolicy.None, MessageSecurityMode.None,
                List.of(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)));
    }

    Set<EndpointConfig> endpointConfigs() {
        Set<EndpointConfig> configs = new LinkedHashSet<>();
        for (Security security : securities()) {
            configs.add(EndpointConfig.newBuilder()
                    .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .setBindAddress(bindAddress())
                    .setBindPort(port)
                    .setHostname(host)
                    .setPath(path)
                    .setSecurityPolicy(security.policy())
                    .setSecurityMode(security.mode())
                    .addTokenPolicies(security.tokenPolicies().toArray(UserTokenPolicy[]::new))
                    .build());
        }
        return configs;
    }

    /** A literal address or localhost is bound as given; a host name may not resolve here, so all interfaces. */
    private String bindAddress() {
        boolean literal = host.matches("[0-9.]+") || host.contains(":") || host.equals("localhost");
        return literal ? host : "0.0.0.0";
    }
}
