package io.plumeline.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aQuarterIsItsLocalDaysInTheSitesZone() {
        ReportingPeriod q1 = ReportingPeriod.parse("2026-Q1");
        assertThat(q1.start(SHANGHAI)).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(q1.end(SHANGHAI)).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        // Amsterdam is on summer time (UTC+2) when the second quarter begins
        assertThat(ReportingPeriod.parse("2026-Q2").start(AMSTERDAM)).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    }

    @Test
    void monthsAndYearsAndTheirPredecessors() {
        assertThat(ReportingPeriod.parse("2026-03").end(SHANGHAI)).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(ReportingPeriod.parse("2026").end(SHANGHAI)).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(ReportingPeriod.parse("2026-01").previous()).hasToString("2025-12");
        assertThat(ReportingPeriod.parse("2026-Q1").previous()).hasToString("2025-Q4");
        assertThat(ReportingPeriod.parse("2026-Q3").previous()).hasToString("2026-Q2");
        assertThat(ReportingPeriod.parse("2026").previous()).hasToString("2025");
        assertThat(ReportingPeriod.parse(" 2026-11 ")).hasToString("2026-11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q5", "2026-Q0", "2026-13", "2026-00", "26", "2026-1", "2026-q1", "2026-W05", "1000",
            "9999", "2026-03-01", "'; DROP TABLE report; --", ""})
    void refusesWhatIsNotAPeriod(String text) {
        assertThatThrownBy(() -> ReportingPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }
}
