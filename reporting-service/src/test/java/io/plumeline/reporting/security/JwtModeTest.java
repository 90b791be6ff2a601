package io.plumeline.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.plumeline.stack.Ports;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode: an OAuth2 resource server. The test is the identity provider: it generates an RSA key, serves
 * its discovery document and the public half as a JWK set on 127.0.0.1 (the operator gives the service the issuer
 * URI, as with Keycloak) and signs real tokens with the private half; roles come from a nested claim
 * ({@code realm_access.roles}), the name from another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtModeTest {

    static final KeyPair KEYS = rsa();
    static final KeyPair OTHER_KEYS = rsa();
    static final HttpServer PROVIDER = identityProvider();
    static final String ISSUER = "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/realms/plumeline";
    static final String AUDIENCE = "plumeline";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml").toString());
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> "live");
        registry.add("plumeline.security.mode", () -> "jwt");
        registry.add("plumeline.security.roles-claim", () -> "realm_access.roles");
        registry.add("plumeline.security.name-claim", () -> "preferred_username");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    /** The discovery document and the JWK set, as Keycloak serves them under the realm's issuer URI. */
    static HttpServer identityProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/plumeline";
            String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\"}";
            String keys = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("k1").build()).toString();
            server.createContext("/realms/plumeline/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
            server.createContext("/realms/plumeline/certs", exchange -> answer(exchange, keys));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void aSignedTokenWithTheRightRoleIsLetIn() throws Exception {
        HttpResponse<String> me = get("/api/v1/me", token(KEYS, "li.wei", List.of("ENGINEER"), Instant.now().plusSeconds(300)));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"li.wei\"").contains("\"roles\":[\"ENGINEER\"]").contains("\"mode\":\"jwt\"");
        assertThat(get("/api/v1/site", token(KEYS, "li.wei", List.of("ENGINEER"), Instant.now().plusSeconds(300)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongRoleIs403AndAnUnknownRoleGrantsNothing() throws Exception {
        assertThat(get("/api/v1/site", token(KEYS, "inspector", List.of("REGULATOR"), Instant.now().plusSeconds(300)))
                .statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/site", token(KEYS, "x", List.of("SUPERUSER", "engineer"), Instant.now().plusSeconds(300)))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void expiredForeignOrMissingTokensAre401() throws Exception {
        HttpResponse<String> expired = get("/api/v1/site", token(KEYS, "li.wei", List.of("ENGINEER"), Instant.now().minusSeconds(600)));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/site", token(OTHER_KEYS, "li.wei", List.of("ENGINEER"), Instant.now().plusSeconds(300)))
                .statusCode()).as("signed by another key").isEqualTo(401);
        HttpResponse<String> none = get("/api/v1/site", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        HttpResponse<String> basic = get("/api/v1/site", null, "Basic " + Base64.getEncoder().encodeToString("engineer:engineer-pw".getBytes()));
        assertThat(basic.statusCode()).as("no Basic users in jwt mode").isEqualTo(401);
    }

    /** Review finding M7: the same key signs tokens for other applications of the realm, or another realm's. */
    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIs401() throws Exception {
        Instant expires = Instant.now().plusSeconds(300);
        assertThat(get("/api/v1/site", token(KEYS, ISSUER, "grafana", "li.wei", List.of("ENGINEER"), expires)).statusCode())
                .as("another audience").isEqualTo(401);
        assertThat(get("/api/v1/site", token(KEYS, "https://id.example.com/realms/other", AUDIENCE, "li.wei",
                List.of("ENGINEER"), expires)).statusCode()).as("another issuer").isEqualTo(401);
        assertThat(get("/api/v1/site", token(KEYS, ISSUER, AUDIENCE, "li.wei", List.of("ENGINEER"), expires)).statusCode())
                .as("the right ones").isEqualTo(200);
    }

    @Test
    void aBearerPostNeedsNoCsrfTokenAndNoSessionIsMade() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/calculations"))
                .header("Authorization", "Bearer " + token(KEYS, "li.wei", List.of("COMPLIANCE"), Instant.now().plusSeconds(300)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"EPA_C1\",\"fuel\":\"natural_gas\",\"gwp\":\"AR5\","
                        + "\"inputs\":{\"fuelQuantity\":{\"value\":1000,\"uom\":\"scf\"}}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void theSignInPageSaysToUseTheIdentityProvider() throws Exception {
        HttpResponse<String> settings = get("/ui/settings", null);
        assertThat(settings.body()).contains("\"mode\":\"jwt\"");
        assertThat(get("/login", null).statusCode()).as("no form login in jwt mode").isNotEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return get(path, token, null);
    }

    private HttpResponse<String> get(String path, String token, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        } else if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(KeyPair keys, String user, List<String> roles, Instant expires) throws Exception {
        return token(keys, ISSUER, AUDIENCE, user, roles, expires);
    }

    static String token(KeyPair keys, String issuer, String audience, String user, List<String> roles, Instant expires)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("f3c1-" + user)
                .claim("preferred_username", user).claim("realm_access", Map.of("roles", roles))
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
