package io.plumeline.hj212.uplink;

import static io.plumeline.hj212.uplink.TelemetryFixture.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.Tag;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.site.Hj212Stack;
import io.plumeline.hj212.site.Pollutant;
import io.plumeline.hj212.site.StackState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The flags a stack's state sets (HJ 212-2017 Annex A data flags): the analyser's state tag b.cems (1 calibration C,
 * 2 maintenance M) and the boiler's run signal b.running (0: stopped, F). SO2 at 50 mg/Nm3 and the flow at 120000
 * Nm3/h every minute of the hour from T0 (10:00 in Shanghai): a valid minute's SO2 -Cou is 50 × 120000 / 60 × 1e-6 =
 * 0.1 kg.
 */
class StackStateTest {

    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    private static final Tag SO2 = new Tag("b.so2", "b", "dcs", "nsu=urn:t;s=SO2", "mg/Nm3", 1000, null);
    private static final Tag FLOW = new Tag("b.flow", "b", "dcs", "nsu=urn:t;s=F", "Nm3/h", 1000, null);
    private static final Hj212Stack STACK = new Hj212Stack("b.stack", "PLM0001", "31", List.of("p"), List.of(
            new Hj212Stack.Mapped(Pollutant.SO2, SO2, 1.0), new Hj212Stack.Mapped(Pollutant.FLUE_GAS_FLOW, FLOW, 1.0)), null,
            new StackState("b.cems", Map.of(1.0, 'C', 2.0, 'M'), "b.running", 0.5));

    private static Sample reading(String tag, Instant at, double value) {
        return new Sample(tag, at, value, Sample.GOOD);
    }

    private static List<Sample> anHourOfReadings() {
        return anHourOfReadings(T0);
    }

    /** Every minute of the hour from {@code start}: SO2 and the flow at its tenth second. */
    private static List<Sample> anHourOfReadings(Instant start) {
        List<Sample> samples = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            Instant at = start.plusSeconds(60L * m + 10);
            samples.add(reading("b.so2", at, 50));
            samples.add(reading("b.flow", at, 120000));
        }
        return samples;
    }

    /**
     * Calibration from 09:55 (before the hour: the reading in effect at its start) to 10:20: minutes 10:00–10:19 are C,
     * their readings kept but invalid, so the hour has 40 < 45 valid minutes and is C, its -Cou 40 × 0.1 = 4 kg. Ending
     * at 10:15 instead leaves 45 valid minutes: N, 4.5 kg.
     */
    @Test
    void calibrationFlagsItsMinutesAndAnHourWithoutItsFortyFiveValidOnes() {
        Packet until20 = hour(List.of(reading("b.cems", T0.minusSeconds(300), 1), reading("b.cems", T0.plusSeconds(1200), 0)));
        assertThat(until20.cp().get("a21026-Flag")).contains("C");
        assertThat(until20.cp().get("a21026-Cou")).contains("4.0000");
        assertThat(until20.cp().get("a00000-Flag")).as("every tag of the stack").contains("C");

        Packet until15 = hour(List.of(reading("b.cems", T0.minusSeconds(300), 1), reading("b.cems", T0.plusSeconds(900), 0)));
        assertThat(until15.cp().get("a21026-Flag")).contains("N");
        assertThat(until15.cp().get("a21026-Cou")).contains("4.5000");
    }

    @Test
    void aMinuteInMaintenanceCarriesItsReadingsFlaggedM() {
        Packet minute = StackPackets.minute(STACK, T0, anHourOfReadings().subList(0, 2),
                StateTimeline.of(STACK.state(), List.of(reading("b.cems", T0.plusSeconds(30), 2))), "1", SHANGHAI, "1");
        assertThat(minute.cp().text()).isEqualTo("DataTime=20260301100000;"
                + "a21026-Min=50.000,a21026-Avg=50.000,a21026-Max=50.000,a21026-Flag=M;"
                + "a00000-Min=120000.000,a00000-Avg=120000.000,a00000-Max=120000.000,a00000-Flag=M");
    }

    /** The boiler stopped all hour (run signal 0) while the analyser calibrates: F comes before C. */
    @Test
    void aStoppedSourceIsFlaggedFBeforeAnyOtherState() {
        Packet stopped = hour(List.of(reading("b.running", T0.minusSeconds(60), 0), reading("b.cems", T0.minusSeconds(60), 1)));
        assertThat(stopped.cp().get("a21026-Flag")).contains("F");
        assertThat(stopped.cp().get("a21026-Cou")).isEmpty();
    }

    /** A BAD state reading sets nothing; a value the site model does not map is normal. */
    @Test
    void anUnknownOrBadStateIsNoFlag() {
        Packet p = hour(List.of(new Sample("b.cems", T0.minusSeconds(60), null, "BAD"), reading("b.cems", T0.plusSeconds(60), 7)));
        assertThat(p.cp().get("a21026-Flag")).contains("N");
    }

    /**
     * From a real influxd, as the uplink reads it: the calibration that began at 09:55 is the state tag's reading before
     * the hour, which the read of the hour alone would not hold (InfluxTelemetry.latestBefore). The hour is two hours
     * back, inside the fixture's raw retention.
     */
    @Test
    void theStateInEffectAtTheHoursStartIsReadFromInfluxDb() throws Exception {
        String site = "cn-state";
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        StringBuilder lines = new StringBuilder();
        for (Sample s : anHourOfReadings(start)) lines.append(point(site, s.tag(), s.value(), s.ts()));
        lines.append(point(site, "b.cems", 1, start.minusSeconds(300))).append(point(site, "b.cems", 0, start.plusSeconds(1200)));
        TelemetryFixture.influx().write(TelemetryFixture.DB, lines.toString());
        InfluxTelemetry telemetry = new InfluxTelemetry(URI.create(TelemetryFixture.influx().url()), TelemetryFixture.DB,
                Optional.empty(), Optional.empty());
        PacketMaker maker = new PacketMaker(STACK, telemetry, site, SHANGHAI, Duration.ofSeconds(30));

        Packet hour = maker.next(Cadence.HOUR, start, start.plus(Duration.ofHours(1)), "1", () -> "1").get(0);
        assertThat(hour.cp().get("a21026-Flag")).contains("C");
        assertThat(hour.cp().get("a21026-Cou")).contains("4.0000");
    }

    private static Packet hour(List<Sample> states) {
        List<Sample> all = new ArrayList<>(anHourOfReadings());
        all.addAll(states);
        return StackPackets.hour(STACK, T0, anHourOfReadings(), StateTimeline.of(STACK.state(), all), "1", SHANGHAI, "1");
    }

    private static String point(String site, String tag, double value, Instant at) {
        return Measurement.TELEMETRY.id() + "," + Keys.SITE + "=" + site + "," + Keys.UNIT + "=b," + Keys.TAG + "=" + tag + " "
                + Keys.VALUE + "=" + value + "," + Keys.STATUS + "=0," + Keys.QUALITY + "=\"GOOD\" " + InfluxQl.nanos(at) + "\n";
    }
}
