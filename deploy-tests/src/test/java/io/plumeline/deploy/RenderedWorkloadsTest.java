package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.deploy.Containers.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every container of the chart must have, for the default and the production values. */
class RenderedWorkloadsTest {

    private static final Chart CHART = Chart.plumeline();

    static Stream<Arguments> valueSets() {
        return Stream.of(
                Arguments.of("default values", List.of()),
                Arguments.of("production values", List.of(CHART.productionValues())));
    }

    private static List<Container> containers(List<Path> values) {
        List<Container> containers = Containers.of(CHART.template(values, Map.of()));
        assertThat(containers).as("containers in the rendered chart").isNotEmpty();
        return containers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void rendersACollectorPerPlantAndTheReportingService(String name, List<Path> values) {
        Chart.Rendered rendered = CHART.template(values, Map.of());
        JsonNode plants = Chart.read(values.isEmpty() ? CHART.dir().resolve("values.yaml") : values.get(0)).path("plants");

        for (JsonNode plant : plants) {
            JsonNode collector = rendered.named("Deployment", "plm-plumeline-" + plant.path("name").asText() + "-collector");
            assertThat(collector.path("spec").path("replicas").asInt()).isEqualTo(1);
        }
        assertThat(rendered.ofKind("Deployment")).hasSize(plants.size() + 1);
        rendered.named("Deployment", "plm-plumeline-reporting");
        rendered.named("Service", "plm-plumeline-reporting");
        rendered.named("HorizontalPodAutoscaler", "plm-plumeline-reporting");
        rendered.named("PodDisruptionBudget", "plm-plumeline-reporting");
        assertThat(rendered.ofKind("FlinkDeployment")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyContainerHasLivenessAndReadinessProbes(String name, List<Path> values) {
        List<String> missing = new ArrayList<>();
        for (Container c : containers(values)) {
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                JsonNode p = c.spec().path(probe);
                boolean hasHandler = p.has("httpGet") || p.has("tcpSocket") || p.has("exec") || p.has("grpc");
                if (!hasHandler) missing.add(c.where() + " " + probe);
            }
        }
        assertThat(missing).as("containers without a probe").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyContainerHasResourceRequestsAndLimits(String name, List<Path> values) {
        List<String> missing = new ArrayList<>();
        for (Container c : containers(values)) {
            if (!c.flinkResource().isMissingNode()) {
                // the operator sets requests = limits from the FlinkDeployment's resource block
                for (String r : List.of("cpu", "memory")) {
                    if (c.flinkResource().path(r).asText().isBlank()) missing.add(c.where() + " resource." + r);
                }
                continue;
            }
            for (String bound : List.of("requests", "limits")) {
                for (String r : List.of("cpu", "memory")) {
                    if (c.spec().path("resources").path(bound).path(r).asText().isBlank()) {
                        missing.add(c.where() + " resources." + bound + "." + r);
                    }
                }
            }
        }
        assertThat(missing).as("missing resources").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyContainerRunsAsNonRootOnAReadOnlyRootFilesystemWithoutPrivileges(String name, List<Path> values) {
        List<String> problems = new ArrayList<>();
        for (Container c : containers(values)) {
            if (!c.security("runAsNonRoot").asBoolean(false)) problems.add(c.where() + ": runAsNonRoot is not true");
            if (c.security("runAsUser").isInt() && c.security("runAsUser").asInt() == 0) {
                problems.add(c.where() + ": runAsUser 0");
            }
            if (!c.spec().path("securityContext").path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(c.where() + ": readOnlyRootFilesystem is not true");
            }
            if (c.spec().path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(c.where() + ": allowPrivilegeEscalation is not false");
            }
            List<String> dropped = new ArrayList<>();
            c.spec().path("securityContext").path("capabilities").path("drop").forEach(d -> dropped.add(d.asText()));
            if (!dropped.contains("ALL")) problems.add(c.where() + ": capabilities do not drop ALL");
            if (!mountsEmptyDir(c, "/tmp")) problems.add(c.where() + ": /tmp is not a writable emptyDir");
        }
        assertThat(problems).isEmpty();
    }

    private static boolean mountsEmptyDir(Container c, String path) {
        for (JsonNode mount : c.spec().path("volumeMounts")) {
            if (!path.equals(mount.path("mountPath").asText())) continue;
            for (JsonNode volume : c.podSpec().path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                    return !mount.path("readOnly").asBoolean(false);
                }
            }
        }
        return false;
    }
}
