package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several server entries are played by one process, from one ticker, so that their source clocks agree. */
class SeveralServersTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void playsEveryNamedServerOnOneClock(@TempDir Path dir) throws Exception {
        Path site = TestSites.siteWithFreePorts(dir);
        try (Simulation simulation = Simulation.start(PlantSimulator.settings("--site", site.toString(),
                "--server", "dcs-1", "--server", "dcs-2", "--speed", "10", "--start", START.toString(), "--ticks", "3"))) {
            assertThat(simulation.endpointUrls()).hasSize(2);
            assertThat(simulation.ticksProduced()).containsOnlyKeys(
                    "heater-1.fuel_gas_flow", "heater-1.fuel_gas_hhv", "boiler-1.steam_flow", "boiler-1.stack_temp");
            Thread.sleep(3000); // the third tick of the 1,000 ms tag is due after 2 s

            OpcUaClient dcs1 = OpcUaClient.create(simulation.endpointUrls().get(0));
            OpcUaClient dcs2 = OpcUaClient.create(simulation.endpointUrls().get(1));
            try {
                dcs1.connect();
                dcs2.connect();
                DataValue flow = read(dcs1, TestSites.DCS_NAMESPACE, "Plant/Unit1/Furnace/FuelGasFlow");
                DataValue stackTemp = read(dcs2, TestSites.DCS_NAMESPACE, "Plant/Boiler/StackTemp");
                // The third and last tick (k = 2) on both servers: START + k × samplingMs × speed of each tag.
                assertThat(flow.sourceTime().getJavaInstant()).isEqualTo(START.plusMillis(2 * 200 * 10));
                assertThat(stackTemp.sourceTime().getJavaInstant()).isEqualTo(START.plusMillis(2 * 1000 * 10));
            } finally {
                dcs1.disconnect();
                dcs2.disconnect();
            }
        }
    }

    private static DataValue read(OpcUaClient client, String namespaceUri, String id) throws Exception {
        client.readNamespaceTable();
        NodeId node = new NodeId(client.getNamespaceTable().getIndex(namespaceUri), id);
        return client.readValue(0, TimestampsToReturn.Both, node);
    }
}
