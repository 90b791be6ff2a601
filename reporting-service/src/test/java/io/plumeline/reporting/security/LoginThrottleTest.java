package io.plumeline.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Review finding L4, on a clock the test moves: 3 failures per user, 5 per address, 5 minutes. */
class LoginThrottleTest {

    static final String HOME = "10.0.0.7";
    Instant now = Instant.parse("2026-12-02T08:00:00Z");
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, 5, Duration.ofMinutes(5)), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void aUserIsRefusedAfterItsLimitUntilTheLockoutEnds() {
        throttle.failed("li.wei", HOME);
        throttle.failed("li.wei", HOME);
        assertThat(throttle.refusedUntil("li.wei", HOME)).as("2 of 3").isNull();
        now = now.plusSeconds(60);
        throttle.failed("li.wei", HOME);
        LoginThrottle.Refusal refusal = throttle.refusedUntil("li.wei", "10.0.0.8");
        assertThat(refusal).as("from any address").isNotNull();
        assertThat(refusal.until()).isEqualTo(Instant.parse("2026-12-02T08:06:00Z"));
        assertThat(refusal.what()).isEqualTo("user 'li.wei'");
        assertThat(throttle.refusedUntil("zhang.min", HOME)).as("another user").isNull();
        now = Instant.parse("2026-12-02T08:06:00Z");
        assertThat(throttle.refusedUntil("li.wei", HOME)).isNull();
        throttle.failed("li.wei", HOME);
        assertThat(throttle.refusedUntil("li.wei", HOME)).as("a failure after the lockout starts a new count").isNull();
    }

    @Test
    void failuresFarApartAndASuccessStartANewCount() {
        throttle.failed("li.wei", HOME);
        throttle.failed("li.wei", HOME);
        now = now.plus(Duration.ofMinutes(6));
        throttle.failed("li.wei", HOME);
        assertThat(throttle.refusedUntil("li.wei", HOME)).isNull();
        throttle.failed("li.wei", HOME);
        throttle.succeeded("li.wei");
        throttle.failed("li.wei", HOME);
        assertThat(throttle.refusedUntil("li.wei", HOME)).isNull();
    }

    @Test
    void anAddressTryingManyNamesIsRefusedForEveryName() {
        for (String user : new String[] {"a", "b", "c", "d", "e"}) {
            throttle.failed(user, HOME);
        }
        assertThat(throttle.refusedUntil("li.wei", HOME)).extracting(LoginThrottle.Refusal::what).isEqualTo("address " + HOME);
        assertThat(throttle.refusedUntil("li.wei", "10.0.0.8")).isNull();
    }
}
