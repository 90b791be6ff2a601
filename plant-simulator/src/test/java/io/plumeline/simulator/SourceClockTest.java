package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void tickKIsStartPlusKSamplingIntervalsTimesSpeed() {
        SourceClock clock = new SourceClock(START, 60);

        assertThat(clock.sourceTime(1000, 0)).isEqualTo(START);
        assertThat(clock.sourceTime(1000, 3)).isEqualTo(START.plusSeconds(180));
    }

    @Test
    void fractionalSpeedIsCutToOpcUaDateTimeResolution() {
        SourceClock clock = new SourceClock(START, 1.0 / 3);

        Instant t = clock.sourceTime(1, 1);

        assertThat(t).isEqualTo(START.plusNanos(333_300));
        assertThat(t.getNano() % 100).isZero();
    }
}
