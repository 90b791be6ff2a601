package io.plumeline.reporting.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Review finding L4: failed sign-ins (HTTP Basic or the form) counted per user name and per client address.
 * Once a name or an address reaches its limit, it is refused for {@code lockout}, even with the right password,
 * so that guessing cannot go on; a failure more than {@code lockout} after the previous one starts a new count,
 * and a successful sign-in clears its user's count (not its address's). Kept in memory, per replica.
 */
final class LoginThrottle {

    /** Above this many tracked names or addresses, the ones whose count has lapsed are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /** What is refused and until when; null from {@link #refusedUntil} when nothing is. */
    record Refusal(String what, int failures, Instant until) {
    }

    private final LoginThrottleProperties limits;
    private final Clock clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Whether a sign-in as {@code user} (null: none named) from {@code address} is refused now. */
    Refusal refusedUntil(String user, String address) {
        Instant now = clock.instant();
        Failures byUser = user == null ? null : users.get(user);
        if (byUser != null && byUser.lockedUntil() != null && now.isBefore(byUser.lockedUntil())) {
            return new Refusal("user '" + user + "'", byUser.count(), byUser.lockedUntil());
        }
        Failures byAddress = addresses.get(address);
        if (byAddress != null && byAddress.lockedUntil() != null && now.isBefore(byAddress.lockedUntil())) {
            return new Refusal("address " + address, byAddress.count(), byAddress.lockedUntil());
        }
        return null;
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (user != null) {
            count(users, user, limits.maxFailuresPerUser(), now);
        }
        count(addresses, address, limits.maxFailuresPerAddress(), now);
    }

    void succeeded(String user) {
        users.remove(user);
    }

    private void count(Map<String, Failures> counts, String key, int limit, Instant now) {
        Duration lockout = limits.lockout();
        counts.compute(key, (k, before) -> {
            int count = before == null || !now.isBefore(before.last().plus(lockout)) ? 1 : before.count() + 1;
            return new Failures(count, now, count >= limit ? now.plus(lockout) : null);
        });
        if (counts.size() > PRUNE_ABOVE) {
            counts.values().removeIf(f -> f.last().plus(lockout).isBefore(now)
                    && (f.lockedUntil() == null || f.lockedUntil().isBefore(now)));
        }
    }
}
