package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The acceptance run of the backbone: {@code ./plumeline demo --for 3m --speed 60} starts everything; while
 * it runs the API serves readings and at least one complete hour of an EPA_C5 source (the refinery heaters burn
 * fuel gas: 40 CFR 98.252(a)), and every example the README gives for a running demo works as printed; then it stops
 * everything and exits 0 with its summary.
 */
class DemoCommandSystemTest {

    @Test
    void theDemoServesReadingsAndACompleteHourThenStopsCleanly() {
        Path output = Services.ROOT.resolve("system-tests/target/demo-command.log");
        try (StackCommand demo = StackCommand.start(output, "demo", "--for", "3m", "--speed", "60")) {
            // The simulated plant runs 60 times faster than the wall clock, from now on.
            String range = "&from=" + Instant.now().minus(Duration.ofDays(1)) + "&to=" + Instant.now().plus(Duration.ofDays(2));
            Api.await(Duration.ofSeconds(150), () -> StackCommand.API.get("/api/v1/telemetry?tag=heater-1.fuel_gas_flow"
                    + range)
                    .path("points").size() > 0, () -> "no readings of heater-1.fuel_gas_flow; " + output);

            Api.await(Duration.ofSeconds(200), () -> completeHours(StackCommand.API.get(
                    "/api/v1/emissions?source=heater-1.stack&gas=CO2&interval=PT1H" + range)) > 0,
                    () -> "no complete hour for heater-1.stack; " + output);
            JsonNode hour = StreamSupport.stream(StackCommand.API.get("/api/v1/emissions?source=heater-1.stack&gas=CO2"
                    + range).path("rows").spliterator(), false).filter(r -> r.path("availabilityPct").asDouble() > 99.99)
                    .findFirst().orElseThrow();
            assertThat(hour.path("method").asText()).isEqualTo("EPA_C5");
            // The demo's defaults: fuel gas about 2,500 Nm3/h at about 40 MJ/Nm3 → about 5.6 t CO2 an hour.
            assertThat(hour.path("massKg").asDouble()).isBetween(3_000.0, 9_000.0);
            ReadmeExamples.assertEachAnswersWithData(Services.ROOT.resolve("README.md"));

            assertThat(demo.awaitExit(Duration.ofSeconds(240))).as(demo.output()).isZero();
            assertThat(demo.output()).contains("readings collected").contains("emission hours").contains(".plumeline")
                    .contains("http://127.0.0.1:8080").containsPattern("result +stopped cleanly");
        }
    }

    private static long completeHours(JsonNode emissions) {
        return StreamSupport.stream(emissions.path("rows").spliterator(), false)
                .filter(r -> r.path("availabilityPct").asDouble() > 99.99).count();
    }
}
