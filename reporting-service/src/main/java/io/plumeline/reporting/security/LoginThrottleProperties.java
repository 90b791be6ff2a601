package io.plumeline.reporting.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code plumeline.security.login-throttle.*} (basic mode): after {@code max-failures-per-user} failed sign-ins of
 * one user name, or {@code max-failures-per-address} from one client address, each within {@code lockout} of the
 * one before, that name or address is refused with 429 for {@code lockout}.
 */
@ConfigurationProperties("plumeline.security.login-throttle")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerUser,
                                      @DefaultValue("20") int maxFailuresPerAddress,
                                      @DefaultValue("5m") Duration lockout) {

    public LoginThrottleProperties {
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("plumeline.security.login-throttle.max-failures-per-user and"
                    + " max-failures-per-address must be 1 or more");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("plumeline.security.login-throttle.lockout must be positive, not " + lockout);
        }
    }
}
