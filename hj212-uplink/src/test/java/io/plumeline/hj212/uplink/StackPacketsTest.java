package io.plumeline.hj212.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.site.Tag;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.site.Hj212Stack;
import io.plumeline.hj212.site.Pollutant;
import io.plumeline.hj212.site.StackState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackPacketsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");   // 10:00 in Shanghai
    private static final Tag SO2 = new Tag("b.so2", "b", "dcs", "nsu=urn:t;s=SO2", "mg/Nm3", 1000, new Tag.ValidRange(0.0, 500.0));
    private static final Tag FLOW = new Tag("b.flow", "b", "dcs", "nsu=urn:t;s=F", "Nm3/h", 1000, null);
    private static final Hj212Stack STACK = new Hj212Stack("b.stack", "PLM0001", "31", List.of("p"), List.of(
            new Hj212Stack.Mapped(Pollutant.SO2, SO2, 1.0), new Hj212Stack.Mapped(Pollutant.FLUE_GAS_FLOW, FLOW, 1.0)), null, StackState.NONE);

    private static final Tag O2 = new Tag("b.o2", "b", "dcs", "nsu=urn:t;s=O2", "vol% dry", 1000, null);
    /** The stack with its O2 mapped and converted to a 6 % reference, GB 13223-2011's for a coal-fired boiler. */
    private static final Hj212Stack AT_6_O2 = new Hj212Stack("b.stack", "PLM0001", "31", List.of("p"), List.of(
            new Hj212Stack.Mapped(Pollutant.SO2, SO2, 1.0), new Hj212Stack.Mapped(Pollutant.O2, O2, 1.0),
            new Hj212Stack.Mapped(Pollutant.FLUE_GAS_FLOW, FLOW, 1.0)), 6.0, StackState.NONE);

    private static Sample good(Tag tag, Instant at, double value) {
        return new Sample(tag.id(), at, value, "GOOD");
    }

    /**
     * SO2 40, 50, 60 mg/Nm3 → Min 40, Avg 50, Max 60; flow 120000 Nm3/h twice → Avg 120000.
     * SO2 -Cou = 50 mg/Nm3 × 120000 Nm3/h × 1/60 h × 1e-6 kg/mg = 0.1 kg; flow -Cou = 120000 / 60 = 2000 m3.
     * DataTime is the minute's start in the site's time (UTC+8).
     */
    @Test
    void aMinutePacketByHand() {
        List<Sample> samples = List.of(good(SO2, T0, 40), good(SO2, T0.plusSeconds(20), 50), good(SO2, T0.plusSeconds(40), 60),
                good(FLOW, T0, 120000), good(FLOW, T0.plusSeconds(30), 120000));

        Packet p = StackPackets.minute(STACK, T0, samples, StateTimeline.NONE, "123456", SHANGHAI, "20260301100300000");

        assertThat(p.cn()).isEqualTo("2051");
        assertThat(p.flag().bits()).isEqualTo(5);
        assertThat(p.cp().text()).isEqualTo("DataTime=20260301100000;"
                + "a21026-Cou=0.1000,a21026-Min=40.000,a21026-Avg=50.000,a21026-Max=60.000,a21026-Flag=N;"
                + "a00000-Cou=2000.0000,a00000-Min=120000.000,a00000-Avg=120000.000,a00000-Max=120000.000,a00000-Flag=N");
    }

    @Test
    void aMinuteFlagsAFaultANoReadingAndAnAverageOverTheRange() {
        List<Sample> samples = List.of(new Sample(SO2.id(), T0, null, "BAD"));

        assertThat(StackPackets.minute(STACK, T0, samples, StateTimeline.NONE, "1", SHANGHAI, "1").cp().text())
                .isEqualTo("DataTime=20260301100000;a21026-Flag=D;a00000-Flag=B");
        assertThat(Interval.readings(List.of(good(SO2, T0, 600)), 1.0, SO2.valid()).flag()).isEqualTo('T');
    }

    /**
     * 40 minutes of SO2 at 50 mg/Nm3 and 20 with BAD readings, the flow at 120000 Nm3/h all hour: SO2 has 40 < 45 valid
     * minutes, so the hour is flagged D (most of its other minutes) and its -Cou sums only the 40 minutes,
     * 40 × 0.1 kg = 4 kg; the flow is valid (60 minutes), -Cou 60 × 2000 = 120000 m3.
     */
    @Test
    void anHourWith40ValidMinutesIsFlaggedAndOneWith45IsNot() {
        assertThat(hour(40).cp().text()).isEqualTo("DataTime=20260301100000;"
                + "a21026-Cou=4.0000,a21026-Min=50.000,a21026-Avg=50.000,a21026-Max=50.000,a21026-Flag=D;"
                + "a00000-Cou=120000.0000,a00000-Min=120000.000,a00000-Avg=120000.000,a00000-Max=120000.000,a00000-Flag=N");
        // 45 × 0.1 kg = 4.5 kg, and N
        assertThat(hour(45).cp().get("a21026-Flag")).contains("N");
        assertThat(hour(45).cp().get("a21026-Cou")).contains("4.5000");
    }

    private static Packet hour(int validMinutes) {
        List<Sample> samples = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            Instant at = T0.plusSeconds(60L * m + 10);
            samples.add(m < validMinutes ? good(SO2, at, 50) : new Sample(SO2.id(), at, null, "BAD"));
            samples.add(good(FLOW, at, 120000));
        }
        Packet p = StackPackets.hour(STACK, T0, samples, StateTimeline.NONE, "1", SHANGHAI, "1");
        assertThat(p.cn()).isEqualTo("2061");
        return p;
    }

    /**
     * A day of 24 hours, SO2 at 40 + h mg/Nm3 in each valid hour h = 0, 1, … and BAD all through the others, the flow
     * at 120000 Nm3/h all day. An hour's SO2 -Cou is 60 minutes × (40 + h) × 120000 / 60 × 1e-6 = (40 + h) × 0.12 kg.
     * 20 valid hours (h = 0..19): Avg = mean(40..59) = 49.5, Min 40, Max 59, valid (≥ 20 hours, HJ 75-2017), -Cou =
     * 0.12 × (40 + … + 59) = 0.12 × 990 = 118.8 kg. 19 valid hours (h = 0..18): Avg = mean(40..58) = 49, Max 58,
     * -Cou = 0.12 × 931 = 111.72 kg, and flagged D as its 5 other hours are (the hour's rule, one mechanism). The flow
     * is valid: -Cou = 24 × 60 × 120000 / 60 = 2880000 m3. DataTime is the day's start, 00:00 in Shanghai.
     */
    @Test
    void aDayWith19ValidHoursIsFlaggedAndOneWith20IsNot() {
        String flow = "a00000-Cou=2880000.0000,a00000-Min=120000.000,a00000-Avg=120000.000,a00000-Max=120000.000,a00000-Flag=N";
        assertThat(day(20).cp().text()).isEqualTo("DataTime=20260301000000;"
                + "a21026-Cou=118.8000,a21026-Min=40.000,a21026-Avg=49.500,a21026-Max=59.000,a21026-Flag=N;" + flow);
        assertThat(day(19).cp().text()).isEqualTo("DataTime=20260301000000;"
                + "a21026-Cou=111.7200,a21026-Min=40.000,a21026-Avg=49.000,a21026-Max=58.000,a21026-Flag=D;" + flow);
    }

    private static Packet day(int validHours) {
        Instant dayStart = Instant.parse("2026-02-28T16:00:00Z");   // 2026-03-01 00:00 in Shanghai
        List<Map<Hj212Stack.Mapped, StackPackets.Value>> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant hour = dayStart.plus(Duration.ofHours(h));
            List<Sample> samples = new ArrayList<>();
            for (int m = 0; m < 60; m++) {
                Instant at = hour.plusSeconds(60L * m + 10);
                samples.add(h < validHours ? good(SO2, at, 40 + h) : new Sample(SO2.id(), at, null, "BAD"));
                samples.add(good(FLOW, at, 120000));
            }
            hours.add(StackPackets.hourValues(STACK, hour, samples, StateTimeline.NONE));
        }
        Packet p = StackPackets.day(STACK, dayStart, hours, "1", SHANGHAI, "1");
        assertThat(p.cn()).isEqualTo("2031");
        return p;
    }

    /**
     * SO2 100 mg/Nm3 at a measured O2 of 9 %, converted to the 6 % reference: 100 × (21 − 6)/(21 − 9) = 100 × 15/12
     * = 125 mg/Nm3. Only SO2 gets -ZsAvg: O2 and the flow are not concentrations. At 20.9 % O2 (air) it is left out.
     */
    @Test
    void zsAvgConvertsAConcentrationToTheReferenceO2() {
        Packet minute = StackPackets.minute(AT_6_O2, T0, List.of(good(SO2, T0, 100), good(O2, T0, 9), good(FLOW, T0, 120000)),
                StateTimeline.NONE, "1", SHANGHAI, "1");
        assertThat(minute.cp().get("a21026-ZsAvg")).contains("125.000");
        assertThat(minute.cp().text()).containsOnlyOnce("ZsAvg").containsOnlyOnce("ZsMin").containsOnlyOnce("ZsMax");

        Packet air = StackPackets.minute(AT_6_O2, T0, List.of(good(SO2, T0, 100), good(O2, T0, 20.9)), StateTimeline.NONE, "1", SHANGHAI,
                "1");
        assertThat(air.cp().text()).doesNotContain("Zs").contains("a21026-Avg=100.000");
    }

    /**
     * A minute with SO2 readings of 80 and 120 (average 100) at 9 % O2: Zs = C × 15/12 = 1.25 C, so ZsMin 100, ZsAvg
     * 125, ZsMax 150, after Min, Avg and Max; a real-time slot's latest SO2 (120) at its latest O2 (9): ZsRtd 150.
     */
    @Test
    void theMinimumMaximumAndRealTimeValueAreConvertedToo() {
        List<Sample> samples = List.of(good(SO2, T0, 80), good(O2, T0, 9), good(SO2, T0.plusSeconds(20), 120));
        Packet minute = StackPackets.minute(AT_6_O2, T0, samples, StateTimeline.NONE, "1", SHANGHAI, "1");
        assertThat(minute.cp().text()).contains("a21026-Min=80.000,a21026-Avg=100.000,a21026-Max=120.000,"
                + "a21026-ZsMin=100.000,a21026-ZsAvg=125.000,a21026-ZsMax=150.000,a21026-Flag=N");

        Packet realtime = StackPackets.realtime(AT_6_O2, T0, T0.plusSeconds(30), samples, StateTimeline.NONE, "1", SHANGHAI, "1");
        assertThat(realtime.cp().text()).contains("a21026-Rtd=120.000,a21026-ZsRtd=150.000,a21026-Flag=N")
                .containsOnlyOnce("ZsRtd");
    }

    /**
     * An hour converts its average at its own average O2: 30 minutes at 8 % and 30 at 10 % make 9 %, and SO2 80
     * mg/Nm3 all hour gives 80 × 15/(21 − 9) = 80 × 1.25 = 100 mg/Nm3.
     */
    @Test
    void anHoursZsAvgUsesTheHoursO2() {
        List<Sample> samples = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            Instant at = T0.plusSeconds(60L * m);
            samples.add(good(SO2, at, 80));
            samples.add(good(O2, at, m < 30 ? 8 : 10));
        }
        assertThat(StackPackets.hour(AT_6_O2, T0, samples, StateTimeline.NONE, "1", SHANGHAI, "1").cp().get("a21026-ZsAvg")).contains("100.000");
    }

    /**
     * The latest reading of each tag in the slot: SO2 40 at 10:00:05 then 60 at 10:00:25, so Rtd 60; the flow's latest
     * reading (10:00:20) is BAD, so D without an Rtd. DataTime is the newest reading, 10:00:25.
     */
    @Test
    void aRealTimePacketCarriesEachTagsLatestReading() {
        List<Sample> samples = List.of(good(SO2, T0.plusSeconds(5), 40), good(FLOW, T0.plusSeconds(10), 120000),
                new Sample(FLOW.id(), T0.plusSeconds(20), null, "BAD"), good(SO2, T0.plusSeconds(25), 60));

        Packet p = StackPackets.realtime(STACK, T0, T0.plusSeconds(30), samples, StateTimeline.NONE, "1", SHANGHAI, "1");

        assertThat(p.cn()).isEqualTo("2011");
        assertThat(p.cp().text()).isEqualTo("DataTime=20260301100025;a21026-Rtd=60.000,a21026-Flag=N;a00000-Flag=D");
    }
}
