package io.plumeline.core.site;

/** An OPC UA endpoint the edge collector connects to. */
public record OpcServer(String id, String endpoint, String securityPolicy, String securityMode, Auth auth) {

    public OpcServer {
        securityPolicy = securityPolicy == null ? "None" : securityPolicy;
        securityMode = securityMode == null ? "None" : securityMode;
        auth = auth == null ? new Auth("anonymous", null, null, null) : auth;
    }

    /**
     * How the collector identifies itself: {@code anonymous}, or {@code username} with the password read
     * from an environment variable or a file, never from the site model itself.
     */
    public record Auth(String type, String username, String passwordEnv, String passwordFile) {
    }
}
