package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 40 CFR 75.32 Eqs. 8 and 9, and the §75.31 initial period. */
class Part75AvailabilityTest {

    @Test
    void equation8CountsEveryUnitOperatingHourSinceCertification() {
        // 4,000 unit operating hours since certification, 3,800 quality-assured: 3,800 / 4,000 = 95 %
        assertThat(Part75Availability.window(4_000)).isEqualTo(4_000);
        assertThat(Part75Availability.percent(3_800, 4_000)).isEqualTo(95.0);
    }

    @Test
    void equation9CountsThePrevious8760UnitOperatingHours() {
        // 20,000 hours since certification: only the previous 8,760 count; 8,322 of them QA → 95.0 %
        assertThat(Part75Availability.window(20_000)).isEqualTo(8_760);
        assertThat(Part75Availability.percent(8_322, 8_760)).isEqualTo(95.0);
        assertThatThrownBy(() -> Part75Availability.percent(8_761, 8_760)).hasMessageContaining("8761");
    }

    @Test
    void theInitialPeriodLastsUntil720Or2160QualityAssuredHoursAndAtMostThreeYears() {
        assertThat(Part75Availability.initialPeriod(719, 1_000, Part75Availability.CONCENTRATION_HOURS)).isTrue();
        assertThat(Part75Availability.initialPeriod(720, 1_000, Part75Availability.CONCENTRATION_HOURS)).isFalse();
        assertThat(Part75Availability.initialPeriod(2_159, 5_000, Part75Availability.FLOW_HOURS)).isTrue();
        // 26,280 clock hours (three years) after certification the initial period ends, however few QA hours
        assertThat(Part75Availability.initialPeriod(100, 26_280, Part75Availability.CONCENTRATION_HOURS)).isFalse();
    }
}
