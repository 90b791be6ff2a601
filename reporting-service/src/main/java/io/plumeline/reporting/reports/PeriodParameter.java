package io.plumeline.reporting.reports;

import io.plumeline.core.reporting.ReportingPeriod;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.QueryParameters;

/** The {@code period=} parameter: 2026, 2026-Q1 or 2026-03; anything else is 400 naming it. */
public final class PeriodParameter {

    private PeriodParameter() {
    }

    public static ReportingPeriod parse(String value) {
        QueryParameters.required("period", value);
        try {
            return ReportingPeriod.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("period", e.getMessage().replace(value, QueryParameters.shorten(value)));
        }
    }
}
