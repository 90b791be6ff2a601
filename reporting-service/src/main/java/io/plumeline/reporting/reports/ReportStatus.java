package io.plumeline.reporting.reports;

import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.QueryParameters;
import java.util.Arrays;

/** draft → approved (frozen, by a compliance officer) → submitted (visible to regulators). */
public enum ReportStatus {
    DRAFT, APPROVED, SUBMITTED;

    public String id() {
        return name().toLowerCase();
    }

    static ReportStatus of(String stored) {
        return valueOf(stored.toUpperCase());
    }

    static ReportStatus parse(String parameter, String value) {
        return Arrays.stream(values()).filter(s -> s.id().equals(value.strip())).findFirst()
                .orElseThrow(() -> new BadParameterException(parameter, "unknown status '" + QueryParameters.shorten(value)
                        + "'; one of [draft, approved, submitted]"));
    }
}
