package io.plumeline.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.live.LiveSiteTest;
import io.plumeline.reporting.security.Endpoints.Endpoint;
import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.ApiClient.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every parameter of every documented endpoint, one at a time, gets injection strings (InfluxQL quotes and
 * comments, regexes, newlines, NUL, unicode, markup, huge values) while the others stay valid; ranges get from
 * after to, 100-year spans and impossible instants; periods impossible ones. Each answer is a 400
 * problem+json; none is a 500. Path variables answer 400 or 404 (an id that is not there), never 500.
 */
class HostileParametersTest extends LiveSiteTest {

    static final Instant TO = Instant.now().truncatedTo(ChronoUnit.HOURS);
    static final Instant FROM = TO.minus(1, ChronoUnit.HOURS);

    static final List<String> INJECTIONS = List.of(
            "x' OR 1=1 --",
            "'; DROP DATABASE plumeline; --",
            "heater-1.fuel_gas_flow' OR \"tag\" =~ /.*/ --",
            "\" OR \"\"=\"",
            "/.*/",
            "heater-1.fuel_gas_flow\nSELECT * FROM telemetry",
            "a\r\nb",
            "nul\u0000byte",
            "\\",
            "测点'；删除",
            "\uD835\uDD18\uD835\uDD2B\uD835\uDD26",
            "${jndi:ldap://127.0.0.1/x}",
            "<script>alert(1)</script>",
            "%27%20OR%201%3D1",
            "A".repeat(4000));

    static final List<String> BAD_INSTANTS = List.of("2026-02-30T00:00:00Z", "2026-01-01T25:00:00Z", "0000-00-00T00:00:00Z",
            "+99999-01-01T00:00:00Z", "1500000000", "now", "2026-01-01");
    static final List<String> BAD_PERIODS = List.of("2026-Q5", "2026-Q0", "2026-13", "2026-00", "99999", "-2026", "2026-Q1/2027-Q4",
            "P100Y", "2026-W01", "1e3");

    @TestFactory
    Stream<DynamicTest> injectionsIntoEveryParameter() {
        Set<String> documented = DocumentedEndpoints.all();
        String report = aStoredReport();
        return endpoints().stream()
                .map(e -> new Endpoint(e.method(), e.template(), e.path().replace(Endpoints.SOME_REPORT, report), e.roles(),
                        e.parameters(), e.body()))
                .filter(e -> documented.contains(DocumentedEndpoints.normalize(e.method() + " " + e.template())))
                .flatMap(endpoint -> endpoint.parameters().keySet().stream().map(parameter ->
                        DynamicTest.dynamicTest(endpoint.name() + " " + parameter, () -> {
                            for (String value : INJECTIONS) {
                                assertRefused(endpoint, parameter, value);
                            }
                            if (parameter.equals("from") || parameter.equals("to")) {
                                for (String value : BAD_INSTANTS) {
                                    assertRefused(endpoint, parameter, value);
                                }
                            }
                            if (parameter.equals("period")) {
                                for (String value : BAD_PERIODS) {
                                    assertRefused(endpoint, parameter, value);
                                }
                            }
                        })));
    }

    @TestFactory
    Stream<DynamicTest> absurdRanges() {
        Set<String> documented = DocumentedEndpoints.all();
        return endpoints().stream()
                .filter(e -> e.parameters().containsKey("from"))
                .filter(e -> documented.contains(DocumentedEndpoints.normalize(e.method() + " " + e.template())))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint.name(), () -> {
                    assertRefused(endpoint, Map.of("from", TO.toString(), "to", FROM.toString()));
                    assertRefused(endpoint, Map.of("from", FROM.toString(), "to", FROM.toString()));
                    assertRefused(endpoint, Map.of("from", "1950-01-01T00:00:00Z", "to", "2050-01-01T00:00:00Z"));
                    assertRefused(endpoint, Map.of("from", "1000-01-01T00:00:00Z", "to", TO.toString()));
                    assertRefused(endpoint, Map.of("from", FROM.toString(), "to", "9999-12-31T23:59:59Z"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> hostilePathVariables() {
        Set<String> documented = DocumentedEndpoints.all();
        return endpoints().stream()
                .filter(e -> e.path().contains(Endpoints.SOME_REPORT))
                .filter(e -> documented.contains(DocumentedEndpoints.normalize(e.method() + " " + e.template())))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint.name(), () -> {
                    for (String value : List.of("1' OR '1'='1", "..", "%2e%2e", "-1", "99999999999999999999", "测", "x".repeat(500))) {
                        String path = endpoint.path().replace(Endpoints.SOME_REPORT,
                                java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                        Response response = send(client(endpoint), new Endpoint(endpoint.method(), endpoint.template(), path,
                                endpoint.roles(), endpoint.parameters(), endpoint.body()));
                        assertThat(response.status()).as(endpoint.name() + " with id " + value + ": " + response).isIn(400, 404);
                    }
                    if (endpoint.template().endsWith("{format}")) {
                        Response response = send(client(endpoint), new Endpoint(endpoint.method(), endpoint.template(),
                                endpoint.path().replace("/xml", "/exe%27"), endpoint.roles(), endpoint.parameters(), endpoint.body()));
                        assertThat(response.status()).as(endpoint.name() + " format exe': " + response).isIn(400, 404);
                    }
                }));
    }

    /** A report that exists, so that the parameters of /reports/{id}/… are checked rather than the id refused. */
    private String aStoredReport() {
        Response created = api.as("compliance").post("/api/v1/reports", "", "period", "2019-02");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<Endpoint> endpoints() {
        return Endpoints.all(FROM.toString(), TO.toString());
    }

    private void assertRefused(Endpoint endpoint, String parameter, String value) {
        assertRefused(endpoint, Map.of(parameter, value));
    }

    private void assertRefused(Endpoint endpoint, Map<String, String> replaced) {
        Map<String, String> parameters = new LinkedHashMap<>(endpoint.parameters());
        parameters.putAll(replaced);
        Response response = send(client(endpoint), new Endpoint(endpoint.method(), endpoint.template(), endpoint.path(),
                endpoint.roles(), parameters, endpoint.body()));
        String what = endpoint.name() + " " + replaced.toString().replace("\n", "\\n") + ": " + abbreviate(response.toString());
        assertThat(response.status()).as(what).isEqualTo(400);
        assertThat(response.isProblem()).as(what).isTrue();
    }

    /** A role the endpoint is for, so that security lets the request through to the parameter checks. */
    private ApiClient client(Endpoint endpoint) {
        Role role = endpoint.roles().contains(Role.COMPLIANCE) ? Role.COMPLIANCE : endpoint.roles().iterator().next();
        return api.as(role.name().toLowerCase(Locale.ROOT));
    }

    private static Response send(ApiClient client, Endpoint endpoint) {
        return AccessMatrixTest.send(client, endpoint);
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
