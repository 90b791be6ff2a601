package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector finds its certificate and the servers' certificates where its PKI folder keeps them
 * (own/collector.pfx, trusted/certs/), in a folder it may write (Milo files rejected certificates there), and
 * is told its spool and PKI folders explicitly rather than by guessing from what exists.
 */
class CollectorPkiTest {

    private final Chart chart = Chart.plumeline();

    @Test
    void mountsTheSecretsFilesWhereThePkiFolderLayoutExpectsThem(@TempDir Path dir) throws IOException {
        JsonNode collector = collector(dir, """
                    opcua:
                      securityPolicy: Basic256Sha256
                      securityMode: SignAndEncrypt
                      pkiSecret: plant-a-pki
                      trustedCerts: [dcs-1.der, dcs-2.pem]
                """);
        JsonNode container = collector.path("spec").path("template").path("spec").path("containers").get(0);

        assertThat(texts(container.path("args"))).contains("--spool-dir=/var/lib/plumeline/spool",
                "--pki=/etc/plumeline/opcua/pki");
        assertThat(mountOf(container, "/etc/plumeline/opcua/pki").path("readOnly").asBoolean(false)).isFalse();
        JsonNode own = volume(collector, mountOf(container, "/etc/plumeline/opcua/pki/own").path("name").asText());
        assertThat(own.path("secret").path("secretName").asText()).isEqualTo("plant-a-pki");
        assertThat(own.path("secret").path("items").findValues("path").stream().map(JsonNode::asText).toList()).containsExactly("collector.pfx");
        JsonNode trusted = volume(collector,
                mountOf(container, "/etc/plumeline/opcua/pki/trusted/certs").path("name").asText());
        assertThat(trusted.path("secret").path("items").findValues("key").stream().map(JsonNode::asText).toList()).containsExactly("dcs-1.der", "dcs-2.pem");
        assertThat(container.findValues("secretKeyRef").stream().map(r -> r.path("name").asText() + "/" + r.path("key").asText()))
                .contains("plant-a-pki/password");
    }

    @Test
    void aSecuredConnectionWithoutTrustedServerCertificatesIsRefused(@TempDir Path dir) throws IOException {
        Path values = values(dir, """
                    opcua: {securityPolicy: Basic256Sha256, securityMode: Sign, pkiSecret: plant-a-pki}
                """);

        assertThatThrownBy(() -> chart.template(values))
                .hasMessageContaining("plants[plant-a].opcua: securityPolicy Basic256Sha256 needs trustedCerts");
    }

    @Test
    void anUnsecuredPlantStillGetsAWritablePkiFolderAndNoSecret(@TempDir Path dir) throws IOException {
        JsonNode collector = collector(dir, "");
        JsonNode container = collector.path("spec").path("template").path("spec").path("containers").get(0);

        assertThat(volume(collector, mountOf(container, "/etc/plumeline/opcua/pki").path("name").asText())
                .has("emptyDir")).isTrue();
        assertThat(collector.findValues("secretName")).isEmpty();
    }

    private JsonNode collector(Path dir, String plantLines) throws IOException {
        return chart.template(values(dir, plantLines)).named("Deployment", "plm-plumeline-plant-a-collector");
    }

    private static Path values(Path dir, String plantLines) throws IOException {
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, """
                plants:
                  - name: plant-a
                    existingConfigMap: plant-a-site
                """ + plantLines);
        return values;
    }

    private static JsonNode mountOf(JsonNode container, String path) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("mountPath").asText().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at " + path + " in " + container.path("volumeMounts")));
    }

    private static JsonNode volume(JsonNode deployment, String name) {
        return StreamSupport.stream(deployment.path("spec").path("template").path("spec").path("volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
