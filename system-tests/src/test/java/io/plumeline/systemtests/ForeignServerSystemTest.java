package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./plumeline run --site FILE} against an OPC UA server Plumeline did not write: node-opcua (installed
 * by {@code ./plumeline test} from system-tests/src/test/node), with SecurityPolicy None and anonymous access.
 * Namespaces are resolved by URI; a node or namespace the server does not have does not stop the other tags.
 */
class ForeignServerSystemTest {

    private static final Path NODE_DIR = Services.ROOT.resolve("system-tests/src/test/node");
    private static final Path WORK = Services.ROOT.resolve("system-tests/target/foreign-server");
    private static ChildProcess server;
    private static int port;

    @BeforeAll
    static void startTheNodeOpcUaServer() throws IOException {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/node-opcua-server"))) {
            throw new IllegalStateException("node-opcua is not installed in " + NODE_DIR
                    + ": ./plumeline test installs it (npm ci in that folder)");
        }
        Files.createDirectories(WORK);
        port = Ports.free();
        server = ChildProcess.start("node-opcua server", List.of("node", "server.js", String.valueOf(port)), NODE_DIR,
                WORK.resolve("node-opcua.log"));
        server.awaitLogLine(Pattern.compile("node-opcua server ready"), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) server.stop(Duration.ofSeconds(10));
    }

    @Test
    void runCollectsFromAServerThatIsNotTheSimulator() throws IOException {
        Path site = Files.writeString(WORK.resolve("foreign.yaml"), """
                apiVersion: plumeline/v1
                site: {id: foreign-plant, name: Foreign plant, timezone: Europe/Berlin, program: EU_ETS, gwp: AR5}
                servers:
                  - {id: plc-1, endpoint: "opc.tcp://127.0.0.1:%d/foreign"}
                units:
                  - {id: boiler, name: Boiler}
                tags:
                  - {id: boiler.fuel_gas_flow, unit: boiler, server: plc-1, node: "nsu=urn:plumeline:test:node-opcua;s=Plant.FuelGasFlow", uom: Nm3/h}
                  - {id: boiler.counter, unit: boiler, server: plc-1, node: "nsu=urn:plumeline:test:node-opcua;i=4242", uom: "1"}
                  - {id: boiler.broken, unit: boiler, server: plc-1, node: "nsu=urn:plumeline:test:node-opcua;s=Plant.Broken", uom: degC}
                  - {id: boiler.service_level, unit: boiler, server: plc-1, node: "i=2267", uom: "1"}
                  - {id: boiler.missing, unit: boiler, server: plc-1, node: "nsu=urn:plumeline:test:node-opcua;s=Plant.Missing", uom: kPa}
                  - {id: boiler.elsewhere, unit: boiler, server: plc-1, node: "nsu=urn:somebody:else;s=X", uom: kPa}
                """.formatted(port));
        Path output = WORK.resolve("run-command.log");
        try (StackCommand run = StackCommand.start(output, "run", "--site", site.toString(), "--for", "75s")) {
            Api.await(Duration.ofSeconds(100), () -> points("boiler.fuel_gas_flow").size() >= 5
                    && points("boiler.counter").size() >= 5 && points("boiler.broken").size() >= 1
                    && points("boiler.service_level").size() >= 1, () -> "readings missing; see " + output);

            // The server's FuelGasFlow cycles through 1000..1009 and its counter goes up once a second.
            assertThat(values(points("boiler.fuel_gas_flow"))).allSatisfy(v -> assertThat(v).isBetween(1000.0, 1009.0));
            List<Double> counter = values(points("boiler.counter"));
            assertThat(counter).isSorted();
            assertThat(counter.get(counter.size() - 1)).isGreaterThan(counter.get(0));
            assertThat(points("boiler.broken")).allSatisfy(p -> {
                assertThat(p.path("quality").asText()).isEqualTo("BAD");
                assertThat(p.path("value").isNull()).isTrue();
            });
            assertThat(values(points("boiler.service_level"))).allSatisfy(v -> assertThat(v).isBetween(0.0, 255.0));

            assertThat(run.awaitExit(Duration.ofSeconds(180))).as(run.output()).isZero();
            String collectorLog = Files.readString(Services.ROOT.resolve(".plumeline/logs/edge-collector.log"));
            assertThat(collectorLog).contains("boiler.missing").contains("urn:somebody:else");
        }
    }

    private static List<JsonNode> points(String tag) {
        JsonNode answer = StackCommand.API.get("/api/v1/telemetry?tag=" + tag + "&from="
                + Instant.now().minus(Duration.ofHours(1)) + "&to=" + Instant.now().plus(Duration.ofHours(1)));
        return StreamSupport.stream(answer.path("points").spliterator(), false).toList();
    }

    private static List<Double> values(List<JsonNode> points) {
        return points.stream().map(p -> p.path("value").asDouble()).toList();
    }
}
