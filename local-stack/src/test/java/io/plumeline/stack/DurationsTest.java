package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "10m, PT10M", "1h, PT1H", "1h30m, PT1H30M", "500ms, PT0.5S", "2d, PT48H", "10M, PT10M"})
    void readsWhatPeopleType(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "m", "10 minutes", "1h x", "0s", "-5m", "1.5h"})
    void refusesAnythingElseSayingHowToWriteIt(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a duration")
                .hasMessageContaining("10m");
    }

    @ParameterizedTest
    @CsvSource({"PT6.25S, 6.3 s", "PT4M5S, 4m 05s", "PT1H2M3S, 1h 02m 03s"})
    void formatsForTheSummary(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }
}
