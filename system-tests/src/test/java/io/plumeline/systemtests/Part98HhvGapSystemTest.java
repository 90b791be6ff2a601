package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.core.emissions.InputFill;
import io.plumeline.core.lineage.InputTrace;
import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.LineageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's pipeline acceptance point: a Part 98 source whose HHV tag is BAD for 20 minutes of an hour reports the
 * §98.35(b)(1) value through the real pipeline ({@link Pipeline}), and its row says what was substituted and how.
 *
 * <p>The simulator's clock runs {@value #SPEED}× (a tick every 2 min of plant time, one a wall second) from an hour two
 * days back, so the hour passes in 30 s and its readings carry their plant time; the HHV's ticks 5–14 (00:10 to
 * 00:28, each held to the next) are served Bad by the simulator's fault window. The fuel flow is 1,200 Nm3/h
 * throughout; the HHV is 38.0 MJ/Nm3 before the gap and 40.0 after it (a step inside the gap, at 00:20).
 */
class Part98HhvGapSystemTest {

    private static final double SPEED = 120;
    /** Tick 32 (01:04) moves the watermark past the hour's end (PT5S out of orderness): hour 00:00 is computed. */
    private static final int TICKS = 35;
    /** On the hour; inside the 90 days InfluxDB keeps raw telemetry. */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
    private static Pipeline pipeline;

    @BeforeAll
    static void startThePipeline() throws Exception {
        pipeline = Pipeline.start(Services.ROOT.resolve("system-tests/target/part98-hhv-gap"), opcPort -> """
                apiVersion: plumeline/v1
                site: {id: hhv-gap, name: HHV gap, timezone: America/Chicago, program: EPA_PART98, gwp: AR5}
                servers:
                  - {id: sim, endpoint: "opc.tcp://127.0.0.1:%d/plumeline"}
                units:
                  - {id: boiler, name: Boiler}
                tags:
                  - {id: boiler.fuel_gas_flow, unit: boiler, server: sim, node: "nsu=urn:test:plant;s=Boiler/FuelGasFlow", uom: Nm3/h, valid: {min: 0, max: 5000}}
                  - {id: boiler.fuel_gas_hhv, unit: boiler, server: sim, node: "nsu=urn:test:plant;s=Boiler/FuelGasHHV", uom: MJ/Nm3, valid: {min: 30, max: 50}}
                sources:
                  - {id: boiler.stack, unit: boiler, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                     inputs: {fuelQuantity: boiler.fuel_gas_flow, hhv: boiler.fuel_gas_hhv}}
                """.formatted(opcPort), """
                boiler.fuel_gas_flow: {shape: constant, value: 1200}
                boiler.fuel_gas_hhv: {shape: step, high: 38.0, low: 40.0, periodS: 4800, duty: 0.25}
                """, "--speed", String.valueOf(SPEED), "--start", START.toString(), "--ticks", String.valueOf(TICKS),
                "--fault", "boiler.fuel_gas_hhv:5-14");
    }

    @AfterAll
    static void stopThePipeline() throws Exception {
        if (pipeline != null) pipeline.close();
    }

    @Test
    void theHourWithAnHhvGapReportsTheMeanOfBeforeAndAfterAndSaysSo() {
        String range = "&from=" + START + "&to=" + START.plus(Duration.ofHours(1));
        pipeline.stage("Hourly CO2 in the API", () -> Api.await(Duration.ofSeconds(TICKS + 180),
                () -> pipeline.api.get("/api/v1/emissions?source=boiler.stack&gas=CO2" + range).path("rows").size() == 1,
                () -> "CO2 hour of boiler.stack: " + pipeline.api.get("/api/v1/emissions?source=boiler.stack" + range)
                        + "; logs under " + pipeline.logs()));
        JsonNode row = pipeline.api.get("/api/v1/emissions?source=boiler.stack&gas=CO2" + range).at("/rows/0");

        // By hand, 40 CFR 98.33 Eq. C-2a with §98.35(b)(1) for the missing HHV:
        //   fuel: every flow tick GOOD, 1,200 Nm3/h × 1 h = 1,200 Nm3, all of it counted;
        //   HHV gap 00:10–00:30: mean of the QA values before (38.0, tick 4) and after (40.0, tick 15) = 39.0 MJ/Nm3;
        //   the hour's HHV weighted by the fuel (Eq. C-2b, constant flow): (10 × 38.0 + 20 × 39.0 + 30 × 40.0) / 60
        //   = 2,360 / 60 = 39.33333 MJ/Nm3; heat input = 1,200 × 39.33333 = 47,200 MJ = 47,200 / 1,055.05585 MJ/mmBtu
        //   = 44.736968 mmBtu; CO2 = 44.736968 × 59.00 kg/mmBtu = 2,639.4811 kg.
        // (Dropping the gap gives 1,767.1 kg, the last value over it 2,617.1 kg, the mean of GOOD HHV alone 2,650.7 kg.)
        assertThat(row.path("massKg").asDouble()).as(row.toString()).isCloseTo(2_639.4811, within(1e-3));
        assertThat(row.path("method").asText()).isEqualTo("EPA_C2A");
        // both inputs GOOD 40 of 60 minutes as measured; the 20 filled minutes are substituted, by the rule named
        assertThat(row.path("availabilityPct").asDouble()).isCloseTo(100.0 * 40 / 60, within(1e-9));
        assertThat(row.path("substitutedMin").asDouble()).isCloseTo(20, within(1e-9));
        assertThat(row.path("substituted").asBoolean()).isTrue();
        assertThat(row.path("substitutionTier").asText()).isEqualTo("EPA_PART98_MEAN_BEFORE_AFTER");
        // CH4 by Eq. C-8 from the same heat input: 44.736968 × 3.0e-3 = 0.1342109 kg
        JsonNode ch4 = pipeline.api.get("/api/v1/emissions?source=boiler.stack&gas=CH4" + range).at("/rows/0");
        assertThat(ch4.path("massKg").asDouble()).isCloseTo(0.1342109, within(1e-6));

        // the lineage lists the filled input: which rule, its citation, 20 minutes at 39.0 MJ/Nm3, no fallback
        LineageRecord record = LineageJson.read(pipeline.api.get("/api/v1/lineage/" + row.path("lineageId").asText())
                .path("record").toString());
        assertThat(record.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.input()).isEqualTo("hhv");
            assertThat(fill.rule()).isEqualTo("EPA_PART98_MEAN_BEFORE_AFTER");
            assertThat(fill.citation()).isEqualTo("40 CFR 98.35(b)(1)");
            assertThat(fill.minutes()).isCloseTo(20, within(1e-9));
            assertThat(fill.value()).isCloseTo(39.0, within(1e-9));
            assertThat(fill.uom()).isEqualTo("MJ/Nm3");
            assertThat(fill.fallback()).isNull();
        });
        assertThat(record.fills()).noneMatch(InputFill::fromBackup);
        // 30 HHV readings in the hour, ticks 5–14 BAD; the fuel all GOOD and all of it used
        InputTrace hhv = record.input("hhv").orElseThrow();
        assertThat(hhv.good()).isEqualTo(20);
        assertThat(hhv.bad()).isEqualTo(10);
        assertThat(hhv.used()).isCloseTo(2_360.0 / 60, within(1e-9));
        InputTrace fuel = record.input("fuelQuantity").orElseThrow();
        assertThat(fuel.bad()).isZero();
        assertThat(fuel.used()).isCloseTo(1_200.0, within(1e-9));
    }
}
