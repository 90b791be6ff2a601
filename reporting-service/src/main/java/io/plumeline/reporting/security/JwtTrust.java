package io.plumeline.reporting.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.web.client.RestTemplate;

/**
 * Review finding M7, checked when the service starts in jwt mode: a token is trusted only from one issuer and for
 * this API, so {@code issuer-uri} and {@code audiences} are required (Spring then checks {@code iss} and
 * {@code aud} of every token), and the keys are fetched over HTTPS only, so that nobody on the network can
 * substitute their own (plain HTTP only to this machine's loopback, where no network is crossed: a sidecar). The
 * properties are Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}. With an issuer only, the keys'
 * URL comes from the issuer's discovery document, which no property names: {@link #httpsOnlyClient()} holds every
 * fetch of the token decoder to the same rule.
 */
final class JwtTrust {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    private JwtTrust() {
    }

    static void check(String issuerUri, String jwkSetUri, List<String> audiences) {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("plumeline.security.mode is jwt but " + PREFIX + "issuer-uri is not set:"
                    + " give the identity provider's issuer (the iss of its tokens), so that tokens of another issuer"
                    + " are refused");
        }
        https(PREFIX + "issuer-uri", issuerUri);
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            https(PREFIX + "jwk-set-uri", jwkSetUri);
        }
        if (audiences == null || audiences.stream().allMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("plumeline.security.mode is jwt but " + PREFIX + "audiences is not set:"
                    + " give the audience the identity provider puts in the aud of tokens for Plumeline (e.g. its"
                    + " client id), so that tokens made for other applications of the same provider are refused");
        }
    }

    /**
     * The HTTP client of the token decoder: the issuer's discovery document and the JWK set it names are fetched
     * over https only, as the properties are; a plain http:// JWK set of a discovery document is refused by name.
     */
    static RestTemplate httpsOnlyClient() {
        RestTemplate rest = new RestTemplate();
        rest.getInterceptors().add((request, body, execution) -> {
            https("the identity provider's discovery document or the JWK set it names", request.getURI().toString());
            return execution.execute(request, body);
        });
        return rest;
    }

    private static void https(String what, String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a URI: " + e.getMessage());
        }
        boolean loopback = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && List.of("127.0.0.1", "[::1]", "localhost").contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!loopback && (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null)) {
            throw new IllegalArgumentException(what + " must be an https:// URL (http:// only to 127.0.0.1), not '" + value
                    + "': the token signing keys are fetched from there, and over plain HTTP anyone on the network"
                    + " could hand the service keys of their own");
        }
    }
}
