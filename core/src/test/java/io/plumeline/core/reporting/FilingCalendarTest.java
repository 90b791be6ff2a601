package io.plumeline.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.reporting.FilingCalendar.Filing;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FilingCalendarTest {

    /** 40 CFR 98.3(b): "no later than March 31 of each calendar year for GHG emissions in the previous calendar year". */
    @Test
    void part98FilesTheYearByTheNextThirtyFirstOfMarch() {
        assertThat(FilingCalendar.filingsOf("EPA_PART98", false, ReportingPeriod.parse("2026")))
                .extracting(Filing::due).containsExactly(LocalDate.of(2027, 3, 31));
        assertThat(FilingCalendar.filingsOf("EPA_PART98", false, ReportingPeriod.parse("2026-03"))).isEmpty();
    }

    /** China's monthly deposit: 20 days after the month — 31 January + 20 = 20 February; 28 February 2026 + 20 = 20 March. */
    @Test
    void chinaFilesEachMonthWithinTwentyDaysAndTheYearByMarch() {
        assertThat(FilingCalendar.filingsOf("CN_MEE", false, ReportingPeriod.parse("2026-01")))
                .extracting(Filing::due).containsExactly(LocalDate.of(2026, 2, 20));
        assertThat(FilingCalendar.filingsOf("CN_MEE", false, ReportingPeriod.parse("2026-02")))
                .extracting(Filing::due).containsExactly(LocalDate.of(2026, 3, 20));
        assertThat(FilingCalendar.filingsOf("CN_MEE", false, ReportingPeriod.parse("2026-12")))
                .extracting(Filing::due).containsExactly(LocalDate.of(2027, 1, 20));
        assertThat(FilingCalendar.filingsOf("CN_MEE", false, ReportingPeriod.parse("2026")))
                .extracting(Filing::what).containsExactly("annual emissions report");
    }

    /** §75.64(a): "within 30 days following the end of each calendar quarter" — 31 March + 30 = 30 April. */
    @Test
    void part75SourcesFileEachQuarterWithinThirtyDays() {
        assertThat(FilingCalendar.filingsOf("EPA_PART98", true, ReportingPeriod.parse("2026-Q1")))
                .extracting(Filing::due).containsExactly(LocalDate.of(2026, 4, 30));
        assertThat(FilingCalendar.filingsOf("EPA_PART98", true, ReportingPeriod.parse("2026-Q4")))
                .extracting(Filing::due).containsExactly(LocalDate.of(2027, 1, 30));
        assertThat(FilingCalendar.filingsOf("EU_ETS", false, ReportingPeriod.parse("2026-Q4"))).isEmpty();
    }

    @Test
    void anUnknownProgramIsRefusedByName() {
        assertThatThrownBy(() -> FilingCalendar.filingsOf("XX", false, ReportingPeriod.parse("2026")))
                .hasMessageContaining("'XX'");
    }
}
