package io.plumeline.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void sineOverWholePeriodsSumsToMeanTimesSamples() {
        SineProfile sine = new SineProfile(1200, 100, 60, 0.7);
        int samples = 600;
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            sum += sine.valueAt(i * 10 * 60.0 / samples);
        }
        assertThat(sum).isCloseTo(1200.0 * samples, offset(1e-6));
    }

    @Test
    void sineReachesMeanPlusAmplitudeAQuarterPeriodIn() {
        assertThat(new SineProfile(50, 5, 40, 0).valueAt(10)).isCloseTo(55, offset(1e-12));
    }

    @Test
    void rampRisesOverItsPeriodThenRestarts() {
        RampProfile ramp = new RampProfile(10, 90, 30);

        assertThat(ramp.valueAt(0)).isEqualTo(10);
        assertThat(ramp.valueAt(15)).isCloseTo(50, offset(1e-9));
        assertThat(ramp.valueAt(30)).isEqualTo(10);
        assertThat(ramp.valueAt(37.5)).isCloseTo(30, offset(1e-9));
    }

    @Test
    void stepIsHighForItsDutyFraction() {
        StepProfile step = new StepProfile(0, 8, 100, 0.25);

        assertThat(step.valueAt(0)).isEqualTo(8);
        assertThat(step.valueAt(24.9)).isEqualTo(8);
        assertThat(step.valueAt(25)).isEqualTo(0);
        assertThat(step.valueAt(125)).isEqualTo(0);
        assertThat(step.valueAt(210)).isEqualTo(8);
    }

    @Test
    void noiseIsBoundedAndAFunctionOfSeedTagAndTime() {
        Noise noise = new Noise(42, "heater-1.fuel_gas_flow", 3);
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (long t = 0; t < 10_000; t++) {
            double n = noise.at(t * 1_000_000L);
            low = Math.min(low, n);
            high = Math.max(high, n);
        }
        assertThat(low).isGreaterThanOrEqualTo(-3).isLessThan(-2.9);
        assertThat(high).isLessThan(3).isGreaterThan(2.9);
        assertThat(noise.at(5)).isEqualTo(new Noise(42, "heater-1.fuel_gas_flow", 3).at(5));
        assertThat(noise.at(5)).isNotEqualTo(new Noise(43, "heater-1.fuel_gas_flow", 3).at(5));
        assertThat(noise.at(5)).isNotEqualTo(new Noise(42, "heater-1.fuel_gas_hhv", 3).at(5));
    }
}
