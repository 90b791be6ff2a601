package io.plumeline.reporting.emissions;

import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.QueryParameters;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/** The row length of an emissions answer: the stored hours, or days and months of the site's calendar. */
public enum ReportInterval {
    PT1H, P1D, P1M;

    static ReportInterval parse(String value) {
        if (value == null || value.isBlank()) {
            return PT1H;
        }
        return Arrays.stream(values()).filter(i -> i.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> new BadParameterException("interval", "'" + QueryParameters.shorten(value)
                        + "' is not one of " + Arrays.toString(values())));
    }

    /** The start of the period that holds the hour starting at {@code hour}, in the site's time zone. */
    Instant periodStart(Instant hour, ZoneId zone) {
        ZonedDateTime local = hour.atZone(zone);
        return switch (this) {
            case PT1H -> hour;
            case P1D -> local.toLocalDate().atStartOfDay(zone).toInstant();
            case P1M -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        };
    }

    /** The start of the period after the one starting at {@code periodStart}. */
    Instant next(Instant periodStart, ZoneId zone) {
        ZonedDateTime local = periodStart.atZone(zone);
        return switch (this) {
            case PT1H -> periodStart.plusSeconds(3600);
            case P1D -> local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case P1M -> local.toLocalDate().plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }
}
