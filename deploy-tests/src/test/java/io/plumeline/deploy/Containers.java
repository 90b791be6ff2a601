package io.plumeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every container a rendered manifest will run: the pod templates of workloads, and the JobManager and
 * TaskManager pod templates of a FlinkDeployment, whose CPU and memory the operator takes from the
 * FlinkDeployment's {@code resource} blocks rather than from the container.
 */
final class Containers {

    private Containers() {
    }

    /** A container with its pod spec; {@code flinkResource} is the FlinkDeployment's resource block, else missing. */
    record Container(String where, JsonNode spec, JsonNode podSpec, JsonNode flinkResource) {

        /** The effective securityContext field: the container's, else the pod's. */
        JsonNode security(String field) {
            JsonNode own = spec.path("securityContext").path(field);
            return own.isMissingNode() ? podSpec.path("securityContext").path(field) : own;
        }

        List<String> mountPaths() {
            List<String> paths = new ArrayList<>();
            spec.path("volumeMounts").forEach(m -> paths.add(m.path("mountPath").asText()));
            return paths;
        }
    }

    static List<Container> of(Chart.Rendered rendered) {
        List<Container> containers = new ArrayList<>();
        for (JsonNode document : rendered.documents()) {
            String kind = document.path("kind").asText();
            String name = kind + "/" + document.path("metadata").path("name").asText();
            switch (kind) {
                case "Deployment", "StatefulSet", "DaemonSet", "Job" ->
                        add(containers, name, document.path("spec").path("template").path("spec"),
                                document.path("spec").path("missing"));
                case "CronJob" -> add(containers, name,
                        document.path("spec").path("jobTemplate").path("spec").path("template").path("spec"),
                        document.path("spec").path("missing"));
                case "FlinkDeployment" -> {
                    for (String role : List.of("jobManager", "taskManager")) {
                        JsonNode manager = document.path("spec").path(role);
                        add(containers, name + "/" + role, manager.path("podTemplate").path("spec"),
                                manager.path("resource"));
                    }
                }
                default -> {
                }
            }
        }
        return containers;
    }

    private static void add(List<Container> containers, String where, JsonNode podSpec, JsonNode flinkResource) {
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : podSpec.path(list)) {
                containers.add(new Container(where + "/" + container.path("name").asText(), container, podSpec,
                        flinkResource));
            }
        }
    }
}
