package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.deploy.Containers.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials stay in Secrets created outside the chart: the chart references them by name, never carries them. */
class SecretsTest {

    private static final String PASSWORD = "Tr0ub4dor-" + Long.toHexString(System.nanoTime());
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(password|secret|token|credential|_key).*");

    private final Chart chart = Chart.plumeline();

    @Test
    void rendersNoSecretAndReferencesTheNamedOnes() {
        Chart.Rendered rendered = chart.template(chart.productionValues());
        JsonNode values = Chart.read(chart.productionValues());

        assertThat(rendered.ofKind("Secret")).isEmpty();
        String influxSecret = values.path("influxdb").path("credentialsSecret").asText();
        JsonNode reporting = rendered.named("Deployment", "plm-plumeline-reporting");
        String databaseSecret = values.path("reporting").path("database").path("credentialsSecret").asText();
        assertThat(reporting.findValues("secretKeyRef").stream().map(ref -> ref.path("name").asText()).distinct())
                .containsExactlyInAnyOrder(influxSecret, databaseSecret);

        JsonNode plant = values.path("plants").get(0);
        JsonNode collector = rendered.named("Deployment", "plm-plumeline-" + plant.path("name").asText() + "-collector");
        assertThat(collector.findValues("secretName").stream().map(JsonNode::asText).distinct())
                .containsExactlyInAnyOrder(plant.path("opcua").path("credentialsSecret").asText(),
                        plant.path("opcua").path("pkiSecret").asText(), values.path("kafka").path("configSecret").asText());
        assertThat(collector.findValues("secretRef").stream().map(r -> r.path("name").asText()))
                .containsExactly(plant.path("opcua").path("credentialsSecret").asText());
    }

    @Test
    void noSecretLookingEnvironmentVariableHasAPlainValue() {
        List<String> inlined = new ArrayList<>();
        for (Container c : Containers.of(chart.template(chart.productionValues()))) {
            for (JsonNode env : c.spec().path("env")) {
                if (SECRET_LIKE.matcher(env.path("name").asText()).matches() && env.has("value")) {
                    inlined.add(c.where() + " " + env.path("name").asText());
                }
            }
        }
        assertThat(inlined).isEmpty();
    }

    /** Wherever a password might be slipped in, the schema refuses it, and the refusal does not repeat it. */
    @ParameterizedTest(name = "--set {0}=...")
    @CsvSource({"influxdb.password, password", "kafka.saslPassword, saslPassword",
            "plants[0].opcua.password, password", "flink.storage.secretKey, secretKey",
            "reporting.env.PLUMELINE_INFLUX_PASSWORD, env"})
    void aPasswordGivenAsAValueIsRefused(String key, String refusedProperty) {
        assertThatThrownBy(() -> chart.template(List.of(chart.productionValues()), Map.of(key, PASSWORD)))
                .hasMessageContaining("additional properties '" + refusedProperty + "' not allowed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void secretNamesGivenWithSetAreReferencedButNoValueIsRendered() {
        Chart.Rendered rendered = chart.template(List.of(), Map.of(
                "influxdb.credentialsSecret", "influx-creds",
                "flink.storage.credentialsSecret", "s3-creds",
                "reporting.database.credentialsSecret", "reports-db-creds"));

        assertThat(rendered.ofKind("Secret")).isEmpty();
        assertThat(rendered.documents().stream().flatMap(d -> d.findValues("secretRef").stream())
                .map(r -> r.path("name").asText()).distinct())
                .containsExactly("s3-creds");
        assertThat(rendered.documents().stream().flatMap(d -> d.findValues("secretKeyRef").stream())
                .map(r -> r.path("name").asText()).distinct())
                .containsExactlyInAnyOrder("influx-creds", "reports-db-creds");
    }

    @Test
    void theCollectorGetsThePasswordVariableOfTheSiteModelFromTheSecret(@TempDir Path dir) throws Exception {
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, """
                plants:
                  - name: plant-a
                    siteModel: |
                      apiVersion: plumeline/v1
                      site: {id: plant-a, name: Plant A, timezone: UTC, program: EPA_PART98, gwp: AR5}
                      servers:
                        - {id: dcs-1, endpoint: "opc.tcp://dcs-1:4840", securityPolicy: Basic256Sha256, securityMode: SignAndEncrypt, auth: {type: username, username: op, passwordEnv: DCS1_PASSWORD}}
                    opcua:
                      credentialsSecret: plant-a-opcua
                """);
        Chart.Rendered rendered = chart.template(values);

        assertThat(rendered.named("ConfigMap", "plm-plumeline-plant-a-site").path("data").path("site.yaml").asText())
                .contains("passwordEnv: DCS1_PASSWORD");
        JsonNode collector = rendered.named("Deployment", "plm-plumeline-plant-a-collector");
        assertThat(collector.findValues("envFrom").get(0).get(0).path("secretRef").path("name").asText())
                .isEqualTo("plant-a-opcua");
    }
}
