package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The images the chart runs are built by deploy/: the Java services from one Dockerfile (deploy/java-service) with
 * each image's module and main class from deploy/images.tsv, the Flink job from its own.
 */
class ImagesTest {

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$");

    private final Chart chart = Chart.plumeline();
    private final JsonNode values = Chart.read(chart.dir().resolve("values.yaml"));
    private final Path images = Path.of(System.getProperty("plumeline.images", "../deploy"));

    private String dockerfile(String image) throws IOException {
        Path file = images.resolve(image).resolve("Dockerfile");
        assertThat(file).as("the Dockerfile of image %s", image).isRegularFile();
        return Files.readString(file);
    }

    /** deploy/images.tsv: image → its module, main class and Debian packages. */
    private Map<String, List<String>> javaImages() throws IOException {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(images.resolve("images.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> columns = List.of(line.split("\t"));
            assertThat(columns).as("deploy/images.tsv: %s", line).hasSize(4);
            table.put(columns.get(0), columns.subList(1, 4));
        }
        return table;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"edgeCollector, edge-collector, io.plumeline.edge.EdgeCollector",
            "reporting, reporting-service, io.plumeline.reporting.ReportingApplication",
            "hj212Uplink, hj212-uplink, io.plumeline.hj212.Hj212Uplink"})
    void everyJavaServiceOfTheChartIsBuiltFromItsModuleWithItsMainClass(String component, String module, String mainClass)
            throws IOException {
        String repository = values.path(component).path("image").path("repository").asText();
        assertThat(javaImages()).as("deploy/images.tsv").containsKey(repository);
        assertThat(javaImages().get(repository).subList(0, 2)).containsExactly(module, mainClass);
        assertThat(Path.of("..", module, "pom.xml")).as("the module of %s", repository).isRegularFile();
        assertThat(Path.of("..", module, "src/main/java", mainClass.replace('.', '/') + ".java"))
                .as("the main class of %s", repository).isRegularFile();
    }

    @Test
    void theJavaServicesRunAsTheChartsNonRootUserThroughALauncherThatExecsTheMainClass() throws IOException {
        String dockerfile = dockerfile("java-service");
        Matcher user = USER.matcher(dockerfile);
        assertThat(user.find()).as("a numeric USER").isTrue();
        assertThat(Integer.parseInt(user.group(1))).isEqualTo(10001);
        assertThat(dockerfile).contains("ENTRYPOINT [\"/app/run\"]")
                .containsPattern("exec java -cp \"/app/classes:/app/lib/\\*\" %s \"\\$@\"");
    }

    @Test
    void theFlinkImagePutsTheShadedJobJarWhereTheFlinkDeploymentLooksForIt() throws IOException {
        String repository = values.path("flink").path("image").path("repository").asText();
        String dockerfile = dockerfile(repository);
        List<JsonNode> jobs = chart.template(List.of(), Map.of()).ofKind("FlinkDeployment");
        String jarUri = jobs.get(0).path("spec").path("job").path("jarURI").asText();

        assertThat(dockerfile).containsPattern("(?m)^FROM flink:2\\.2\\.1-java17\\s*$");
        assertThat(dockerfile).as("the chart runs Flink's pods as 9999").containsPattern("(?m)^USER 9999:9999\\s*$");
        assertThat(jarUri).startsWith("local://");
        assertThat(dockerfile).containsPattern(
                "(?m)^COPY .*flink-jobs/target/flink-jobs-[^ ]*-job\\.jar " + Pattern.quote(jarUri.substring("local://".length())) + "\\s*$");
    }

    @Test
    void theSimulatorHasAnImageForTestPlantsOnACluster() throws IOException {
        assertThat(javaImages().get("plant-simulator")).startsWith("plant-simulator", "io.plumeline.simulator.PlantSimulator");
    }
}
