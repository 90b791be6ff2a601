package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.SourceHourAccount;
import io.plumeline.core.lineage.InputTrace;
import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.LineageRecompute;
import io.plumeline.core.lineage.LineageRecord;
import io.plumeline.core.lineage.Sha256;
import io.plumeline.core.site.SiteModel;
import io.plumeline.simulator.SourceClock;
import io.plumeline.simulator.profile.ProfileSet;
import io.plumeline.stack.InfluxDbServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole backbone with real processes: plant simulator (Milo server) → edge collector (Milo client,
 * Kafka producer) → Kafka broker → Flink job (MiniCluster) → InfluxDB → reporting service (REST).
 *
 * <p>The simulator plays {@value #TICKS} ticks per tag, two minutes of plant time apart ({@code --speed 120},
 * one tick a second), starting on the hour, and only once the collector has subscribed to every tag, so the
 * exact set of readings that must arrive is known: count, timestamps and values of every tick. The crude unit's
 * streams make a production chain whose products the heater's emissions reach.
 */
class PipelineSystemTest {

    private static final int TICKS = 70;
    /** On the hour, and recent: raw telemetry older than its retention period (90 days) is refused by InfluxDB. */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
    private static final double SPEED = 120;
    private static final String FAULTY_TAG = "heater.stack_o2";
    private static final int FAULT_FIRST = 10;
    private static final int FAULT_LAST = 14;

    private static Pipeline pipeline;
    private static SiteModel model;
    private static InfluxDbServer influx;
    private static Api api;
    private static Path work;

    @BeforeAll
    static void startThePipeline() throws IOException {
        pipeline = Pipeline.start(Services.ROOT.resolve("system-tests/target/pipeline"), opcPort -> """
                apiVersion: plumeline/v1
                site: {id: test-refinery, name: Test refinery, timezone: Asia/Shanghai, program: EPA_PART98, gwp: AR5}
                servers:
                  - {id: sim, endpoint: "opc.tcp://127.0.0.1:%d/plumeline"}
                units:
                  - {id: cdu, name: Crude unit}
                  - {id: heater, name: Charge heater, parent: cdu}
                tags:
                  - {id: heater.fuel_gas_flow, unit: heater, server: sim, node: "nsu=urn:test:plant;s=Heater/FuelGasFlow", uom: Nm3/h, valid: {min: 0, max: 5000}}
                  - {id: heater.fuel_gas_hhv, unit: heater, server: sim, node: "nsu=urn:test:plant;s=Heater/FuelGasHHV", uom: MJ/Nm3, valid: {min: 30, max: 50}}
                  - {id: heater.stack_o2, unit: heater, server: sim, node: "nsu=urn:test:plant;s=Heater/Stack/O2", uom: vol%%, valid: {min: 0, max: 21}}
                  - {id: heater.stack_nox, unit: heater, server: sim, node: "nsu=urn:test:plant;i=3001", uom: mg/Nm3, valid: {min: 0, max: 200}}
                  - {id: cdu.crude_feed, unit: cdu, server: sim, node: "nsu=urn:test:utilities;s=CDU/CrudeFeed", uom: t/h, valid: {min: 0, max: 800}}
                  - {id: cdu.diesel_flow, unit: cdu, server: sim, node: "nsu=urn:test:utilities;s=CDU/Diesel", uom: t/h, valid: {min: 0, max: 400}}
                  - {id: cdu.residue_flow, unit: cdu, server: sim, node: "nsu=urn:test:utilities;s=CDU/Residue", uom: t/h, valid: {min: 0, max: 400}}
                sources:
                  - {id: heater.stack, unit: heater, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                     inputs: {fuelQuantity: heater.fuel_gas_flow, hhv: heater.fuel_gas_hhv}}
                streams:
                  - {id: crude-in, to: cdu, massFlow: cdu.crude_feed, material: crude}
                  - {id: diesel-out, from: cdu, product: diesel, massFlow: cdu.diesel_flow, material: diesel}
                  - {id: residue-out, from: cdu, product: fuel_oil, massFlow: cdu.residue_flow, material: residue}
                limits:
                  - {tag: heater.stack_nox, max: 100, averaging: PT1H}
                """.formatted(opcPort), """
                heater.fuel_gas_flow: {shape: sine, mean: 1200, amplitude: 150, periodS: 1800, phase: 0.3}
                heater.fuel_gas_hhv: {shape: constant, value: 38.5}
                heater.stack_o2: {shape: sine, mean: 3.5, amplitude: 0.5, periodS: 2400}
                cdu.crude_feed: {shape: constant, value: 500}
                cdu.diesel_flow: {shape: constant, value: 200}
                cdu.residue_flow: {shape: constant, value: 300}
                """, "--speed", String.valueOf(SPEED), "--start", START.toString(), "--seed", "7",
                "--ticks", String.valueOf(TICKS), "--fault", FAULTY_TAG + ":" + FAULT_FIRST + "-" + FAULT_LAST);
        model = pipeline.model;
        influx = pipeline.influx();
        api = pipeline.api;
        work = pipeline.work;
    }

