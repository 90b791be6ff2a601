package io.plumeline.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.live.LiveSiteTest;
import io.plumeline.reporting.security.Endpoints.Endpoint;
import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.ApiClient.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The role × endpoint matrix: without credentials 401, with a role the endpoint is not for 403, both as
 * problem+json; with a role it is for neither (and no 500). The test users of config/application.properties are
 * one per role, named as the role.
 */
class AccessMatrixTest extends LiveSiteTest {

    static final Instant TO = Instant.now().truncatedTo(ChronoUnit.HOURS);
    static final Instant FROM = TO.minus(1, ChronoUnit.HOURS);

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        return Endpoints.all(FROM.toString(), TO.toString()).stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.name(), () -> {
            Response anonymous = send(api.anonymous(), endpoint);
            assertThat(anonymous.status()).as("anonymous " + endpoint.name() + ": " + anonymous).isEqualTo(401);
            assertThat(anonymous.isProblem()).isTrue();
            for (Role role : Role.values()) {
                Response response = send(api.as(role.name().toLowerCase(Locale.ROOT)), endpoint);
                String what = role + " " + endpoint.name() + ": " + response;
                if (endpoint.roles().contains(role)) {
                    assertThat(response.status()).as(what).isNotIn(401, 403).isLessThan(500);
                } else {
                    assertThat(response.status()).as(what).isEqualTo(403);
                    assertThat(response.isProblem()).as(what).isTrue();
                }
            }
        }));
    }

    @Test
    void theMatrixHoldsEveryDocumentedEndpoint() {
        List<String> inMatrix = Endpoints.all("", "").stream()
                .map(e -> DocumentedEndpoints.normalize(e.method() + " " + e.template())).toList();
        assertThat(inMatrix).containsAll(DocumentedEndpoints.all());
    }

    @Test
    void wrongCredentialsAre401() {
        Response response = api.as("nobody").get("/api/v1/site");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    static Response send(ApiClient client, Endpoint endpoint) {
        List<String> parameters = new ArrayList<>();
        endpoint.parameters().forEach((name, value) -> {
            parameters.add(name);
            parameters.add(value);
        });
        String[] array = parameters.toArray(String[]::new);
        return endpoint.method().equals("GET") ? client.get(endpoint.path(), array)
                : client.post(endpoint.path(), endpoint.body() == null ? "" : endpoint.body(), array);
    }
}
