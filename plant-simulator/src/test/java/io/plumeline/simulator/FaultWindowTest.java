package io.plumeline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultWindowTest {

    @Test
    void parsesTagAndInclusiveTickRange() {
        FaultWindow window = FaultWindow.parse("heater-1.fuel_gas_flow:3-5");

        assertThat(window.tag()).isEqualTo("heater-1.fuel_gas_flow");
        assertThat(window.covers(2)).isFalse();
        assertThat(window.covers(3)).isTrue();
        assertThat(window.covers(5)).isTrue();
        assertThat(window.covers(6)).isFalse();
    }

    @Test
    void tagMayContainColons() {
        assertThat(FaultWindow.parse("area:a.flow:0-0").tag()).isEqualTo("area:a.flow");
    }

    @Test
    void refusesReversedOrMalformedRanges() {
        assertThatThrownBy(() -> FaultWindow.parse("t:5-3")).hasMessageContaining("5-3");
        assertThatThrownBy(() -> FaultWindow.parse("t:-1-3")).hasMessageContaining("TAG:FIRST-LAST");
        assertThatThrownBy(() -> FaultWindow.parse("t:a-b")).hasMessageContaining("tick numbers");
        assertThatThrownBy(() -> FaultWindow.parse("t")).hasMessageContaining("TAG:FIRST-LAST");
    }
}
