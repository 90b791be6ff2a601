package io.plumeline.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.live.LiveSiteTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The browser's way in (basic mode): the sign-in form gives a session cookie; a changing request of that session
 * needs the CSRF token of the XSRF-TOKEN cookie in X-XSRF-TOKEN, and the sign-in needs it too; an API client
 * with an Authorization header needs none. Sign-out ends the session.
 */
class BrowserSessionTest extends LiveSiteTest {

    static final String CALCULATION = "{\"method\":\"EPA_C1\",\"fuel\":\"natural_gas\",\"gwp\":\"AR5\","
            + "\"inputs\":{\"fuelQuantity\":{\"value\":1000,\"uom\":\"scf\"}}}";

    CookieManager cookies;
    HttpClient browser;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    @Test
    void signInThenUseTheSessionWithTheCsrfToken() throws Exception {
        HttpResponse<String> page = send(get("/login.html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("login-form");
        String token = xsrf();
        assertThat(token).as("the page set the XSRF-TOKEN cookie").isNotBlank();

        assertThat(send(signIn("compliance", "compliance-pw", null)).statusCode()).as("sign-in without the token")
                .isEqualTo(403);
        HttpResponse<String> wrong = send(signIn("compliance", "nope", xsrf()));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("wrong user name or password");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).as("no Basic dialog for the form").isEmpty();

        HttpResponse<String> signedIn = send(signIn("compliance", "compliance-pw", xsrf()));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"name\":\"compliance\"").contains("COMPLIANCE");
        assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("JSESSIONID");

        HttpResponse<String> me = send(get("/api/v1/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"roles\":[\"COMPLIANCE\"]").contains("\"mode\":\"basic\"");

        HttpResponse<String> noToken = send(post("/api/v1/calculations", CALCULATION).build());
        assertThat(noToken.statusCode()).as("a session's POST without the token").isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");
        HttpResponse<String> forged = send(post("/api/v1/calculations", CALCULATION).header("X-XSRF-TOKEN", "forged").build());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> withToken = send(post("/api/v1/calculations", CALCULATION).header("X-XSRF-TOKEN", xsrf()).build());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);

        assertThat(send(post("/logout", "").header("X-XSRF-TOKEN", xsrf()).build()).statusCode()).isEqualTo(204);
        HttpResponse<String> after = send(HttpRequest.newBuilder(uri("/api/v1/me")).header("X-Requested-With", "XMLHttpRequest").build());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).as("the UI's own calls get no Basic challenge").isEmpty();
    }

    @Test
    void anApiClientWithAnAuthorizationHeaderNeedsNoToken() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/calculations", CALCULATION).header("Authorization", basic("engineer")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName)
                .as("Basic authentication makes no session").doesNotContain("JSESSIONID");

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/site")).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"plumeline\"");
    }

    /**
     * Review finding M6: the browser cached compliance's Basic credentials (its dialog after an export link) and a
     * hostile page posts a form to Plumeline. The browser adds those credentials, its Origin and Sec-Fetch-Site,
     * and no token (the page cannot read the XSRF-TOKEN cookie of another origin).
     */
    @Test
    void aCrossSiteFormPostWithCachedBasicCredentialsIsRefused() throws Exception {
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/v1/reports?period=2026-01"))
                .header("Authorization", basic("compliance"))
                .header("Origin", "https://hostile.example").header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build());
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(api.as("compliance").get("/api/v1/reports", "period", "2026-01").json().get("reports"))
                .as("no draft was made").isEmpty();

        // the web UI's own request with Basic credentials cached: same origin, and it sends the cookie's token
        send(get("/login.html"));
        HttpResponse<String> own = send(post("/api/v1/calculations", CALCULATION).header("Authorization", basic("engineer"))
                .header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin")
                .header("X-XSRF-TOKEN", xsrf()).build());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    /** Review finding L4: guessing one user's password is refused for a while, other users still sign in. */
    @Test
    void repeatedFailedSignInsOfAUserAreRefusedWith429() throws Exception {
        String guess = "Basic " + Base64.getEncoder().encodeToString("mallory:guess".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            assertThat(send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", guess).build()).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", guess).build());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(refused.body()).contains("user 'mallory'");
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", basic("engineer")).build())
                .statusCode()).as("another user from the same address").isEqualTo(200);
    }

    /**
     * A configured password keeps its encoding after sign-ins: Spring Security's encoding "upgrade" once turned
     * {@code {noop}} into {@code {bcrypt}} in memory, and every later Basic request then cost a bcrypt check.
     */
    @Test
    void aSignInDoesNotReEncodeTheConfiguredPassword() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", basic("regulator")).build())
                    .statusCode()).isEqualTo(200);
        }
        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
        assertThat(users.loadUserByUsername("regulator").getPassword()).isEqualTo("{noop}regulator-pw");
    }

    @Test
    void theUiAndTheApiDescriptionAreOpenAndHoldNoData() throws Exception {
        for (String path : new String[] {"/", "/ui/app.js", "/ui/style.css", "/ui/settings", "/v3/api-docs"}) {
            assertThat(send(get(path)).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(send(get("/ui/settings")).body()).isEqualTo("{\"mode\":\"basic\",\"locale\":\"en\"}");
        assertThat(send(get("/")).headers().firstValue("Content-Security-Policy")).as("review finding L3")
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "style-src 'self'",
                        "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
    }

    /** Review finding M10: an anonymous caller learns UP or DOWN, not InfluxDB's address or the disk's paths. */
    @Test
    void anonymousHealthHasNoDetails() throws Exception {
        HttpResponse<String> health = send(get("/actuator/health"));
        assertThat(health.body()).contains("\"status\"").doesNotContain("components", "influx", "details");
        assertThat(api.get("/actuator/health").body()).as("a signed-in user sees them").contains("\"influx\"");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest signIn(String user, String password, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password));
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return builder.build();
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
