package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kafka.configSecret: each component gets only its own Kafka client settings, as --kafka-config, from the Secret. */
class KafkaConfigSecretTest {

    private final Chart chart = Chart.plumeline();

    @Test
    void theCollectorAndTheJobEachMountTheirOwnFileOfTheSecretAndPassIt() {
        // the production example names the Secret and its CA file
        Chart.Rendered rendered = chart.template(chart.productionValues());
        for (JsonNode collector : rendered.ofKind("Deployment")) {
            if (!collector.path("metadata").path("name").asText().endsWith("-collector")) continue;
            JsonNode pod = collector.path("spec").path("template").path("spec");
            assertThat(texts(pod.path("containers").path(0).path("args")))
                    .contains("--kafka-config=/etc/plumeline/kafka/collector.properties");
            assertMounted(pod, "collector.properties");
        }
        List<JsonNode> jobs = rendered.ofKind("FlinkDeployment");
        assertThat(jobs).isNotEmpty().allSatisfy(flink -> {
            assertThat(texts(flink.path("spec").path("job").path("args")))
                    .contains("--kafka-config=/etc/plumeline/kafka/job.properties");
            for (String role : List.of("jobManager", "taskManager")) {
                assertMounted(flink.path("spec").path(role).path("podTemplate").path("spec"), "job.properties");
            }
        });
    }

    @Test
    void withoutTheSecretNothingIsMountedOrPassed() {
        Chart.Rendered rendered = chart.template(List.of(), Map.of());
        assertThat(rendered.text()).doesNotContain("--kafka-config").doesNotContain("kafka-config");
    }

    private static void assertMounted(JsonNode pod, String file) {
        JsonNode volume = named(pod.path("volumes"), "kafka-config").path("secret");
        assertThat(volume.path("secretName").asText()).isEqualTo("plumeline-kafka");
        assertThat(volume.path("defaultMode").asInt()).isEqualTo(0400);
        assertThat(volume.path("items").findValuesAsText("key")).containsExactly(file, "corp-ca.pem");
        JsonNode mount = named(pod.path("containers").path(0).path("volumeMounts"), "kafka-config");
        assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/plumeline/kafka");
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode item : list) if (item.path("name").asText().equals(name)) return item;
        throw new AssertionError("no " + name + " in " + list);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
