package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reports and the audit log are kept in the operator's PostgreSQL, shared by the replicas: never in the
 * container's embedded H2, which a restart would lose. Its credentials come from a Secret, its address is
 * reachable through the NetworkPolicy.
 */
class ReportingDatabaseTest {

    private static final String REPORTING = "plm-plumeline-reporting";
    private final Chart chart = Chart.plumeline();

    @Test
    void theServiceUsesThePostgresqlOfTheValuesWithCredentialsFromTheSecret() {
        Chart.Rendered rendered = chart.template(chart.productionValues());
        JsonNode values = Chart.read(chart.productionValues()).path("reporting").path("database");
        JsonNode container = rendered.named("Deployment", REPORTING).path("spec").path("template").path("spec")
                .path("containers").get(0);

        assertThat(StreamSupport.stream(container.path("args").spliterator(), false).map(JsonNode::asText))
                .contains("--spring.datasource.url=" + values.path("url").asText());
        for (String variable : List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
            JsonNode ref = StreamSupport.stream(container.path("env").spliterator(), false)
                    .filter(e -> e.path("name").asText().equals(variable)).findFirst()
                    .orElseThrow(() -> new AssertionError(variable + " is not set")).path("valueFrom").path("secretKeyRef");
            assertThat(ref.path("name").asText()).isEqualTo(values.path("credentialsSecret").asText());
        }
        JsonNode egress = rendered.named("NetworkPolicy", REPORTING).path("spec").path("egress");
        assertThat(egress.findValues("cidr").stream().map(JsonNode::asText)).contains("10.20.60.10/32");
        assertThat(egress.findValues("port").stream().map(JsonNode::asInt)).contains(5432);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:/tmp/reports", "postgresql://db:5432/plumeline",
            "jdbc:postgresql://db:5432/plumeline?user=plm&password=Secr3t"})
    void aDatabaseThatIsNoPostgresqlOrCarriesAPasswordIsRefused(String url) {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of("reporting.database.url", url)))
                .hasMessageContaining("reporting/database/url");
    }

    @Test
    void theCredentialsSecretIsRequired() {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of("reporting.database.credentialsSecret", "")))
                .hasMessageContaining("reporting.database.credentialsSecret must name the Secret");
    }
}
