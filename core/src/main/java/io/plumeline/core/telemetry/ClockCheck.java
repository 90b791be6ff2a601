package io.plumeline.core.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Whether a reading's {@code ts} runs ahead of the clocks that saw it arrive. A source clock set years ahead
 * (a device's battery-backed clock after a reset, a wrong year typed in) would put the reading's hour in the
 * future: the event time of the whole job would jump there and every true reading after it would be late. A
 * reading that is ahead is therefore refused (to the dead-letter topic), not accounted; one that is late is
 * not this check's matter (history read back after a gap is rightly late).
 *
 * <p>Use: {@code String refusal = ClockCheck.refusal(ts, serverTs, received, tolerance);} — null when the
 * reading is fine, else the reason for its dead letter. {@code received} is the time the reading arrived by
 * another clock: the edge collector's clock when the OPC UA notification came, or the Kafka record's
 * timestamp on the job's side. {@code serverTs} and {@code received} may be null (not known), and are then not
 * compared. The tolerance absorbs the ordinary skew between the clocks (docs/processes.md: the collector's
 * {@code --max-clock-ahead}, 5 minutes by default).
 */
public final class ClockCheck {

    /** The tolerance when none is configured: well above the skew of NTP-synchronised clocks. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private ClockCheck() {
    }

    /**
     * Null when {@code ts} is at most {@code tolerance} ahead of {@code received} and of {@code serverTs}; else
     * the refusal, naming the clock it is ahead of and by how much, e.g. {@code ts: 2036-01-01T00:00:00Z is
     * 3652 days ahead of the time received 2026-01-01T00:00:00Z, more than the tolerance PT5M}. The time
     * received is compared first: it is the clock of the receiving machine.
     *
     * @throws IllegalArgumentException when {@code ts} or {@code tolerance} is null or the tolerance negative
     */
    public static String refusal(Instant ts, Instant serverTs, Instant received, Duration tolerance) {
        if (ts == null) throw new IllegalArgumentException("ts: missing");
        if (tolerance == null || tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance " + tolerance + ": must be zero or positive");
        }
        String ahead = ahead(ts, received, "the time received", tolerance);
        return ahead != null ? ahead : ahead(ts, serverTs, "serverTs", tolerance);
    }

    private static String ahead(Instant ts, Instant clock, String clockName, Duration tolerance) {
        if (clock == null) return null;
        Duration by = Duration.between(clock, ts);
        if (by.compareTo(tolerance) <= 0) return null;
        return "ts: " + ts + " is " + describe(by) + " ahead of " + clockName + " " + clock + ", more than the tolerance "
                + tolerance;
    }

    /** Whole days from two days on (a clock set a year wrong reads at a glance); else the exact duration. */
    private static String describe(Duration by) {
        return by.toDays() >= 2 ? by.toDays() + " days" : by.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
