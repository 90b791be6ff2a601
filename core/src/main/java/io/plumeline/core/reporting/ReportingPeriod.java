package io.plumeline.core.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of a site's calendar: a year ({@code 2026}), a quarter ({@code 2026-Q1}) or a month
 * ({@code 2026-03}). It starts at midnight of its first day in the site's time zone and ends, exclusive, at
 * midnight of the day after its last, so a period is the same local days wherever the site is.
 */
public record ReportingPeriod(int year, Length length, int number) {

    public enum Length { YEAR, QUARTER, MONTH }

    /** Years InfluxDB can hold in every time zone (it stores nanoseconds from 1677 to 2262). */
    public static final int FIRST_YEAR = 1678;
    public static final int LAST_YEAR = 2261;

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-Q(\\d)|-(\\d{2}))?");

    public ReportingPeriod {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        int last = switch (length) {
            case YEAR -> 0;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        if (length == Length.YEAR ? number != 0 : number < 1 || number > last) {
            throw new IllegalArgumentException(length.name().toLowerCase() + " " + number + " does not exist; "
                    + (length == Length.QUARTER ? "quarters are Q1 to Q4" : "months are 01 to 12"));
        }
    }

    /** Reads {@code 2026}, {@code 2026-Q1} or {@code 2026-03}; anything else is refused, saying what is meant. */
    public static ReportingPeriod parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a period: give a year (2026), a quarter (2026-Q1"
                    + " to 2026-Q4) or a month (2026-01 to 2026-12)");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) return new ReportingPeriod(year, Length.QUARTER, Integer.parseInt(m.group(2)));
        if (m.group(3) != null) return new ReportingPeriod(year, Length.MONTH, Integer.parseInt(m.group(3)));
        return new ReportingPeriod(year, Length.YEAR, 0);
    }

    public LocalDate firstDay() {
        return switch (length) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, 3 * number - 2, 1);
            case MONTH -> LocalDate.of(year, number, 1);
        };
    }

    /** The day after the last, where the next period begins. */
    public LocalDate endDay() {
        return switch (length) {
            case YEAR -> firstDay().plusYears(1);
            case QUARTER -> firstDay().plusMonths(3);
            case MONTH -> firstDay().plusMonths(1);
        };
    }

    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return endDay().atStartOfDay(zone).toInstant();
    }

    /** The period of the same length just before: 2026-Q1 → 2025-Q4, 2026-01 → 2025-12, 2026 → 2025. */
    public ReportingPeriod previous() {
        return switch (length) {
            case YEAR -> new ReportingPeriod(year - 1, length, 0);
            case QUARTER -> number == 1 ? new ReportingPeriod(year - 1, length, 4) : new ReportingPeriod(year, length, number - 1);
            case MONTH -> number == 1 ? new ReportingPeriod(year - 1, length, 12) : new ReportingPeriod(year, length, number - 1);
        };
    }

    @Override
    public String toString() {
        return switch (length) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + number;
            case MONTH -> year + "-" + (number < 10 ? "0" : "") + number;
        };
    }
}
