package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values that break values.schema.json or the chart's own rules are refused with a message naming the problem. */
class SchemaTest {

    private final Chart chart = Chart.plumeline();

    @TempDir
    Path dir;

    private Path valuesFile(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "values-", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aWrongTypeIsRefusedByTemplateAndLint() throws IOException {
        Path values = valuesFile("flink:\n  parallelism: four\n");

        assertThatThrownBy(() -> chart.template(values))
                .hasMessageContaining("at '/flink/parallelism': got string, want integer");
        LintResult lint = chart.lintWith(values, dir);
        assertThat(lint.isFailed()).isTrue();
        assertThat(String.join("\n", lint.getMessages())).contains("/flink/parallelism");
    }

    @ParameterizedTest(name = "{0}: null")
    @CsvSource({"kafka, bootstrapServers", "influxdb, url"})
    void aMissingExternalEndpointIsRefused(String section, String property) throws IOException {
        // null removes the default, as an operator's values file that forgets the endpoint would leave it
        Path values = valuesFile(section + ":\n  " + property + ": null\n");

        assertThatThrownBy(() -> chart.template(values))
                .hasMessageContaining("at '/" + section + "': missing property '" + property + "'");
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource({"kafka.bootstrapServers, ''", "kafka.bootstrapServers, kafka-without-port",
            "influxdb.url, influxdb:8086", "flink.storage.uri, /local/path/only"})
    void anUnusableEndpointIsRefused(String key, String value) {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of(key, value)))
                .hasMessageContaining("at '/" + key.replace('.', '/') + "'");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"securityPolicy, Basic128Rsa15", "securityMode, Encrypt"})
    void anUnknownOpcUaSecuritySettingIsRefused(String property, String value) throws IOException {
        Path values = valuesFile("""
                plants:
                  - name: plant-a
                    existingConfigMap: plant-a-site
                    opcua: {%s: %s, pkiSecret: plant-a-pki}
                """.formatted(property, value));

        assertThatThrownBy(() -> chart.template(values))
                .hasMessageContaining("at '/plants/0/opcua/" + property + "': value must be one of 'None'");
    }

    @ParameterizedTest(name = "influxdb.retention.telemetry: \"{0}\"")
    @CsvSource({"90d", "P0D", "PT12H", "P3M", "P90D --influx-db=other", "''"})
    void aTelemetryRetentionThatIsNotWholeDaysIsRefused(String value) {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of("influxdb.retention.telemetry", value)))
                .hasMessageContaining("at '/influxdb/retention/telemetry'");
    }

    @Test
    void aTelemetryRetentionInDaysIsPassedToTheJob() {
        Chart.Rendered rendered = chart.template(List.of(), Map.of("influxdb.retention.telemetry", "P400D"));
        assertThat(rendered.ofKind("FlinkDeployment")).isNotEmpty().allSatisfy(flink ->
                assertThat(flink.path("spec").path("job").path("args").toString()).contains("--telemetry-retention=P400D"));
    }

    @ParameterizedTest(name = "flink.accounting.{0}: \"{1}\"")
    @CsvSource({"maxHold, 5m", "maxHold, PT", "allowedLateness, P1DT", "idleness, 'PT30S --no-resume'",
            "outOfOrderness, P1W"})
    void anAccountingDurationThatIsNoIsoDurationIsRefused(String key, String value) {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of("flink.accounting." + key, value)))
                .hasMessageContaining("at '/flink/accounting/" + key + "'");
    }

    @ParameterizedTest(name = "imbalanceThreshold: {0}")
    @CsvSource({"0", "1.5", "-0.02"})
    void anImbalanceThresholdOutsideZeroToOneIsRefused(String value) throws IOException {
        Path values = valuesFile("flink:\n  accounting:\n    imbalanceThreshold: " + value + "\n");
        assertThatThrownBy(() -> chart.template(values))
                .hasMessageContaining("at '/flink/accounting/imbalanceThreshold'");
    }

    @Test
    void anUnknownUpgradeModeIsRefused() {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of("flink.upgradeMode", "restart")))
                .hasMessageContaining("at '/flink/upgradeMode'");
    }

    @Test
    void aSecuredOpcUaConnectionNeedsThePkiSecret() throws IOException {
        Path values = valuesFile("""
                plants:
                  - name: plant-a
                    existingConfigMap: plant-a-site
                    opcua: {securityPolicy: Basic256Sha256, securityMode: SignAndEncrypt}
                """);

        assertThatThrownBy(() -> chart.template(values))
                .hasMessageContaining("plants[plant-a].opcua: securityPolicy Basic256Sha256 needs pkiSecret");
    }

    @Test
    void aPlantNeedsExactlyOneSiteModelSource() throws IOException {
        Path neither = valuesFile("plants:\n  - name: plant-a\n");
        Path both = valuesFile("plants:\n  - {name: plant-a, existingConfigMap: cm, siteModel: 'apiVersion: plumeline/v1'}\n");

        assertThatThrownBy(() -> chart.template(neither))
                .hasMessageContaining("plants[plant-a]: needs siteModel (the site model YAML) or existingConfigMap");
        assertThatThrownBy(() -> chart.template(both))
                .hasMessageContaining("plants[plant-a]: give either siteModel or existingConfigMap, not both");
    }

    @Test
    void plantNamesAreUniqueAndPlantsSharingATopicShareTheSiteModel() throws IOException {
        Path twice = valuesFile("""
                plants:
                  - {name: plant-a, existingConfigMap: a}
                  - {name: plant-a, existingConfigMap: a}
                """);
        Path topicClash = valuesFile("""
                plants:
                  - {name: plant-a, existingConfigMap: a, topic: shared}
                  - {name: plant-b, existingConfigMap: b, topic: shared}
                """);

        assertThatThrownBy(() -> chart.template(twice)).hasMessageContaining("plants: the name plant-a is used twice");
        assertThatThrownBy(() -> chart.template(topicClash))
                .hasMessageContaining("plants[plant-b]: topic shared is already read with the site model");
    }

    @Test
    void aPlantNameThatIsNoDnsLabelIsRefused() throws IOException {
        Path values = valuesFile("plants:\n  - {name: Plant_A, existingConfigMap: a}\n");

        assertThatThrownBy(() -> chart.template(values)).hasMessageContaining("at '/plants/0/name'");
    }

    @Test
    void aDisruptionBudgetThatWouldBlockDrainsIsRefused() {
        assertThatThrownBy(() -> chart.template(List.of(), Map.of(
                "reporting.autoscaling.enabled", "false", "reporting.replicas", "1")))
                .hasMessageContaining("reporting.podDisruptionBudget.minAvailable 1 leaves no pod to evict with 1 replicas");
    }
}
