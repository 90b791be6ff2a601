package io.plumeline.core.site;

import java.util.List;
import java.util.Set;

/**
 * An OPC UA endpoint the edge collector connects to.
 *
 * @param allowInsecureCredentials username authentication over securityPolicy None is accepted only with this
 *     set: the operator's word that the password may travel without a secure channel
 * @param skipCertificateChecks optional checks of the server's certificate the collector leaves out
 *     (one of {@link #CERTIFICATE_CHECKS}); every check is made unless named here
 */
public record OpcServer(String id, String endpoint, String securityPolicy, String securityMode, Auth auth,
        Boolean allowInsecureCredentials, List<String> skipCertificateChecks) {

    /** The optional checks of a server certificate that a server entry may leave out. */
    public static final Set<String> CERTIFICATE_CHECKS = Set.of("hostname", "validity", "keyUsage", "revocation",
            "applicationUri");

    public OpcServer {
        securityPolicy = securityPolicy == null ? "None" : securityPolicy;
        securityMode = securityMode == null ? "None" : securityMode;
        auth = auth == null ? new Auth("anonymous", null, null, null) : auth;
        allowInsecureCredentials = Boolean.TRUE.equals(allowInsecureCredentials);
        skipCertificateChecks = skipCertificateChecks == null ? List.of() : List.copyOf(skipCertificateChecks);
    }

    /** Neither signed nor encrypted: the readings and the server's identity are not protected. */
    public boolean insecure() {
        return "None".equals(securityPolicy);
    }

    /**
     * How the collector identifies itself: {@code anonymous}, or {@code username} with the password read
     * from an environment variable or a file, never from the site model itself.
     */
    public record Auth(String type, String username, String passwordEnv, String passwordFile) {

        public boolean isUsername() {
            return "username".equals(type);
        }
    }
}
