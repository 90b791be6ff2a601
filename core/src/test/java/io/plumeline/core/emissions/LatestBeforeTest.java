package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatestBeforeTest {

    private static final Instant HOUR = Instant.parse("2026-11-26T04:00:00Z");

    private record Reading(String tag, Instant ts, Double value) {
        Sample sample() {
            return new Sample(ts, value);
        }
    }

    @Test
    void onlyTheLatestReadingBeforeTheHourReachesIntoIt() {
        List<Reading> earlier = List.of(
                new Reading("flow", HOUR.minusSeconds(30), 2.0),
                new Reading("flow", HOUR.minusSeconds(90), 1.0),   // older, arrived after: not the latest
                new Reading("hhv", HOUR.minusSeconds(600), 38.5));
        List<Reading> inHour = List.of(new Reading("flow", HOUR.plusSeconds(60), 3.0));

        Map<String, List<Sample>> samples = LatestBefore.hourSamples(earlier, inHour, Reading::tag, Reading::ts, Reading::sample);

        assertThat(samples.get("flow")).containsExactly(new Sample(HOUR.minusSeconds(30), 2.0), new Sample(HOUR.plusSeconds(60), 3.0));
        assertThat(samples.get("hhv")).containsExactly(new Sample(HOUR.minusSeconds(600), 38.5));
    }

    @Test
    void ofTwoAtTheSameInstantTheOneThatCameLaterIsKept() {
        Map<String, Reading> latest = new HashMap<>();
        LatestBefore.keep(latest, "flow", new Reading("flow", HOUR, 1.0), Reading::ts);
        LatestBefore.keep(latest, "flow", new Reading("flow", HOUR, null), Reading::ts);
        LatestBefore.keep(latest, "flow", new Reading("flow", HOUR.minusMillis(1), 5.0), Reading::ts);

        assertThat(latest.get("flow").value()).isNull();
        assertThat(LatestBefore.replaces(HOUR, null)).isTrue();
    }
}