    @AfterAll
    static void stopThePipeline() throws Exception {
        if (pipeline == null) return;
        pipeline.close();
        StringBuilder report = new StringBuilder("stage\tseconds\n");
        pipeline.stages().forEach((name, d) -> report.append(name).append('\t').append(d.toMillis() / 1000.0).append('\n'));
        Path out = Services.ROOT.resolve("system-tests/target/stage-times.tsv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    @Test
    void everyTickArrivesOnceWithItsValueAndTimeAndTheHourlyCo2MatchesAHandCalculation() throws Exception {
        long expectedPoints = (long) TICKS * model.tags().size();
        stage("All ticks in InfluxDB", () -> Api.await(Duration.ofSeconds(TICKS + 120),
                () -> influx.count("plumeline", "raw", "telemetry", "status") >= expectedPoints,
                () -> "telemetry points: " + influx.count("plumeline", "raw", "telemetry", "status") + " of " + expectedPoints
                        + "; logs under " + work.resolve("logs")));

        ProfileSet profiles = ProfileSet.load(model, work.resolve("profiles.yaml"), 7, START);
        SourceClock clock = new SourceClock(START, SPEED);
        for (var tag : model.tags()) {
            JsonNode rows = influx.query("plumeline",
                    "SELECT value, status, quality FROM \"raw\".telemetry WHERE \"tag\" = '" + tag.id() + "' ORDER BY time")
                    .at("/results/0/series/0/values");
            assertThat(rows.size()).as("points of %s", tag.id()).isEqualTo(TICKS);
            double sum = 0;
            double expectedSum = 0;
            for (int k = 0; k < TICKS; k++) {
                Instant ts = clock.sourceTime(tag.samplingMs(), k);
                JsonNode row = rows.get(k);
                assertThat(Instant.parse(row.get(0).asText())).as("time of tick %d of %s", k, tag.id()).isEqualTo(ts);
                boolean faulty = tag.id().equals(FAULTY_TAG) && k >= FAULT_FIRST && k <= FAULT_LAST;
                if (faulty) {
                    assertThat(row.get(1).isNull()).as("value of BAD tick %d", k).isTrue();
                    assertThat(row.get(3).asText()).isEqualTo("BAD");
                } else {
                    assertThat(row.get(3).asText()).isEqualTo("GOOD");
                    double expected = profiles.valueAt(tag.id(), ts);
                    assertThat(row.get(1).asDouble()).as("value of tick %d of %s", k, tag.id()).isCloseTo(expected, within(1e-9));
                    sum += row.get(1).asDouble();
                    expectedSum += expected;
                }
            }
            assertThat(sum).as("sum of %s", tag.id()).isCloseTo(expectedSum, within(1e-6));
        }

        // Hours 00:00 and 01:00 are complete (ticks 0–59); the last tick (02:18) moves the watermark past 02:00.
        String co2Hours = "SELECT mass_kg, availability_pct FROM \"forever\".emissions"
                + " WHERE source = 'heater.stack' AND gas = 'CO2' ORDER BY time";
        stage("Hourly CO2 in InfluxDB", () -> Api.await(Duration.ofSeconds(120),
                () -> influx.query("plumeline", co2Hours).at("/results/0/series/0/values").size() >= 2,
                () -> "CO2 hours of heater.stack: " + influx.query("plumeline", co2Hours) + "; logs under " + work.resolve("logs")));
        JsonNode hours = influx.query("plumeline", co2Hours).at("/results/0/series/0/values");
        // By hand: the fuel gas flow is a sine of period 30 min around 1,200 Nm3/h, sampled every 2 min and held
        // until the next sample; 15 samples make a whole period, so their sine terms cancel and the hour's
        // volume is exactly 1,200 Nm3. Heat input = 1,200 Nm3 × 38.5 MJ/Nm3 = 46,200 MJ = 46,200 × 9.478171e-4
        // = 43.78915 mmBtu. CO2 (Eq. C-2a, fuel gas EF 59.00 kg/mmBtu) = 43.78915 × 59.00 = 2,583.56 kg.
        assertThat(hours.size()).isGreaterThanOrEqualTo(2);
        for (int h = 0; h < 2; h++) {
            assertThat(Instant.parse(hours.get(h).get(0).asText())).isEqualTo(START.plusSeconds(3600L * h));
            assertThat(hours.get(h).get(1).asDouble()).as("CO2 of hour %d", h).isCloseTo(2583.56, within(2583.56 * 1e-4));
            assertThat(hours.get(h).get(2).asDouble()).as("availability of hour %d", h).isCloseTo(100.0, within(1e-9));
        }

        // The API reads a reportable source's tag from its record copy, written in its own request of the sink's
        // round: it may trail the raw copy checked above by the round's last batch.
        String flowPoints = "/api/v1/telemetry?tag=heater.fuel_gas_flow&from=" + START + "&to=" + START.plusSeconds(4 * 3600);
        stage("Telemetry API", () -> Api.await(Duration.ofSeconds(30), () -> api.get(flowPoints).path("points").size() >= TICKS,
                () -> "the API's points of heater.fuel_gas_flow: " + api.get(flowPoints).path("points").size()));
        JsonNode telemetry = api.get(flowPoints);
        assertThat(telemetry.path("uom").asText()).isEqualTo("Nm3/h");
        assertThat(telemetry.path("points").size()).isEqualTo(TICKS);
        JsonNode emissions = api.get("/api/v1/emissions?source=heater.stack&gas=CO2&from=" + START + "&to=" + START.plusSeconds(2 * 3600));
        assertThat(emissions.path("rows").size()).isEqualTo(2);
        assertThat(emissions.at("/rows/0/massKg").asDouble()).isCloseTo(2583.56, within(2583.56 * 1e-4));
        assertThat(emissions.at("/rows/0/method").asText()).isEqualTo("EPA_C2A");
        assertThat(influx.count("plumeline", "raw", "telemetry", "status")).as("no duplicate points").isEqualTo(expectedPoints);
    }

    /**
     * From a period total to its hours, to one hour's lineage, to that hour's raw readings, reconciling at each
     * step: the days add up to the hours, the hour's row is its lineage record's, the readings behind the record's
     * links are those it counts, and computing the hour again from them and the record gives the stored numbers
     * to the bit. Then the hour's CO2e reaches the products (the heater fires the crude unit, which sends diesel
     * 200 t/h and residue 300 t/h): diesel carries 200/500 of it, fuel oil 300/500, nothing is lost.
     */
    @Test
    void aPeriodTotalDrillsDownToItsHoursTheirLineageAndTheRawReadings() throws Exception {
        String co2eHours = "SELECT co2e_kg FROM \"forever\".emissions WHERE source = 'heater.stack' AND gas = 'CO2e'";
        stage("Hourly CO2e in InfluxDB", () -> Api.await(Duration.ofSeconds(TICKS + 240),
                () -> influx.query("plumeline", co2eHours).at("/results/0/series/0/values").size() >= 2,
                () -> "CO2e hours of heater.stack: " + influx.query("plumeline", co2eHours) + "; logs under " + work.resolve("logs")));
        Instant end = START.plusSeconds(2 * 3600);
        String range = "&from=" + START + "&to=" + end;

        // the period: the (local) days of the two complete hours
        JsonNode days = api.get("/api/v1/emissions?source=heater.stack&gas=CO2e&interval=P1D" + range).path("rows");
        JsonNode hours = api.get("/api/v1/emissions?source=heater.stack&gas=CO2e&interval=PT1H" + range).path("rows");
        assertThat(hours.size()).isEqualTo(2);
        double dayTotal = 0;
        for (JsonNode day : days) dayTotal += day.path("co2eKg").asDouble();
        double hourTotal = hours.get(0).path("co2eKg").asDouble() + hours.get(1).path("co2eKg").asDouble();
        assertThat(dayTotal).as("the days are their hours").isCloseTo(hourTotal, within(hourTotal * 1e-12));

        // one hour → its lineage
        JsonNode hour = hours.get(0);
        assertThat(Instant.parse(hour.path("start").asText())).isEqualTo(START);
        String lineageId = hour.path("lineageId").asText();
        JsonNode lineage = api.get("/api/v1/lineage/" + lineageId);
        assertThat(lineage.path("lineageId").asText()).as(lineage.toString()).isEqualTo(lineageId);
        LineageRecord record = LineageJson.read(lineage.path("record").toString());
        assertThat(record.source()).isEqualTo("heater.stack");
        assertThat(record.hourStart()).isEqualTo(START);
        assertThat(record.result("CO2e").orElseThrow().co2eKg()).isEqualTo(hour.path("co2eKg").asDouble());
        assertThat(record.siteModelSha256()).isEqualTo(Sha256.hex(Files.readString(work.resolve("site.yaml"))));
        assertThat(record.factorTables()).isNotEmpty();
        assertThat(record.gwp().tableId()).isEqualTo("GWP_AR5");

        // the lineage → the hour's raw readings; a tick every 2 min of plant time: 30 in the hour, all GOOD
        Map<String, List<Sample>> readings = new LinkedHashMap<>();
        assertThat(lineage.path("readings").size()).isEqualTo(2);
        for (JsonNode link : lineage.path("readings")) {
            JsonNode telemetry = api.get(link.path("href").asText());
            List<Sample> samples = new ArrayList<>();
            for (JsonNode p : telemetry.path("points")) {
                samples.add(new Sample(Instant.parse(p.path("ts").asText()),
                        "GOOD".equals(p.path("quality").asText()) ? p.path("value").asDouble() : null));
            }
            readings.put(link.path("tag").asText(), samples);
            InputTrace trace = record.input(link.path("input").asText()).orElseThrow();
            List<Sample> inHour = samples.stream().filter(x -> !x.ts().isBefore(START) && x.ts().isBefore(START.plusSeconds(3600))).toList();
            assertThat(inHour).as("readings of %s", link.path("tag").asText()).hasSize(30);
            assertThat(trace.good()).isEqualTo(30);
            assertThat(trace.bad()).isZero();
            assertThat(trace.first()).isEqualTo(inHour.get(0).ts());
            assertThat(trace.last()).isEqualTo(inHour.get(29).ts());
        }
        // the fuel of the hour by hand: the sine's 15 samples a period cancel, 1,200 Nm3/h for the hour
        assertThat(record.input("fuelQuantity").orElseThrow().used()).isCloseTo(1200.0, within(1200 * 1e-9));

        // the readings and the record → the stored numbers, every gas, exactly
        SourceHourAccount again = LineageRecompute.recompute(Files.readString(work.resolve("site.yaml")), "site.yaml",
                record, readings);
        JsonNode stored = api.get("/api/v1/emissions?source=heater.stack&from=" + START + "&to=" + START.plusSeconds(3600)).path("rows");
        assertThat(stored.size()).isEqualTo(again.emissions().size());
        for (JsonNode row : stored) {
            HourlyEmission e = again.emissions().stream().filter(x -> x.gas().equals(row.path("gas").asText())).findFirst().orElseThrow();
            assertThat(e.massKg()).as("mass of %s", e.gas()).isEqualTo(row.path("massKg").asDouble());
            assertThat(e.co2eKg()).as("CO2e of %s", e.gas()).isEqualTo(row.path("co2eKg").asDouble());
            assertThat(e.lineageId()).isEqualTo(row.path("lineageId").asText());
        }

        // the hours' CO2e → the products
        String productHours = "SELECT co2e_kg FROM \"forever\".product_intensity";
        stage("Product intensity in InfluxDB", () -> Api.await(Duration.ofSeconds(60),
                () -> influx.query("plumeline", productHours).at("/results/0/series/0/values").size() >= 4,
                () -> "product hours: " + influx.query("plumeline", productHours) + "; logs under " + work.resolve("logs")));
        JsonNode products = api.get("/api/v1/products/intensity" + range.replaceFirst("&", "?")).path("rows");
        assertThat(products.size()).as(products.toString()).isEqualTo(4);
        for (int h = 0; h < 2; h++) {
            double sourcesKg = hours.get(h).path("co2eKg").asDouble();
            double productsKg = 0;
            for (JsonNode p : products) {
                if (!Instant.parse(p.path("start").asText()).equals(START.plusSeconds(3600L * h))) continue;
                productsKg += p.path("co2eKg").asDouble();
                double share = p.path("product").asText().equals("diesel") ? 200.0 / 500 : 300.0 / 500;
                double massT = share * 500;
                assertThat(p.path("massT").asDouble()).as("mass of %s", p).isCloseTo(massT, within(massT * 1e-12));
                assertThat(p.path("co2eKg").asDouble()).as("CO2e of %s", p).isCloseTo(share * sourcesKg, within(sourcesKg * 1e-12));
                assertThat(p.path("intensityKgPerT").asDouble()).isCloseTo(share * sourcesKg / massT, within(1e-9));
            }
            assertThat(productsKg).as("hour %d: products carry all of the sources' CO2e", h)
                    .isCloseTo(sourcesKg, within(sourcesKg * 1e-9));
        }
        JsonNode conservation = influx.query("plumeline", "SELECT sources_co2e_kg, products_co2e_kg, unallocated_co2e_kg"
                + " FROM \"forever\".chain_hour WHERE time >= '" + START + "' AND time < '" + end + "'").at("/results/0/series/0/values");
        assertThat(conservation.size()).isEqualTo(2);
        for (JsonNode row : conservation) {
            double sources = row.get(1).asDouble();
            assertThat(row.get(2).asDouble() + row.get(3).asDouble()).isCloseTo(sources, within(sources * 1e-9));
            assertThat(row.get(3).asDouble()).isZero();
        }
    }

    private static void stage(String name, Pipeline.Stage stage) {
        pipeline.stage(name, stage);
    }
}
