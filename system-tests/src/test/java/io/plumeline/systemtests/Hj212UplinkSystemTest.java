package io.plumeline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's pipeline acceptance point: simulator → collector → Kafka → Flink → InfluxDB → hj212-uplink → a receiving
 * platform (the uplink's own {@code receive} mode, as a user checks a logger). A CEMS stack of a China site sends its
 * hour packets (CN 2061) of SO2 (a21026) and flue gas flow (a00000); its analyser's state tag reads 1 (calibration,
 * {@code hj212.status}) for the first 20 minutes of every second hour.
 *
 * <p>The simulator runs {@value #SPEED}× with tags sampled every 100 ms, as in the other pipeline tests, whose every
 * tick arrives: a tick every 36 s of plant time, at least one in every minute, from {@link #START}, on the hour.
 * SO2 50 mg/Nm3 and 120000 Nm3/h dry throughout: a valid minute sends out 50 × 120000 / 60 × 1e-6 = 0.1 kg of SO2
 * and 2000 m3 of flue gas. By hand:
 * <ul>
 *   <li>an odd hour from the start: 60 valid minutes, N, -Cou 6.0 kg SO2 (the job's SO2 mass of the hour,
 *   120000 × 50 × 1e-6) and 120000 m3;
 *   <li>an even hour: the state is 1 at the ticks 0 … 1,188 s into it and 0 from 1,224 s, so minutes 0 … 20 (the last
 *   holding the 1,188 s reading at its start) are calibration: 39 valid minutes, fewer than HJ 75's 45, so the hour
 *   goes out flagged C with -Cou 39 × 0.1 = 3.9 kg and 78000 m3.
 * </ul>
 */
class Hj212UplinkSystemTest {

    private static final int SPEED = 360;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Three days back, on the hour: plant time, 359 s ahead each wall second, stays in the past for the test. */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
    private static final int HOURS = 4;
    private static final Pattern FRAME = Pattern.compile("ACKNOWLEDGED .*?(##\\S+)");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static Pipeline pipeline;

    @BeforeAll
    static void startThePipeline() throws Exception {
        pipeline = Pipeline.start(Services.ROOT.resolve("system-tests/target/hj212-uplink"), opcPort -> """
                apiVersion: plumeline/v1
                site: {id: cn-stack, name: CEMS stack, timezone: Asia/Shanghai, program: CN_MEE, gwp: AR5}
                servers:
                  - {id: sim, endpoint: "opc.tcp://127.0.0.1:%d/plumeline"}
                units:
                  - {id: boiler, name: Boiler}
                tags:
                  - {id: boiler.so2, unit: boiler, server: sim, node: "nsu=urn:test:plant;s=Boiler/SO2", uom: mg/Nm3 dry, samplingMs: 100}
                  - {id: boiler.flow, unit: boiler, server: sim, node: "nsu=urn:test:plant;s=Boiler/Flow", uom: Nm3/h dry, samplingMs: 100}
                  - {id: boiler.cems_state, unit: boiler, server: sim, node: "nsu=urn:test:plant;s=Boiler/CemsState", uom: "1", samplingMs: 100}
                sources:
                  - id: boiler.stack
                    unit: boiler
                    category: process
                    method: POLLUTANT_MASS
                    inputs: {stackFlow: boiler.flow, so2Concentration: boiler.so2}
                    hj212:
                      mn: PLM0001
                      platforms: [provincial]
                      status: {tag: boiler.cems_state, flags: {1: C}}
                      pollutants: {a21026: boiler.so2, a00000: boiler.flow}
                """.formatted(opcPort), """
                boiler.so2: {shape: constant, value: 50}
                boiler.flow: {shape: constant, value: 120000}
                boiler.cems_state: {shape: step, high: 1, low: 0, periodS: 7200, duty: 0.1667}
                """, List.of(), "--speed", String.valueOf(SPEED), "--start", START.toString());
    }

    @AfterAll
    static void stopThePipeline() throws Exception {
        if (pipeline == null) return;
        System.out.println("Hj212UplinkSystemTest stages: " + pipeline.stages());
        pipeline.close();
    }

    @Test
    void theHourPacketsCarryTheHoursAmountsAndACalibrationFlagsItsHour() throws Exception {
        Instant end = START.plus(Duration.ofHours(HOURS));
        pipeline.stage("Four hours of telemetry", () -> Api.await(Duration.ofSeconds(120), () -> stored(end.plusSeconds(60)),
                () -> "the stack's telemetry up to " + end + "; logs under " + pipeline.logs()));

        int port = Ports.free();
        Path password = Files.writeString(pipeline.work.resolve("platform.pw"), "123456");
        ChildProcess platform = pipeline.launch("hj212-uplink", "io.plumeline.hj212.Hj212Uplink", "receive",
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--password-file", password.toString());
        pipeline.stage("Platform start", () -> platform.awaitLogLine(Pattern.compile("Hj212 platform listening on"),
                Duration.ofSeconds(60)));
        pipeline.launch("hj212-uplink", "io.plumeline.hj212.Hj212Uplink", "--site", pipeline.work.resolve("site.yaml").toString(),
                "--influx", pipeline.influx().url(), "--platform", "provincial=127.0.0.1:" + port,
                "--password-file", "provincial=" + password, "--spool-dir", pipeline.work.resolve("hj212-spool").toString(),
                "--packets", "2061", "--from", START.toString(), "--delay", "PT0S", "--poll", "PT1S");

        Map<Instant, String> hours = new TreeMap<>();
        pipeline.stage("Hour packets", () -> Api.await(Duration.ofSeconds(90), () -> {
            hours.putAll(hourPackets(platform.logFile()));
            return hours.keySet().stream().filter(h -> h.isBefore(end)).count() >= HOURS;
        }, () -> "the platform acknowledging " + HOURS + " hour packets from " + START + ", has " + hours.keySet()
                + "; logs under " + pipeline.logs()));

        for (int h = 0; h < HOURS; h++) {
            Instant hour = START.plus(Duration.ofHours(h));
            String cp = hours.get(hour);
            assertThat(cp).as("the hour packet of %s", hour).isNotNull();
            boolean calibrated = h % 2 == 0;
            assertThat(field(cp, "a21026-Flag")).as("%s: %s", hour, cp).isEqualTo(calibrated ? "C" : "N");
            assertThat(field(cp, "a00000-Flag")).as("%s: %s", hour, cp).isEqualTo(calibrated ? "C" : "N");
            assertThat(Double.parseDouble(field(cp, "a21026-Avg"))).as("%s: %s", hour, cp).isEqualTo(50.0);
            assertThat(Double.parseDouble(field(cp, "a21026-Cou"))).as("%s: %s", hour, cp).isEqualTo(calibrated ? 3.9 : 6.0);
            assertThat(Double.parseDouble(field(cp, "a00000-Cou"))).as("%s: %s", hour, cp).isEqualTo(calibrated ? 78000 : 120000);
            if (!calibrated) {
                // the same hour's SO2 as the Flink job accounted it into InfluxDB
                assertThat(Double.parseDouble(field(cp, "a21026-Cou"))).as("%s against the job's row", hour)
                        .isCloseTo(so2MassKg(hour), within(1e-6));
            }
        }
    }

    /** Whether the stack's flow is stored up to {@code until}. */
    private static boolean stored(Instant until) {
        JsonNode points = pipeline.api.get("/api/v1/telemetry?tag=boiler.flow&from=" + until.minusSeconds(300) + "&to=" + until)
                .path("points");
        return points.size() > 0;
    }

    private static double so2MassKg(Instant hour) {
        JsonNode rows = pipeline.api.get("/api/v1/emissions?source=boiler.stack&gas=SO2&interval=PT1H&from=" + hour
                + "&to=" + hour.plus(Duration.ofHours(1))).path("rows");
        return StreamSupport.stream(rows.spliterator(), false).findFirst()
                .orElseThrow(() -> new AssertionError("no SO2 row of " + hour + ": " + rows)).path("massKg").asDouble();
    }

    /** The CP of each hour packet the platform acknowledged, by its DataTime (Shanghai time). */
    private static Map<Instant, String> hourPackets(Path log) {
        Map<Instant, String> packets = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = FRAME.matcher(line);
                if (!m.find() || !m.group(1).contains("CN=2061;")) continue;
                String cp = m.group(1).replaceFirst(".*CP=&&", "").replaceFirst("&&.*", "");
                Instant dataTime = LocalDateTime.parse(field(cp, "DataTime"), DATA_TIME).atZone(SHANGHAI).toInstant();
                packets.put(dataTime, cp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packets;
    }

    private static String field(String cp, String key) {
        Matcher m = Pattern.compile("(?:^|[;,])" + Pattern.quote(key) + "=([^;,&]*)").matcher(cp);
        return m.find() ? m.group(1) : null;
    }
}
