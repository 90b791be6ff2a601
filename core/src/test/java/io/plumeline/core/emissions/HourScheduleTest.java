package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourScheduleTest {

    private static final long H4 = Instant.parse("2026-11-26T04:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;

    @Test
    void anHourIsComputedAtItsEndAndClosedAfterTheAllowedLateness() {
        HourSchedule schedule = new HourSchedule(10 * MIN);

        assertThat(HourSchedule.hourOf(H4 + 59 * MIN)).isEqualTo(H4);
        assertThat(HourSchedule.hourOf(H4 - 1)).isEqualTo(H4 - 60 * MIN);
        assertThat(HourSchedule.computed(H4, H4 + 60 * MIN - 2)).isFalse();
        assertThat(HourSchedule.computed(H4, H4 + 60 * MIN - 1)).isTrue();
        // 04:00 hour closes when the watermark reaches 05:10 minus 1 ms
        assertThat(schedule.closed(H4, H4 + 70 * MIN - 2)).isFalse();
        assertThat(schedule.closed(H4, H4 + 70 * MIN - 1)).isTrue();

        List<Long> timers = new ArrayList<>();
        schedule.schedule(H4, timers::add);
        assertThat(timers).containsExactly(H4 + 60 * MIN - 1, H4 + 70 * MIN - 1);
        assertThat(HourSchedule.hourComputedAt(timers.get(0))).isEqualTo(H4);
        assertThat(schedule.hourClosedAt(timers.get(1))).isEqualTo(H4);
    }
}
