package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InfluxDbServerTest {

    @Test
    void startsAcceptsWritesAnswersQueriesAndRemovesItsDataWhenClosed() {
        Path dataDir;
        try (InfluxDbServer influx = InfluxDbServer.startTemporary()) {
            dataDir = influx.dataDir();
            assertThat(influx.url()).isEqualTo("http://127.0.0.1:" + influx.port());
            assertThat(Ports.isFree("127.0.0.1", influx.port())).isFalse();

            influx.createDatabase("plumeline");
            Instant first = Instant.parse("2026-11-26T04:00:00.500Z");
            String series = "telemetry,site=s1,unit=heater-1,tag=heater-1.fuel_gas_flow ";
            influx.write("plumeline", String.join("\n",
                    series + "value=1203.4,status=0,quality=\"GOOD\" " + nanos(first),
                    series + "value=1210.0,status=0,quality=\"GOOD\" " + nanos(first.plusSeconds(1)),
                    series + "status=2156134400,quality=\"BAD\" " + nanos(first.plusSeconds(2))));

            JsonNode answer = influx.query("plumeline",
                    "SELECT value, quality FROM telemetry WHERE \"tag\" = 'heater-1.fuel_gas_flow' ORDER BY time");
            JsonNode values = answer.path("results").path(0).path("series").path(0).path("values");
            assertThat(values).hasSize(3);
            assertThat(values.get(0).get(0).asText()).isEqualTo("2026-11-26T04:00:00.5Z");
            assertThat(values.get(0).get(1).asDouble()).isEqualTo(1203.4);
            assertThat(values.get(2).get(1).isNull()).isTrue();
            assertThat(values.get(2).get(2).asText()).isEqualTo("BAD");

            assertThat(influx.count("plumeline", "telemetry", "status")).isEqualTo(3);
            assertThat(influx.count("plumeline", "telemetry", "value")).isEqualTo(2);
            assertThat(influx.count("plumeline", "emissions", "mass_kg")).isZero();
            assertThat(influx.count("no_such_db", "telemetry", "status")).isZero();
            assertThatThrownBy(() -> influx.write("plumeline", "telemetry,site=s1 status=1i " + nanos(first)))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("field type conflict");
        }
        assertThat(Files.exists(dataDir)).isFalse();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
