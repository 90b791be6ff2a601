package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Dockerfiles under deploy/ build the images the chart runs, the way the chart runs them. */
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"edgeCollector, io.plumeline.edge.EdgeCollector, 10001",
            "reporting, io.plumeline.reporting.ReportingApplication, 10001",
            "flink, , 9999"})
    void everyImageOfTheChartHasADockerfileRunningAsTheChartsNonRootUser(String component, String mainClass, int uid)
            throws IOException {
        String repository = values.path(component).path("image").path("repository").asText();
        String dockerfile = dockerfile(repository);

        Matcher user = USER.matcher(dockerfile);
        assertThat(user.find()).as("%s: a numeric USER", repository).isTrue();
        assertThat(Integer.parseInt(user.group(1))).isEqualTo(uid);
        if (mainClass != null) {
            assertThat(dockerfile).contains("\"" + mainClass + "\"]");
        }
    }

    @Test
    void theFlinkImagePutsTheShadedJobJarWhereTheFlinkDeploymentLooksForIt() throws IOException {
        String repository = values.path("flink").path("image").path("repository").asText();
        String dockerfile = dockerfile(repository);
        List<JsonNode> jobs = chart.template(List.of(), Map.of()).ofKind("FlinkDeployment");
        String jarUri = jobs.get(0).path("spec").path("job").path("jarURI").asText();

        assertThat(dockerfile).containsPattern("(?m)^FROM flink:2\\.2\\.1-java17\\s*$");
        assertThat(jarUri).startsWith("local://");
        assertThat(dockerfile).containsPattern(
                "(?m)^COPY .*flink-jobs/target/flink-jobs-[^ ]*-job\\.jar " + Pattern.quote(jarUri.substring("local://".length())) + "\\s*$");
    }

    @Test
    void theSimulatorHasAnImageForTestPlantsOnACluster() throws IOException {
        assertThat(dockerfile("plant-simulator")).contains("\"io.plumeline.simulator.PlantSimulator\"]");
    }
}
