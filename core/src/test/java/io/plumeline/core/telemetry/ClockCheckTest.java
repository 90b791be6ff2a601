package io.plumeline.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockCheckTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void refusesATsYearsAheadOfTheTimeReceived() {
        // 2026-01-01 to 2036-01-01: 10 × 365 days + the leap days of 2028 and 2032 = 3652 days
        assertThat(ClockCheck.refusal(Instant.parse("2036-01-01T00:00:00Z"), null, RECEIVED, FIVE_MINUTES))
                .isEqualTo("ts: 2036-01-01T00:00:00Z is 3652 days ahead of the time received 2026-01-01T00:00:00Z,"
                        + " more than the tolerance PT5M");
    }

    @Test
    void refusesATsAheadOfTheServerTs() {
        Instant serverTs = Instant.parse("2026-01-01T00:00:01Z");
        assertThat(ClockCheck.refusal(Instant.parse("2026-01-01T00:05:01.5Z"), serverTs, null, FIVE_MINUTES))
                .isEqualTo("ts: 2026-01-01T00:05:01.500Z is PT5M0.5S ahead of serverTs 2026-01-01T00:00:01Z,"
                        + " more than the tolerance PT5M");
    }

    @Test
    void namesTheTimeReceivedFirstWhenAheadOfBoth() {
        Instant ts = Instant.parse("2026-01-03T00:00:00Z");
        assertThat(ClockCheck.refusal(ts, RECEIVED, RECEIVED, FIVE_MINUTES)).contains("2 days ahead of the time received");
    }

    @Test
    void takesATsUpToTheToleranceAheadAndAnyTsBehind() {
        assertThat(ClockCheck.refusal(RECEIVED.plus(FIVE_MINUTES), RECEIVED, RECEIVED, FIVE_MINUTES)).isNull();
        assertThat(ClockCheck.refusal(RECEIVED.plus(FIVE_MINUTES).plusNanos(1), null, RECEIVED, FIVE_MINUTES))
                .isEqualTo("ts: 2026-01-01T00:05:00.000000001Z is PT5M ahead of the time received 2026-01-01T00:00:00Z,"
                        + " more than the tolerance PT5M");
        // history read back after a gap is late, not ahead
        assertThat(ClockCheck.refusal(RECEIVED.minus(Duration.ofDays(30)), RECEIVED, RECEIVED, FIVE_MINUTES)).isNull();
        assertThat(ClockCheck.refusal(RECEIVED, null, null, Duration.ZERO)).isNull();
    }

    @Test
    void refusesAMissingTsOrANegativeTolerance() {
        assertThatThrownBy(() -> ClockCheck.refusal(null, null, RECEIVED, FIVE_MINUTES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClockCheck.refusal(RECEIVED, null, RECEIVED, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }
}
