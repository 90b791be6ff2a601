package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** 40 CFR 75.10(d)(1): one valid reading in each 15-minute quadrant makes the hour valid. */
class Part75HourValidityTest {

    private static final Instant H = Instant.parse("2026-11-26T04:00:00Z");

    private static Sample at(int minute, Double value) {
        return new Sample(H.plusSeconds(60L * minute), value);
    }

    @Test
    void oneReadingPerQuadrantIsAValidHourWhoseValueIsTheMeanOfItsReadings() {
        // readings at :00, :20, :40, :59 and :05 → quadrants 1, 2, 3, 4 each read; (10 + 20 + 30 + 40 + 50) / 5 = 30
        List<Sample> samples = List.of(at(0, 10.0), at(5, 50.0), at(20, 20.0), at(40, 30.0), at(59, 40.0));
        assertThat(Part75HourValidity.hourlyValue(H, samples)).isEqualTo(OptionalDouble.of(30.0));
    }

    @Test
    void aQuadrantWithoutAValidReadingMakesTheWholeHourInvalid() {
        // 04:15–04:30 has only a BAD reading: 50 of 60 minutes could be held, the hour is still invalid
        List<Sample> samples = List.of(at(0, 10.0), at(14, 10.0), at(16, null), at(30, 10.0), at(45, 10.0));
        assertThat(Part75HourValidity.hourlyValue(H, samples)).isEmpty();
    }

    @Test
    void theReadingHeldIntoTheHourDoesNotReadItsFirstQuadrant() {
        // 03:59 holds into 04:00, but 04:00–04:15 has no reading of its own
        List<Sample> samples = List.of(new Sample(H.minusSeconds(60), 10.0), at(15, 10.0), at(30, 10.0), at(45, 10.0));
        assertThat(Part75HourValidity.hourlyValue(H, samples)).isEmpty();
    }

    @Test
    void aReadingAtTheNextHourBelongsToIt() {
        List<Sample> samples = List.of(at(0, 10.0), at(15, 10.0), at(30, 10.0), at(60, 10.0));
        assertThat(Part75HourValidity.hourlyValue(H, samples)).isEmpty();
    }
}
