package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Flink jobs as the operator will run them, for the production values. */
class FlinkDeploymentTest {

    private final Chart chart = Chart.plumeline();
    private final JsonNode values = Chart.read(chart.productionValues());
    private final Chart.Rendered rendered = chart.template(chart.productionValues());

    @Test
    void runsTheShadedJobJarInApplicationModeAgainstTheExternalEndpoints() {
        for (JsonNode flink : rendered.ofKind("FlinkDeployment")) {
            assertThat(flink.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
            JsonNode job = flink.path("spec").path("job");
            assertThat(job.path("jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/flink-jobs-job.jar");
            assertThat(job.path("entryClass").asText()).isEqualTo("io.plumeline.flink.PlumelineJob");
            assertThat(job.path("state").asText()).isEqualTo("running");
            assertThat(args(job))
                    .contains("--kafka=" + values.path("kafka").path("bootstrapServers").asText(),
                            "--influx=" + values.path("influxdb").path("url").asText(),
                            "--site=/etc/plumeline/site/site.yaml");
        }
    }

    @Test
    void passesTheTelemetryRetentionOfTheValuesToEveryJob() {
        String retention = values.path("influxdb").path("retention").path("telemetry").asText();
        assertThat(retention).as("the production values set their own period").isNotEmpty().isNotEqualTo("P90D");
        assertThat(rendered.ofKind("FlinkDeployment")).isNotEmpty().allSatisfy(flink ->
                assertThat(args(flink.path("spec").path("job"))).filteredOn(a -> a.startsWith("--telemetry-retention"))
                        .containsExactly("--telemetry-retention=" + retention));
    }

    @Test
    void keepsCheckpointsSavepointsAndHaMetadataOnTheDurableUri() {
        String storage = values.path("flink").path("storage").path("uri").asText();
        for (JsonNode flink : rendered.ofKind("FlinkDeployment")) {
            JsonNode conf = flink.path("spec").path("flinkConfiguration");
            String plant = flink.path("metadata").path("labels").path("plumeline.io/plant").asText();
            String checkpoints = conf.path("state.checkpoints.dir").asText();

            assertThat(checkpoints).isEqualTo(storage + "/checkpoints/" + plant);
            assertThat(conf.path("state.savepoints.dir").asText()).isEqualTo(storage + "/savepoints/" + plant);
            assertThat(args(flink.path("spec").path("job"))).contains("--checkpoint-dir=" + checkpoints, "--no-resume");
            assertThat(conf.path("high-availability.type").asText()).isEqualTo("kubernetes");
            assertThat(conf.path("high-availability.storageDir").asText()).startsWith(storage + "/ha/");
            assertThat(flink.path("spec").path("jobManager").path("replicas").asInt())
                    .isEqualTo(values.path("flink").path("jobManager").path("replicas").asInt());
            assertThat(flink.path("spec").path("job").path("upgradeMode").asText())
                    .isEqualTo(values.path("flink").path("upgradeMode").asText());
        }
    }

    @Test
    void takesTheParallelismFromThePlantOrElseFromFlinkValues() {
        int fleetDefault = values.path("flink").path("parallelism").asInt();
        for (JsonNode plant : values.path("plants")) {
            String name = plant.path("name").asText();
            if (plant.has("topic")) continue; // shares the job of the plant that owns the topic
            JsonNode flink = rendered.named("FlinkDeployment", "plm-plumeline-" + name + "-flink");
            int expected = plant.path("flink").path("parallelism").asInt(fleetDefault);
            assertThat(flink.path("spec").path("job").path("parallelism").asInt()).as(name).isEqualTo(expected);
        }
    }

    @Test
    void passesTheAccountingSettingsOfThePlantOrElseOfFlinkValues() {
        JsonNode defaults = Chart.read(chart.dir().resolve("values.yaml")).path("flink").path("accounting");
        JsonNode fleet = values.path("flink").path("accounting");
        Map<String, String> options = Map.of("outOfOrderness", "--out-of-orderness", "idleness", "--idleness",
                "maxHold", "--max-hold", "allowedLateness", "--allowed-lateness", "imbalanceThreshold", "--imbalance-threshold");
        boolean anOverride = false;
        for (JsonNode plant : values.path("plants")) {
            if (plant.has("topic")) continue;
            String name = plant.path("name").asText();
            JsonNode own = plant.path("flink").path("accounting");
            anOverride |= !own.isMissingNode();
            List<String> args = args(rendered.named("FlinkDeployment", "plm-plumeline-" + name + "-flink").path("spec").path("job"));
            options.forEach((key, option) -> {
                JsonNode value = own.has(key) ? own.get(key) : fleet.has(key) ? fleet.get(key) : defaults.get(key);
                assertThat(value).as("%s: %s in the values", name, key).isNotNull();
                assertThat(args).as(name).filteredOn(a -> a.startsWith(option + "="))
                        .containsExactly(option + "=" + value.asText());
            });
        }
        assertThat(anOverride).as("the production values override a plant's accounting settings").isTrue();
    }

    @Test
    void runsOneJobPerTopicWithTheSiteModelOfItsPlant() {
        Set<String> topics = new LinkedHashSet<>();
        for (JsonNode plant : values.path("plants")) {
            topics.add(plant.path("topic").asText("plumeline.telemetry." + plant.path("name").asText()));
        }
        List<JsonNode> jobs = rendered.ofKind("FlinkDeployment");
        assertThat(jobs).hasSize(topics.size());

        List<String> jobTopics = new ArrayList<>();
        for (JsonNode flink : jobs) {
            List<String> args = args(flink.path("spec").path("job"));
            String topic = args.stream().filter(a -> a.startsWith("--topic=")).findFirst().orElseThrow().substring(8);
            jobTopics.add(topic);
            assertThat(args).contains("--dlq-topic=" + topic + ".dlq");
            String plant = flink.path("metadata").path("labels").path("plumeline.io/plant").asText();
            String configMap = configMapOf(plant);
            JsonNode volumes = flink.path("spec").path("jobManager").path("podTemplate").path("spec").path("volumes");
            assertThat(volumes.findValuesAsText("name")).contains(configMap);
        }
        assertThat(jobTopics).containsExactlyInAnyOrderElementsOf(topics);
    }

    private String configMapOf(String plantName) {
        for (JsonNode plant : values.path("plants")) {
            if (plant.path("name").asText().equals(plantName)) return plant.path("existingConfigMap").asText();
        }
        throw new AssertionError("no plant " + plantName + " in the production values");
    }

    private static List<String> args(JsonNode job) {
        List<String> args = new ArrayList<>();
        job.path("args").forEach(a -> args.add(a.asText()));
        return args;
    }

    @Test
    void defaultValuesRenderAJobForTheExamplePlant() {
        Chart.Rendered defaults = chart.template(List.of(), Map.of());
        JsonNode defaultValues = Chart.read(chart.dir().resolve("values.yaml"));
        String plant = defaultValues.path("plants").get(0).path("name").asText();

        JsonNode flink = defaults.named("FlinkDeployment", "plm-plumeline-" + plant + "-flink");
        assertThat(flink.path("spec").path("flinkConfiguration").path("state.checkpoints.dir").asText())
                .startsWith(defaultValues.path("flink").path("storage").path("uri").asText());
        // the job's own default, so that a release without the value keeps what the local stack keeps
        assertThat(defaultValues.path("influxdb").path("retention").path("telemetry").asText()).isEqualTo("P90D");
        assertThat(args(flink.path("spec").path("job"))).contains("--telemetry-retention=P90D");
        // the site model given inline becomes the ConfigMap the job reads
        JsonNode siteModel = defaults.named("ConfigMap", "plm-plumeline-" + plant + "-site");
        assertThat(siteModel.path("data").path("site.yaml").asText())
                .isEqualTo(defaultValues.path("plants").get(0).path("siteModel").asText());
    }
}
