package io.plumeline.stack;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase();
        Matcher part = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = part.end();
        }
        if (trimmed.isEmpty() || end != trimmed.length() || total.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write it like 90s, 10m, 1h"
                    + " or 1h30m (units ms, s, m, h, d)");
        }
        return total;
    }

    /** {@code 1h 02m 03s}, {@code 4m 05s}, {@code 6.2 s}. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format("%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm %02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
