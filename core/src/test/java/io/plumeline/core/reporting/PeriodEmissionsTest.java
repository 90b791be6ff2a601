package io.plumeline.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.GwpSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodEmissionsTest {

    static final Instant H0 = Instant.parse("2026-01-05T00:00:00Z");

    static List<SourceHour> hours() {
        List<SourceHour> hours = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            Instant hour = H0.plusSeconds(3600L * h);
            boolean substituted = h == 1;
            double availability = substituted ? 50 : 100;
            int late = h == 3 ? 2 : 0;
            hours.add(new SourceHour("heater-1.stack", "heater-1", "EPA_C2A", "CO2", hour, 1000 + h, availability, substituted, late));
            hours.add(new SourceHour("heater-1.stack", "heater-1", "EPA_C2A", "CH4", hour, 0.1, availability, substituted, late));
            hours.add(new SourceHour("heater-1.stack", "heater-1", "EPA_C2A", "N2O", hour, 0.01, availability, substituted, late));
            // the stored hour total, under whatever set the job used: never added again
            hours.add(new SourceHour("heater-1.stack", "heater-1", "EPA_C2A", "CO2e", hour, 99999, availability, substituted, late));
        }
        hours.add(new SourceHour("boiler-1.stack", "boiler-1", "POLLUTANT_MASS", "NOx", H0, 7.5, null, false, 0));
        hours.add(new SourceHour("boiler-1.stack", "boiler-1", "EPA_C2A", "CO2", H0, 500, 100.0, false, 0));
        return hours;
    }

    @Test
    void co2eIsRecomputedUnderTheReportsSetAndStoredTotalsAreNotAddedAgain() {
        PeriodEmissions ar5 = PeriodEmissions.of(hours(), GwpSet.of("AR5"), source -> true);
        PeriodEmissions ar4 = PeriodEmissions.of(hours(), GwpSet.of("AR4"), source -> true);
        double co2 = 1000 + 1001 + 1002 + 1003 + 500;
        assertThat(ar5.co2eKg()).isCloseTo(co2 + 4 * (0.1 * 28 + 0.01 * 265), within(1e-9));
        assertThat(ar4.co2eKg()).isCloseTo(co2 + 4 * (0.1 * 25 + 0.01 * 298), within(1e-9));
        assertThat(ar5.byGas()).extracting(GasTotal::gas).containsExactly("CO2", "CH4", "N2O", "NOx");
        assertThat(ar5.byGas().get(3).co2eKg()).isZero();
        assertThat(ar5.byGas().get(3).massKg()).isEqualTo(7.5);
    }

    @Test
    void aSourceCountsItsHoursOnceWhateverItsGases() {
        PeriodEmissions rollup = PeriodEmissions.of(hours(), GwpSet.of("AR5"), source -> true);
        PeriodEmissions.SourceTotal heater = rollup.bySource().get(1);
        assertThat(heater.source()).isEqualTo("heater-1.stack");
        assertThat(heater.hours()).isEqualTo(4);
        assertThat(heater.substitutedHours()).isEqualTo(1);
        assertThat(heater.lateCorrections()).isEqualTo(1);
        assertThat(heater.availabilityPct()).isEqualTo((100 + 50 + 100 + 100) / 4.0);
        PeriodEmissions.SourceTotal boiler = rollup.bySource().get(0);
        assertThat(boiler.hours()).isEqualTo(1);
        assertThat(boiler.availabilityPct()).isEqualTo(100.0);
        assertThat(rollup.byMethod()).extracting(PeriodEmissions.GroupTotal::id).containsExactly("EPA_C2A");
        assertThat(rollup.byUnit()).extracting(PeriodEmissions.GroupTotal::id).containsExactly("boiler-1", "heater-1");
        assertThat(rollup.byUnit().stream().mapToDouble(PeriodEmissions.GroupTotal::co2eKg).sum())
                .isCloseTo(rollup.co2eKg(), within(1e-9));
    }

    @Test
    void changeAgainstThePreviousPeriod() {
        ReportingPeriod q4 = ReportingPeriod.parse("2025-Q4");
        assertThat(PeriodChange.of(q4, 200, 250)).isEqualTo(new PeriodChange("2025-Q4", 200, 50, 25.0));
        assertThat(PeriodChange.of(q4, 0, 250).changePct()).isNull();
    }
}
