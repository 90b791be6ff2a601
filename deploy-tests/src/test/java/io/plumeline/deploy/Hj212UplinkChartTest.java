package io.plumeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HJ 212 uplink's Deployment: one per plant with platforms, its options from hj212Uplink's values. */
class Hj212UplinkChartTest {

    private static final Chart CHART = Chart.plumeline();

    @TempDir
    Path work;

    /** The default plant with one provincial platform, the uplink enabled. */
    private Path values() {
        ObjectNode plant = (ObjectNode) Chart.read(CHART.dir().resolve("values.yaml")).path("plants").get(0).deepCopy();
        ObjectNode platform = plant.putObject("hj212").putArray("platforms").addObject();
        platform.put("id", "provincial").put("address", "10.1.2.3:9000").put("passwordSecret", "hj212-pw")
                .put("passwordKey", "password");
        ObjectNode values = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        values.putArray("plants").add(plant);
        values.putObject("hj212Uplink").put("enabled", true);
        Path file = work.resolve("hj212-values.yaml");
        Chart.write(file, values);
        return file;
    }

    private List<String> args(Map<String, String> sets) {
        JsonNode deployment = CHART.template(List.of(values()), sets).named("Deployment", "plm-plumeline-dalian-refinery-hj212");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        return StreamSupport.stream(container.path("args").spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void theUplinkRefusesTimeCalibrationUnlessTheValuesAcceptIt() {
        assertThat(args(Map.of())).contains("--time-calibration=refuse", "--platform=provincial=10.1.2.3:9000");
        assertThat(args(Map.of("hj212Uplink.timeCalibration", "accept"))).contains("--time-calibration=accept");
    }

    @Test
    void theSchemaRefusesATimeCalibrationItDoesNotKnowAndAPlatformWithoutAPort() {
        assertThatThrownBy(() -> args(Map.of("hj212Uplink.timeCalibration", "sometimes")))
                .hasMessageContaining("timeCalibration");
        assertThatThrownBy(() -> args(Map.of("plants[0].hj212.platforms[0].address", "10.1.2.3")))
                .hasMessageContaining("address");
    }
}
