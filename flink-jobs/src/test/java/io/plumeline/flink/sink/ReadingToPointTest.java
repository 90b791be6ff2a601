package io.plumeline.flink.sink;

import static io.plumeline.flink.TestSite.BAD_SENSOR_FAILURE;
import static io.plumeline.flink.TestSite.CRUDE;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.flink.TestSite;
import io.plumeline.flink.influx.InfluxPoint;
import java.time.Instant;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.junit.jupiter.api.Test;

class ReadingToPointTest {

    private static final Instant TS = Instant.parse("2026-11-26T04:00:00.5Z");

    private final ReadingToPoint toPoint = new ReadingToPoint(TestSite.model());

    @Test
    void aReadingIsATelemetryPointWithTheUnitOfItsTag() {
        toPoint.open(DefaultOpenContext.INSTANCE);

        assertThat(toPoint.map(reading(FLOW, TS, 1203.4, GOOD))).isEqualTo(InfluxPoint.raw(
                "telemetry,site=test-refinery,tag=heater-1.fuel_gas_flow,unit=heater-1"
                        + " value=1203.4,status=0,quality=\"GOOD\" 1795665600500000000"));
        assertThat(toPoint.map(reading(CRUDE, TS, 410.0, GOOD)).line()).startsWith(
                "telemetry,site=test-refinery,tag=cdu-1.crude\\ feed\\,a\\=b,unit=cdu-1 value=410,");
    }

    @Test
    void aBadReadingHasNoValueButKeepsItsStatusAndQuality() {
        toPoint.open(DefaultOpenContext.INSTANCE);

        assertThat(toPoint.map(reading(FLOW, TS, null, BAD_SENSOR_FAILURE)).line()).isEqualTo(
                "telemetry,site=test-refinery,tag=heater-1.fuel_gas_flow,unit=heater-1"
                        + " status=2156789760,quality=\"BAD\" 1795665600500000000");
    }
}
