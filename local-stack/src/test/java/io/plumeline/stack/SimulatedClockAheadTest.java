package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A demo's plant runs faster than the wall clock, so its readings are stamped ahead of their Kafka and server times;
 * the job must be told how far, or it refuses them as a device clock that runs ahead.
 */
class SimulatedClockAheadTest {

    @Test
    void aThreeMinuteDemoAtSixtyTimesRunsFiftyNineTimesItsLengthAheadPlusTheUsualTolerance() {
        // 3 min × (60 − 1) = 177 min, plus the 5 min any clock may be ahead: 3 h 02 min
        assertThat(StackRun.simulatedClockAhead(60, Duration.ofMinutes(3))).contains(Duration.ofMinutes(182));
    }

    @Test
    void anOpenEndedDemoIsAllowedAWeekOfWallTime() {
        // 7 d × 9 = 63 d, plus 5 min
        assertThat(StackRun.simulatedClockAhead(10, null)).contains(Duration.ofDays(63).plusMinutes(5));
    }

    @Test
    void realTimeAndTheSiteOwnServersKeepTheJobDefault() {
        assertThat(StackRun.simulatedClockAhead(1, Duration.ofHours(1))).isEmpty();
        assertThat(StackRun.simulatedClockAhead(null, Duration.ofHours(1))).isEmpty();
    }
}
