package io.plumeline.hj212.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.site.Tag;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.site.Hj212Stack;
import io.plumeline.hj212.site.Pollutant;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackPacketsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");   // 10:00 in Shanghai
    private static final Tag SO2 = new Tag("b.so2", "b", "dcs", "nsu=urn:t;s=SO2", "mg/Nm3", 1000, new Tag.ValidRange(0.0, 500.0));
    private static final Tag FLOW = new Tag("b.flow", "b", "dcs", "nsu=urn:t;s=F", "Nm3/h", 1000, null);
    private static final Hj212Stack STACK = new Hj212Stack("b.stack", "PLM0001", "31", List.of("p"), List.of(
            new Hj212Stack.Mapped(Pollutant.SO2, SO2, 1.0), new Hj212Stack.Mapped(Pollutant.FLUE_GAS_FLOW, FLOW, 1.0)));

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

        Packet p = StackPackets.minute(STACK, T0, samples, "123456", SHANGHAI, "20260301100300000");

        assertThat(p.cn()).isEqualTo("2051");
        assertThat(p.flag().bits()).isEqualTo(5);
        assertThat(p.cp().text()).isEqualTo("DataTime=20260301100000;"
                + "a21026-Cou=0.1000,a21026-Min=40.000,a21026-Avg=50.000,a21026-Max=60.000,a21026-Flag=N;"
                + "a00000-Cou=2000.0000,a00000-Min=120000.000,a00000-Avg=120000.000,a00000-Max=120000.000,a00000-Flag=N");
    }

    @Test
    void aMinuteFlagsAFaultANoReadingAndAnAverageOverTheRange() {
        List<Sample> samples = List.of(new Sample(SO2.id(), T0, null, "BAD"));

        assertThat(StackPackets.minute(STACK, T0, samples, "1", SHANGHAI, "1").cp().text())
                .isEqualTo("DataTime=20260301100000;a21026-Flag=D;a00000-Flag=B");
        assertThat(Interval.minute(List.of(good(SO2, T0, 600)), 1.0, SO2.valid()).flag()).isEqualTo('T');
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
        Packet p = StackPackets.hour(STACK, T0, samples, "1", SHANGHAI, "1");
        assertThat(p.cn()).isEqualTo("2061");
        return p;
    }
}
