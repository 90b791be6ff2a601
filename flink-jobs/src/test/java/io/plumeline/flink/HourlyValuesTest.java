package io.plumeline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The look-back state's load ranges, also in state kept before they were recorded. */
class HourlyValuesTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void theLatestQualityAssuredHoursComeWithTheirLoadRangesNewestFirst() {
        HourlyValues values = new HourlyValues(10);
        values.record(0, 1.0, 8);
        values.record(HOUR, null, 8);
        values.record(2 * HOUR, 3.0, 3);
        values.record(3 * HOUR, 4.0, 8);

        HourlyValues.LoadedValues lookBack = values.latestQualityAssuredWithLoad(0, 4 * HOUR, 2);
        assertThat(lookBack.values()).containsExactly(4.0, 3.0);
        assertThat(lookBack.ranges()).containsExactly(8, 3);
    }

    /**
     * A savepoint from before load ranges were recorded restores the field as null (Flink's POJO serializer gives a
     * field it did not write Java's default): the hours kept match no range, and the next hour records its own.
     */
    @Test
    void stateRestoredWithoutLoadRangesRecordsTheNextHoursRange() {
        HourlyValues restored = new HourlyValues(10);
        restored.hours = new ArrayList<>(List.of(0L, HOUR));
        restored.values = new ArrayList<>(Arrays.asList(1.0, 2.0));
        restored.qualityAssuredHours = 2;
        restored.operatingHours = 2;
        restored.firstHour = 0L;
        restored.loadRanges = null;

        assertThat(restored.latestQualityAssuredWithLoad(0, 2 * HOUR, 5).ranges()).containsExactly(null, null);
        restored.record(2 * HOUR, 3.0, 8);
        assertThat(restored.latestQualityAssuredWithLoad(0, 3 * HOUR, 5).ranges()).containsExactly(8, null, null);
        assertThat(restored.latestQualityAssuredWithLoad(0, 3 * HOUR, 5).values()).containsExactly(3.0, 2.0, 1.0);
    }
}
