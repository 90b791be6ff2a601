package io.plumeline.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode: an OAuth2 resource server. The test is the identity provider: it generates an RSA key, gives
 * the service the public half (as an operator gives a jwk-set or issuer URI) and signs real tokens with the
 * private half; roles come from a nested claim ({@code realm_access.roles}), the name from another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtModeTest {

    static final KeyPair KEYS = rsa();
    static final KeyPair OTHER_KEYS = rsa();
    static final String ISSUER = "https://id.example.com/realms/plumeline";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("plumeline-jwt", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml").toString());
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> "live");
        registry.add("plumeline.security.mode", () -> "jwt");
        registry.add("plumeline.security.roles-claim", () -> "realm_access.roles");
        registry.add("plumeline.security.name-claim", () -> "preferred_username");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
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
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("f3c1-" + user)
                .claim("preferred_username", user).claim("realm_access", Map.of("roles", roles))
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
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
