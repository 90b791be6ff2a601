package io.plumeline.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.Accounting;
import io.plumeline.core.emissions.GwpSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodEmissionsTest {

    /**
     * Four hours of the heater (the second substituted at 50 % availability, the third awaiting a backfill, the fourth
     * corrected late) and one
     * of the boiler, as InfluxDB sums them per source and gas.
     */
    static List<SourceGasPeriod> sums() {
        double availability = 100 + 50 + 100 + 100;
        return List.of(
                new SourceGasPeriod("heater-1.stack", "heater-1", "EPA_C2A", "CO2", 1000 + 1001 + 1002 + 1003, 4, availability, 4, 1, 1, 1),
                new SourceGasPeriod("heater-1.stack", "heater-1", "EPA_C2A", "CH4", 4 * 0.1, 4, availability, 4, 1, 1, 1),
                new SourceGasPeriod("heater-1.stack", "heater-1", "EPA_C2A", "N2O", 4 * 0.01, 4, availability, 4, 1, 1, 1),
                // the stored hour totals, under whatever set the job used: never added again
                new SourceGasPeriod("heater-1.stack", "heater-1", "EPA_C2A", "CO2e", 4 * 99999, 4, availability, 4, 1, 1, 1),
                new SourceGasPeriod("boiler-1.stack", "boiler-1", "POLLUTANT_MASS", "NOx", 7.5, 1, 0, 0, 0, 0, 0),
                new SourceGasPeriod("boiler-1.stack", "boiler-1", "EPA_C2A", "CO2", 500, 1, 100, 1, 0, 0, 0));
    }

    @Test
    void co2eIsRecomputedUnderTheReportsSetAndStoredTotalsAreNotAddedAgain() {
        PeriodEmissions ar5 = PeriodEmissions.of(sums(), GwpSet.of("AR5"), source -> true);
        PeriodEmissions ar4 = PeriodEmissions.of(sums(), GwpSet.of("AR4"), source -> true);
        double co2 = 1000 + 1001 + 1002 + 1003 + 500;
        assertThat(ar5.co2eKg()).isCloseTo(co2 + 4 * (0.1 * 28 + 0.01 * 265), within(1e-9));
        assertThat(ar4.co2eKg()).isCloseTo(co2 + 4 * (0.1 * 25 + 0.01 * 298), within(1e-9));
        assertThat(ar5.byGas()).extracting(GasTotal::gas).containsExactly("CO2", "CH4", "N2O", "NOx");
        assertThat(ar5.byGas().get(3).co2eKg()).isZero();
        assertThat(ar5.byGas().get(3).massKg()).isEqualTo(7.5);
    }

    @Test
    void aSourceCountsItsHoursOnceWhateverItsGases() {
        PeriodEmissions rollup = PeriodEmissions.of(sums(), GwpSet.of("AR5"), source -> true);
        PeriodEmissions.SourceTotal heater = rollup.bySource().get(1);
        assertThat(heater.source()).isEqualTo("heater-1.stack");
        assertThat(heater.hours()).isEqualTo(4);
        assertThat(heater.substitutedHours()).isEqualTo(1);
        assertThat(heater.lateCorrections()).isEqualTo(1);
        assertThat(heater.backfillPendingHours()).isEqualTo(1);
        assertThat(rollup.backfillPendingHours()).as("the heater's, once, whatever its gases").isEqualTo(1);
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

    @Test
    void theTotalSplitsIntoDirectIndirectAndRecovered() {
        // heater 1,000 kg CO2 (direct) + purchased power 400 kg (indirect, scope 2) − 150 kg recovered = 1,250 kg
        PeriodEmissions p = PeriodEmissions.of(List.of(
                new SourceGasPeriod("heater", "u", "CN_MEE_COMBUSTION", "CO2", 1_000, 1, 100, 1, 0, 0, 0),
                new SourceGasPeriod("grid", "u", "CN_MEE_ELECTRICITY", "CO2", 400, 1, 100, 1, 0, 0, 0),
                new SourceGasPeriod("recovery", "u", "CN_MEE_CO2_RECOVERY", "CO2", -150, 1, 100, 1, 0, 0, 0)),
                GwpSet.of("AR5"), s -> true);

        assertThat(p.co2eKg(Accounting.DIRECT)).isEqualTo(1_000);
        assertThat(p.co2eKg(Accounting.INDIRECT)).isEqualTo(400);
        assertThat(p.co2eKg(Accounting.DEDUCTION)).isEqualTo(-150);
        assertThat(p.co2eKg()).isEqualTo(1_250);
    }
}
