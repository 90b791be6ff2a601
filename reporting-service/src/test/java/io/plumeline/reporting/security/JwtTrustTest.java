package io.plumeline.reporting.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.plumeline.stack.Ports;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Review finding M7: what jwt mode refuses to start with, and where its decoder refuses to fetch keys from. */
class JwtTrustTest {

    static final String ISSUER = "https://id.example.com/realms/plumeline";

    @Test
    void anIssuerAndAnAudienceOverHttpsAreEnough() {
        assertThatCode(() -> JwtTrust.check(ISSUER, null, List.of("plumeline"))).doesNotThrowAnyException();
        assertThatCode(() -> JwtTrust.check(ISSUER, ISSUER + "/protocol/openid-connect/certs", List.of("plumeline")))
                .doesNotThrowAnyException();
    }

    @Test
    void keysOverPlainHttpAreRefused() {
        assertThatThrownBy(() -> JwtTrust.check(ISSUER, "http://id.example.com/certs", List.of("plumeline")))
                .hasMessageContaining("jwk-set-uri must be an https:// URL (http:// only to 127.0.0.1), not 'http://id.example.com/certs'");
        assertThatThrownBy(() -> JwtTrust.check("http://id.example.com/realms/plumeline", null, List.of("plumeline")))
                .hasMessageContaining("issuer-uri must be an https:// URL");
    }

    @Test
    void plainHttpToTheLoopbackCrossesNoNetwork() {
        assertThatCode(() -> JwtTrust.check("http://127.0.0.1:8180/realms/plumeline", null, List.of("plumeline")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> JwtTrust.check("http://127.0.0.1.nip.io/realms/plumeline", null, List.of("plumeline")))
                .hasMessageContaining("issuer-uri must be an https:// URL");
    }

    @Test
    void withoutAnIssuerOrAnAudienceItDoesNotStart() {
        assertThatThrownBy(() -> JwtTrust.check(null, "https://id.example.com/certs", List.of("plumeline")))
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri is not set");
        assertThatThrownBy(() -> JwtTrust.check(ISSUER, null, List.of()))
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences is not set");
        assertThatThrownBy(() -> JwtTrust.check(ISSUER, null, List.of(" ")))
                .hasMessageContaining("audiences is not set");
    }

    /**
     * With an issuer only, the keys' URL is the jwks_uri of the issuer's discovery document, which no property names:
     * a document (here served on the loopback, as a sidecar would) naming keys over plain HTTP elsewhere is refused
     * before anything is fetched from there, and the token with it.
     */
    @Test
    void aDiscoveryDocumentNamingKeysOverPlainHttpIsRefused() throws Exception {
        HttpServer provider = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/plumeline";
        byte[] discovery = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"http://id.example.com/certs\"}")
                .getBytes(StandardCharsets.UTF_8);
        provider.createContext("/realms/plumeline/.well-known/openid-configuration", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, discovery.length);
            try (var out = exchange.getResponseBody()) {
                out.write(discovery);
            }
        });
        provider.start();
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                    new JWTClaimsSet.Builder().issuer(issuer).subject("li.wei").build());
            token.sign(new RSASSASigner((RSAPrivateKey) rsa.generateKeyPair().getPrivate()));
            assertThatThrownBy(() -> NimbusJwtDecoder.withIssuerLocation(issuer).restOperations(JwtTrust.httpsOnlyClient())
                    .build().decode(token.serialize()))
                    .hasStackTraceContaining("the JWK set it names must be an https:// URL (http:// only to 127.0.0.1),"
                            + " not 'http://id.example.com/certs'");
        } finally {
            provider.stop(0);
        }
    }
}
