package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.simulator.SourceClock;
import io.plumeline.simulator.profile.ProfileSet;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.Folders;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import io.plumeline.stack.Ports;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole backbone with real processes: plant simulator (Milo server) → edge collector (Milo client,
 * Kafka producer) → Kafka broker → Flink job (MiniCluster) → InfluxDB → reporting service (REST).
 *
 * <p>The simulator plays {@value #TICKS} ticks per tag, two minutes of plant time apart ({@code --speed 120},
 * one tick a second), starting on the hour, and only once the collector has subscribed to every tag, so the
 * exact set of readings that must arrive is known: count, timestamps and values of every tick.
 */
class PipelineSystemTest {

    private static final int TICKS = 70;
    /** On the hour, and recent: raw telemetry older than its retention period (90 days) is refused by InfluxDB. */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
    private static final double SPEED = 120;
    private static final String FAULTY_TAG = "heater.stack_o2";
    private static final int FAULT_FIRST = 10;
    private static final int FAULT_LAST = 14;

    /** Kept after the run (under target/), so that the services' logs can be read when something fails. */
    private static final Path work = Services.ROOT.resolve("system-tests/target/pipeline");

    private static final Map<String, Duration> STAGES = new LinkedHashMap<>();
    private static final List<AutoCloseable> RUNNING = new ArrayList<>();
    private static SiteModel model;
    private static InfluxDbServer influx;
    private static Api api;
    private static ChildProcess simulator;

    @BeforeAll
    static void startThePipeline() throws IOException {
        Folders.deleteRecursively(work);
        Folders.create(work);
        int opcPort = Ports.free();
        Path site = work.resolve("site.yaml");
        Files.writeString(site, """
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
                sources:
                  - {id: heater.stack, unit: heater, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                     inputs: {fuelQuantity: heater.fuel_gas_flow, hhv: heater.fuel_gas_hhv}, substitution: NONE}
                streams:
                  - {id: crude-in, to: cdu, massFlow: cdu.crude_feed, material: crude}
                limits:
                  - {tag: heater.stack_nox, max: 100, averaging: PT1H}
                """.formatted(opcPort));
        Path profiles = work.resolve("profiles.yaml");
        Files.writeString(profiles, """
                heater.fuel_gas_flow: {shape: sine, mean: 1200, amplitude: 150, periodS: 1800, phase: 0.3}
                heater.fuel_gas_hhv: {shape: constant, value: 38.5}
                heater.stack_o2: {shape: sine, mean: 3.5, amplitude: 0.5, periodS: 2400}
                """);
        model = SiteModelLoader.load(site);
        Path logs = work.resolve("logs");

        stage("InfluxDB start", () -> {
            influx = InfluxDbServer.start(work.resolve("influxdb"), Ports.free(), logs.resolve("influxdb.log"),
                    InfluxDbServer.DEFAULT_START_TIMEOUT);
            RUNNING.add(influx);
        });
        KafkaBroker[] kafka = new KafkaBroker[1];
        stage("Kafka start", () -> {
            kafka[0] = KafkaBroker.start(work.resolve("kafka"), Ports.free(), Ports.free(), logs.resolve("kafka.log"),
                    KafkaBroker.DEFAULT_START_TIMEOUT);
            RUNNING.add(kafka[0]);
            kafka[0].createTopic("plumeline.telemetry", 4);
            kafka[0].createTopic("plumeline.telemetry.dlq", 1);
        });
        String bootstrap = kafka[0].bootstrapServers();
        stage("Flink job start", () -> {
            ChildProcess flink = started(Services.launch("flink-jobs", "io.plumeline.flink.PlumelineJob", logs,
                    "--site", site.toString(), "--kafka", bootstrap, "--influx", influx.url(),
                    "--checkpoint-dir", work.resolve("checkpoints").toUri().toString()));
            flink.awaitLogLine(Pattern.compile("PlumelineJob running"), Duration.ofSeconds(120));
        });
        int apiPort = Ports.free();
        api = new Api("http://127.0.0.1:" + apiPort);
        stage("Reporting service start", () -> {
            ChildProcess reporting = started(Services.launch("reporting-service", "io.plumeline.reporting.ReportingApplication",
                    logs, "--plumeline.sites=" + site, "--plumeline.influx.url=" + influx.url(), "--server.port=" + apiPort,
                    "--spring.config.import=file:" + Services.ROOT.resolve("examples/demo-users.properties")));
            reporting.awaitReady(() -> api.get("/actuator/health").path("status").asText().equals("UP"),
                    Duration.ofSeconds(120), "health is not UP");
        });
        stage("Simulator start", () -> {
            simulator = started(Services.launch("plant-simulator", "io.plumeline.simulator.PlantSimulator", logs,
                    "--site", site.toString(), "--server", "sim", "--speed", String.valueOf(SPEED), "--start", START.toString(),
                    "--seed", "7", "--profiles", profiles.toString(), "--ticks", String.valueOf(TICKS),
                    "--fault", FAULTY_TAG + ":" + FAULT_FIRST + "-" + FAULT_LAST,
                    "--await-items", String.valueOf(model.tags().size())));
            simulator.awaitLogLine(Pattern.compile("PlantSimulator ready on"), Duration.ofSeconds(60));
        });
        stage("Collector start", () -> started(Services.launch("edge-collector", "io.plumeline.edge.EdgeCollector", logs,
                "--site", site.toString(), "--kafka", bootstrap)));
    }

    @AfterAll
    static void stopThePipeline() throws Exception {
        for (int i = RUNNING.size() - 1; i >= 0; i--) {
            RUNNING.get(i).close();
        }
        StringBuilder report = new StringBuilder("stage\tseconds\n");
        STAGES.forEach((name, d) -> report.append(name).append('\t').append(d.toMillis() / 1000.0).append('\n'));
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

        JsonNode telemetry = api.get("/api/v1/telemetry?tag=heater.fuel_gas_flow&from=" + START + "&to=" + START.plusSeconds(4 * 3600));
        assertThat(telemetry.path("uom").asText()).isEqualTo("Nm3/h");
        assertThat(telemetry.path("points").size()).isEqualTo(TICKS);
        JsonNode emissions = api.get("/api/v1/emissions?source=heater.stack&gas=CO2&from=" + START + "&to=" + START.plusSeconds(2 * 3600));
        assertThat(emissions.path("rows").size()).isEqualTo(2);
        assertThat(emissions.at("/rows/0/massKg").asDouble()).isCloseTo(2583.56, within(2583.56 * 1e-4));
        assertThat(emissions.at("/rows/0/method").asText()).isEqualTo("EPA_C2A");
        assertThat(influx.count("plumeline", "raw", "telemetry", "status")).as("no duplicate points").isEqualTo(expectedPoints);
    }

    private static ChildProcess started(ChildProcess process) {
        RUNNING.add(() -> process.stop(Duration.ofSeconds(20)));
        return process;
    }

    private interface Stage {
        void run() throws Exception;
    }

    private static void stage(String name, Stage stage) {
        long t0 = System.nanoTime();
        try {
            stage.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        } finally {
            STAGES.put(name, Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
