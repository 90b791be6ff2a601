package io.plumeline.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Site models for the launcher's tests. */
final class TestSites {

    private TestSites() {
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
