package io.plumeline.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.ToolProvider;

/**
 * A repository folder whose runnable modules are small stand-ins (src/test/resources/stub-services) that
 * follow the process contracts: same main classes and flags, same ready lines. They record how they were
 * called and when they stopped in {@code stub-calls.txt}.
 */
final class StubRepository {

    private static final Map<String, String> MODULES = Map.of(
            "flink-jobs", "PlumelineJob",
            "reporting-service", "ReportingApplication",
            "plant-simulator", "PlantSimulator",
            "edge-collector", "EdgeCollector");

    private StubRepository() {
    }

    static void create(Path home) throws IOException {
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            Path target = Files.createDirectories(home.resolve(module.getKey()).resolve("target"));
            Path source = Files.createDirectories(home.resolve("stub-sources")).resolve(module.getValue() + ".java");
            try (InputStream in = StubRepository.class.getResourceAsStream("/stub-services/" + module.getValue() + ".java")) {
                Files.write(source, in.readAllBytes());
            }
            int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                    "-d", target.resolve("classes").toString(), source.toString());
            if (status != 0) {
                throw new IllegalStateException("cannot compile the stub " + source);
            }
            Files.writeString(target.resolve("runtime.classpath"), "");
        }
    }

    /** A valid site model with two OPC UA servers on the given ports, one tag each. */
    static Path site(Path dir, String fileName, int port1, int port2) throws IOException {
        return Files.writeString(dir.resolve(fileName), """
                apiVersion: plumeline/v1
                site: {id: test-site, name: Test site, timezone: UTC, program: EPA_PART98, gwp: AR5}
                servers:
                  - {id: dcs-1, endpoint: "opc.tcp://127.0.0.1:%d/plumeline"}
                  - {id: dcs-2, endpoint: "opc.tcp://127.0.0.1:%d/plumeline"}
                units:
                  - {id: heater-1, name: Heater}
                tags:
                  - {id: heater-1.fuel_gas_flow, unit: heater-1, server: dcs-1, node: "nsu=urn:test;s=Flow", uom: Nm3/h, samplingMs: 1000}
                  - {id: heater-1.stack_o2, unit: heater-1, server: dcs-2, node: "nsu=urn:test;s=O2", uom: vol%%, samplingMs: 1000}
                """.formatted(port1, port2));
    }
}
