package io.plumeline.hj212.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CadenceTest {

    private static final Duration RT = Duration.ofSeconds(30);

    /** 02:00:47Z lies in the 30 s slot from 02:00:30Z; in Shanghai (UTC+8) it is 10:00:47, its day starting 16:00Z before. */
    @Test
    void findsTheIntervalThatHoldsAnInstant() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant at = Instant.parse("2026-03-01T02:00:47Z");

        assertThat(Cadence.REALTIME.start(at, shanghai, RT)).isEqualTo(Instant.parse("2026-03-01T02:00:30Z"));
        assertThat(Cadence.MINUTE.start(at, shanghai, RT)).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
        assertThat(Cadence.HOUR.start(at, shanghai, RT)).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
        assertThat(Cadence.DAY.start(at, shanghai, RT)).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
    }

    /** Berlin changes to summer time on 2026-03-29 (02:00 → 03:00): that day, midnight to midnight, has 23 hours. */
    @Test
    void aDayRunsFromMidnightToMidnightOfTheSitesZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant start = Cadence.DAY.start(Instant.parse("2026-03-29T12:00:00Z"), berlin, RT);

        assertThat(Duration.between(start, Cadence.DAY.end(start, berlin, RT))).isEqualTo(Duration.ofHours(23));
    }
}
