package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.Folders;
import io.plumeline.stack.Ports;
import io.plumeline.stack.StackLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./plumeline run} against a server that replays old data, as an RTU or data logger does when its link
 * comes back (system-tests/src/test/node/replay-server.js, on node-opcua): each tag first holds
 * BadWaitingForInitialData stamped now, then three whole hours of plant data from two days ago come at full speed,
 * then live data. Every replayed source-hour must be accounted (docs/processes.md, event time and late readings):
 * a BAD reading stamped now must not make the replayed hours too late to count.
 */
class ReplayedHistorySystemTest {

    private static final String SITE = "replay-plant";
    private static final Path NODE_DIR = Services.ROOT.resolve("system-tests/src/test/node");
    private static final Path WORK = Services.ROOT.resolve("system-tests/target/replayed-history");
    private static final Pattern REPLAY_FROM = Pattern.compile("replay from (\\S+) to (\\S+)");
    private static ChildProcess server;
    private static int port;

    @BeforeAll
    static void startTheReplayingServer() throws IOException {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/node-opcua-server"))) {
            throw new IllegalStateException("node-opcua is not installed in " + NODE_DIR
                    + ": ./plumeline test installs it (npm ci in that folder)");
        }
        // this site's Kafka, Flink and InfluxDB data from an earlier run would hold its readings: start from nothing
        Folders.deleteRecursively(new StackLayout(Services.ROOT, SITE).siteData());
        Files.createDirectories(WORK);
        port = Ports.free();
        server = ChildProcess.start("replay server", List.of("node", "replay-server.js", String.valueOf(port)), NODE_DIR,
                WORK.resolve("replay-server.log"));
        server.awaitLogLine(Pattern.compile("replay server ready"), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) server.stop(Duration.ofSeconds(10));
    }

    @Test
    void everyReplayedHourIsAccountedWithinAMinuteOfItsLastReading() throws IOException {
        Path site = Files.writeString(WORK.resolve("replay.yaml"), """
                apiVersion: plumeline/v1
                site: {id: %s, name: Replaying logger, timezone: Europe/Berlin, program: EU_ETS, gwp: AR5}
                servers:
                  - {id: rtu-1, endpoint: "opc.tcp://127.0.0.1:%d/replay"}
                units:
                  - {id: boiler, name: Boiler}
                tags:
                  - {id: boiler.fuel_gas_flow, unit: boiler, server: rtu-1, node: "nsu=urn:plumeline:test:replay;s=Logger.FuelGasFlow", uom: Nm3/h, samplingMs: 50}
                  - {id: boiler.fuel_gas_ncv, unit: boiler, server: rtu-1, node: "nsu=urn:plumeline:test:replay;s=Logger.FuelGasNcv", uom: MJ/Nm3, samplingMs: 50}
                sources:
                  - id: boiler.stack
                    unit: boiler
                    category: stationary_combustion
                    method: EU_MRR_STD
                    fuel: natural_gas
                    inputs: {fuelQuantity: boiler.fuel_gas_flow, ncv: boiler.fuel_gas_ncv, emissionFactor: {value: 56.1, uom: tCO2/TJ}}
                """.formatted(SITE, port));
        Path output = WORK.resolve("run-command.log");
        try (StackCommand run = StackCommand.start(output, "run", "--site", site.toString(), "--for", "6m")) {
            server.awaitLogLine(Pattern.compile("replay done"), Duration.ofSeconds(300));
            Instant replayDone = Instant.now();
            Matcher replay = REPLAY_FROM.matcher(Files.readString(server.logFile()));
            assertThat(replay.find()).as("the server logs the replayed interval").isTrue();
            Instant from = Instant.parse(replay.group(1));
            Instant to = Instant.parse(replay.group(2));

            // Reg. (EU) 2018/2066 Art. 24: Em [t] = AD [TJ] × EF × OF, AD = fuel × NCV; OF defaults to 1
            // (docs/calculations.md). The server holds each hour's flow steady, one value a minute, NCV 36 MJ/Nm3:
            //   hour 1: 1000 Nm3/h × 1 h = 1000 Nm3 × 36 MJ/Nm3 = 0.0360 TJ × 56.1 tCO2/TJ = 2.01960 t = 2019.60 kg
            //   hour 2: 1200 Nm3/h × 1 h = 1200 Nm3 × 36 MJ/Nm3 = 0.0432 TJ × 56.1 tCO2/TJ = 2.42352 t = 2423.52 kg
            //   hour 3:  900 Nm3/h × 1 h =  900 Nm3 × 36 MJ/Nm3 = 0.0324 TJ × 56.1 tCO2/TJ = 1.81764 t = 1817.64 kg
            // Every minute has a GOOD sample of both inputs (held 1 min, within the 5 min max hold): 100 % available.
            double[] expectedKg = {2019.60, 2423.52, 1817.64};
            Api.await(Duration.ofSeconds(60), () -> co2Rows(from, to).size() == 3,
                    () -> "emissions rows of the replayed hours " + from + ".." + to + " within a minute of the last"
                            + " replayed reading (" + replayDone + "): " + co2Rows(from, to) + "; see " + output);
            List<JsonNode> rows = co2Rows(from, to);
            for (int hour = 0; hour < 3; hour++) {
                JsonNode row = rows.get(hour);
                assertThat(Instant.parse(row.path("start").asText())).isEqualTo(from.plus(Duration.ofHours(hour)));
                assertThat(row.path("massKg").asDouble()).as("CO2 of hour %d", hour + 1).isCloseTo(expectedKg[hour], within(1e-6));
                assertThat(row.path("availabilityPct").asDouble()).as("availability of hour %d", hour + 1).isEqualTo(100.0);
                assertThat(row.path("method").asText()).isEqualTo("EU_MRR_STD");
            }

            // every replayed reading is stored, whatever the accounting made of it: 3 h × 60 per tag
            for (String tag : List.of("boiler.fuel_gas_flow", "boiler.fuel_gas_ncv")) {
                List<JsonNode> points = points(tag, from, to);
                assertThat(points).as(tag).hasSize(180);
                assertThat(points).as(tag).allSatisfy(p -> assertThat(p.path("quality").asText()).isEqualTo("GOOD"));
            }
        }
    }

    private static List<JsonNode> co2Rows(Instant from, Instant to) {
        JsonNode answer = StackCommand.API.get("/api/v1/emissions?source=boiler.stack&gas=CO2&interval=PT1H&from=" + from
                + "&to=" + to);
        return StreamSupport.stream(answer.path("rows").spliterator(), false)
                .sorted((a, b) -> a.path("start").asText().compareTo(b.path("start").asText())).toList();
    }

    private static List<JsonNode> points(String tag, Instant from, Instant to) {
        JsonNode answer = StackCommand.API.get("/api/v1/telemetry?tag=" + tag + "&from=" + from + "&to=" + to);
        return StreamSupport.stream(answer.path("points").spliterator(), false).toList();
    }
}
