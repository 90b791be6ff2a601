package io.plumeline.edge.session;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.plumeline.core.site.OpcServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC UA client session with one server of the site model, opened with the security policy, mode and
 * user identity the site model names. Once connected, Milo's session keep-alive notices a lost server and
 * reconnects by itself; {@code io.plumeline.edge.ServerCollector} only has to open the first session and
 * recreate subscriptions the server no longer has.
 */
public final class ServerConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);

    static final String APPLICATION_URI = "urn:plumeline:edge-collector";
    private static final long DISCOVERY_TIMEOUT_S = 10;

    private final OpcServer server;
    private final SecurityPolicy securityPolicy;
    private final MessageSecurityMode securityMode;
    private final UserTokenType tokenType;
    private final IdentityProvider identity;
    private volatile OpcUaClient client;
    private volatile boolean sessionActive;
    private volatile Runnable onSessionLost = () -> { };
    private volatile boolean everConnected;

    /** A refusal that retrying cannot cure; the message says what to do. */
    public static final class FatalConnectionException extends RuntimeException {
        FatalConnectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Pki pki;
    /** Checks the server's certificate, for the secure channel and for the encryption of the password alike. */
    private final CertificateValidator validator;

    /**
     * Checks the server's settings up front, so that a configuration mistake stops the start, not a retry loop.
     *
     * @param pki the collector's certificate and trust list; needed unless securityPolicy is None and the
     *     users anonymous
     */
    public ServerConnection(OpcServer server, Pki pki) {
        this.server = server;
        this.pki = pki;
        this.securityPolicy = SecurityPolicy.valueOf(server.securityPolicy());
        this.securityMode = MessageSecurityMode.valueOf(server.securityMode());
        OpcServer.Auth auth = server.auth();
        if (needsPki(server) && pki == null) {
            throw new IllegalStateException("server " + server.id() + ": a secured endpoint or username authentication"
                    + " needs the PKI folder");
        }
        this.validator = pki == null ? null : pki.validator(server.skipCertificateChecks());
        if (auth.isUsername()) {
            this.tokenType = UserTokenType.UserName;
            // Not Milo's (String, Supplier) constructor: that one encrypts the password to whatever certificate the
            // endpoint names, unchecked.
            this.identity = new UsernameProvider(auth.username(), passwordSource(server.id(), auth), validator);
        } else {
            this.tokenType = UserTokenType.Anonymous;
            this.identity = new AnonymousProvider();
        }
        warnAboutWeakSecurity();
    }

    /** The trust list is needed to check a server certificate: on a secure channel, or to encrypt a password to it. */
    public static boolean needsPki(OpcServer server) {
        return !server.insecure() || server.auth().isUsername();
    }

    private void warnAboutWeakSecurity() {
        if (server.insecure()) {
            log.warn("server {} ({}): securityPolicy None: its readings are neither signed nor encrypted and the server"
                    + " is not authenticated; use a secured securityPolicy on a plant network", server.id(), server.endpoint());
        }
        if (server.allowInsecureCredentials()) {
            log.warn("server {}: allowInsecureCredentials: the password of user '{}' is sent without a secure channel,"
                    + " encrypted to the server's certificate (checked against the trust list) if the server's token"
                    + " policy asks for it, in clear if not", server.id(), server.auth().username());
        }
        if (!server.skipCertificateChecks().isEmpty()) {
            log.warn("server {}: skipCertificateChecks {}: these checks of the server's certificate are not made",
                    server.id(), server.skipCertificateChecks());
        }
    }

    public String serverId() {
        return server.id();
    }

    public String endpoint() {
        return server.endpoint();
    }

    /** Opens a session; throws when the server cannot be reached or refuses the session. */
    public OpcUaClient connect() throws UaException {
        EndpointDescription endpoint;
        try {
            endpoint = selectEndpoint(discover());
        } catch (UaException e) {
            throw fatalOr(e);
        }
        var builder = OpcUaClientConfig.builder();
        if (pki != null) {
            builder.setKeyPair(pki.keyPair()).setCertificate(pki.certificate())
                    .setCertificateChain(new X509Certificate[] {pki.certificate()})
                    .setCertificateValidator(validator);
        }
        OpcUaClientConfig config = builder
                .setEndpoint(endpoint)
                .setApplicationName(LocalizedText.english("Plumeline edge collector"))
                .setApplicationUri(APPLICATION_URI)
                .setProductUri(APPLICATION_URI)
                .setIdentityProvider(identity)
                .setRequestTimeout(uint(10_000))
                .build();
        warnIfPasswordInClear(endpoint);
        OpcUaClient created = OpcUaClient.create(config);
        created.addSessionActivityListener(new SessionActivityListener() {
            @Override
            public void onSessionActive(UaSession session) {
                sessionActive = true;
            }

            @Override
            public void onSessionInactive(UaSession session) {
                sessionActive = false;
                onSessionLost.run();
            }
        });
        try {
            created.connect();
        } catch (UaException e) {
            disconnect(created);
            throw certificateRefused(endpoint, e).orElseGet(() -> fatalOr(e));
        }
        client = created;
        log.info("server {}: session open on {} ({} / {}, {})", server.id(), endpoint.getEndpointUrl(),
                securityPolicy, securityMode, tokenType);
        return created;
    }

    /**
     * Refusals that another try cannot cure stop the collector with a message that says what to change;
     * anything else (server away, network) is retried.
     */
    private UaException fatalOr(UaException e) {
        long status = e.getStatusCode().value();
        if (status == StatusCodes.Bad_UserAccessDenied || status == StatusCodes.Bad_IdentityTokenRejected
                || status == StatusCodes.Bad_IdentityTokenInvalid) {
            OpcServer.Auth auth = server.auth();
            String source = auth.passwordEnv() != null ? "environment variable " + auth.passwordEnv()
                    : auth.passwordFile() != null ? "file " + auth.passwordFile() : "the site model";
            throw new FatalConnectionException("server " + server.id() + " (" + server.endpoint() + ") refused the user"
                    + (auth.username() == null ? "" : " '" + auth.username() + "'") + " (" + StatusNames.of(e.getStatusCode())
                    + "): check the username and the password in " + source, e);
        }
        if (status == StatusCodes.Bad_ConfigurationError) {
            throw new FatalConnectionException(e.getMessage(), e);
        }
        return e;
    }

    /**
     * Milo sends the password as the first username token policy of the endpoint says: in clear when that policy is
     * None, which only a SignAndEncrypt channel then protects.
     */
    private void warnIfPasswordInClear(EndpointDescription endpoint) {
        if (tokenType != UserTokenType.UserName || securityMode == MessageSecurityMode.SignAndEncrypt) return;
        Optional<UserTokenPolicy> policy = Arrays.stream(endpoint.getUserIdentityTokens())
                .filter(t -> t.getTokenType() == UserTokenType.UserName).findFirst();
        String uri = policy.map(UserTokenPolicy::getSecurityPolicyUri).filter(u -> !u.isEmpty())
                .orElse(endpoint.getSecurityPolicyUri());
        if (SecurityPolicy.None.getUri().equals(uri)) {
            log.warn("server {}: its username token policy does not encrypt the password: the password of user '{}'"
                    + " goes to {} in clear", server.id(), server.auth().username(), server.endpoint());
        }
    }

    /**
     * The server's certificate failed a check (the secure channel's, or the one made before a password is
     * encrypted to it): say which certificate, which check, and what to do.
     */
    private Optional<UaException> certificateRefused(EndpointDescription endpoint, UaException e) {
        long status = e.getStatusCode().value();
        String remedy = remedy(status);
        if (validator == null || !needsPki(server) || remedy == null) return Optional.empty();
        X509Certificate certificate;
        try {
            certificate = CertificateUtil.decodeCertificate(endpoint.getServerCertificate().bytesOrEmpty());
        } catch (UaException notACertificate) {
            return Optional.empty();
        }
        String refused = "server " + server.id() + " (" + server.endpoint() + ") presented the certificate "
                + Pki.describe(certificate);
        if (remedy.isEmpty()) {
            String file = pki.rejectedFile(certificate).map(Path::toString)
                    .orElse(pki.dir().resolve("rejected") + "/<the server's certificate>");
            throw new FatalConnectionException(refused + ", which the collector does not trust ("
                    + StatusNames.of(e.getStatusCode()) + "). It was saved as " + file + ". If it is that server's"
                    + " certificate (compare its thumbprint with the server's own), trust it with: EdgeCollector trust"
                    + " --pki " + pki.dir() + " --server-cert " + file, e);
        }
        throw new FatalConnectionException(refused + ", which failed a certificate check ("
                + StatusNames.of(e.getStatusCode()) + "): " + remedy, e);
    }

    /** What to do about a refused certificate; "" for one the trust list lacks, null for a status that is no such refusal. */
    private String remedy(long status) {
        if (status == StatusCodes.Bad_SecurityChecksFailed || status == StatusCodes.Bad_CertificateUntrusted
                || status == StatusCodes.Bad_CertificateChainIncomplete) {
            return "";
        }
        if (status == StatusCodes.Bad_CertificateHostNameInvalid) {
            return "it does not name the host " + EndpointUtil.getHost(server.endpoint()) + " of its endpoint. Connect by a"
                    + " name it holds, have it reissued, or, if that is known and accepted, set skipCertificateChecks:"
                    + " [hostname] on this server";
        }
        if (status == StatusCodes.Bad_CertificateTimeInvalid || status == StatusCodes.Bad_CertificateIssuerTimeInvalid) {
            return "it (or its issuer) has expired or is not valid yet. Have it renewed, or set skipCertificateChecks:"
                    + " [validity] on this server";
        }
        if (status == StatusCodes.Bad_CertificateUseNotAllowed || status == StatusCodes.Bad_CertificateIssuerUseNotAllowed) {
            return "its key usage does not allow this use. Have it reissued, or set skipCertificateChecks: [keyUsage] on"
                    + " this server";
        }
        if (status == StatusCodes.Bad_CertificateUriInvalid) {
            return "its application URI is not the one the server reports. Have it reissued, or set"
                    + " skipCertificateChecks: [applicationUri] on this server";
        }
        if (status == StatusCodes.Bad_CertificateRevocationUnknown
                || status == StatusCodes.Bad_CertificateIssuerRevocationUnknown) {
            return "its revocation status is unknown. Put the issuer's revocation list into " + pki.dir()
                    + "/issuer/crl or trusted/crl, or set skipCertificateChecks: [revocation] on this server";
        }
        if (status == StatusCodes.Bad_CertificateRevoked || status == StatusCodes.Bad_CertificateIssuerRevoked) {
            return "it (or its issuer) is revoked. The server needs a new certificate";
        }
        return null;
    }

    public OpcUaClient client() {
        return client;
    }

    /** Called when an open session is lost; the collector then rebuilds session and subscription itself. */
    public void onSessionLost(Runnable action) {
        this.onSessionLost = action;
    }

    /** A session is open with the server now. */
    public boolean sessionActive() {
        return client != null && sessionActive;
    }

    @Override
    public void close() {
        OpcUaClient current = client;
        client = null;
        if (current != null) disconnect(current);
    }

    private List<EndpointDescription> discover() throws UaException {
        try {
            return DiscoveryClient.getEndpoints(server.endpoint()).get(DISCOVERY_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw UaException.extract(e).orElseGet(() -> new UaException(StatusCodes.Bad_CommunicationError, e.getCause()));
        } catch (TimeoutException e) {
            throw new UaException(StatusCodes.Bad_Timeout, "no answer to GetEndpoints within " + DISCOVERY_TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UaException(StatusCodes.Bad_Shutdown, "interrupted");
        }
    }

    private EndpointDescription selectEndpoint(List<EndpointDescription> endpoints) throws UaException {
        EndpointDescription chosen = endpoints.stream()
                .filter(e -> securityPolicy.getUri().equals(e.getSecurityPolicyUri()))
                .filter(e -> e.getSecurityMode() == securityMode)
                .filter(e -> e.getUserIdentityTokens() != null && Arrays.stream(e.getUserIdentityTokens())
                        .map(UserTokenPolicy::getTokenType).anyMatch(tokenType::equals))
                .findFirst()
                .orElseThrow(() -> new UaException(StatusCodes.Bad_ConfigurationError, "server " + server.id()
                        + " offers no endpoint with securityPolicy " + securityPolicy + ", securityMode " + securityMode
                        + " and " + tokenType + " tokens; it offers " + describe(endpoints)));
        // Servers often advertise a host name of their own (a container name, an internal address): keep
        // the host and port that the site model reaches them on.
        return EndpointUtil.updateUrl(chosen, EndpointUtil.getHost(server.endpoint()),
                EndpointUtil.getPort(server.endpoint()));
    }

    private static String describe(List<EndpointDescription> endpoints) {
        return endpoints.stream()
                .map(e -> SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(Enum::name).orElse(e.getSecurityPolicyUri())
                        + "/" + e.getSecurityMode() + " " + (e.getUserIdentityTokens() == null ? "[]"
                        : Arrays.stream(e.getUserIdentityTokens()).map(t -> t.getTokenType().toString())
                        .collect(Collectors.joining(",", "[", "]"))))
                .collect(Collectors.joining("; "));
    }

    /**
     * The password is read each time a session is activated, from the environment variable or file the
     * site model names, and never kept or logged.
     */
    private static Supplier<byte[]> passwordSource(String serverId, OpcServer.Auth auth) {
        if (auth.passwordEnv() != null) {
            String variable = auth.passwordEnv();
            if (System.getenv(variable) == null) {
                throw new IllegalArgumentException("server " + serverId + ": environment variable " + variable
                        + " (auth.passwordEnv) is not set");
            }
            return () -> System.getenv(variable).getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(auth.passwordFile());
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("server " + serverId + ": password file " + file
                    + " (auth.passwordFile) cannot be read");
        }
        return () -> {
            try {
                // Files usually end with a line break that is not part of the password.
                return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R\\z", "")
                        .getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("server " + serverId + ": cannot read password file " + file, e);
            }
        };
    }

    private void disconnect(OpcUaClient target) {
        try {
            target.disconnectAsync().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("server {}: disconnect did not complete cleanly: {}", server.id(), e.toString());
        }
    }
}
