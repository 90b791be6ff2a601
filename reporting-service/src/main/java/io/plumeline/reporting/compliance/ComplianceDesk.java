package io.plumeline.reporting.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A year of a site as its compliance officer works it ({@code GET /api/v1/compliance/periods}): each month, quarter and
 * the year with whether its data is complete, its report's state and what the program asks to be filed for it by when.
 */
public record ComplianceDesk(String site, int year, String program, String timeZone, Instant asOf, int sources,
                             List<Period> periods) {

    /**
     * One period. {@code expectedSourceHours} counts the hours of its reportable sources that have ended by
     * {@code asOf}; {@code presentSourceHours} those with a stored result (of any gas); the data is {@code complete}
     * when the period has ended and every source-hour is present and none awaits a backfill.
     */
    public record Period(String period, String length, Instant from, Instant to, boolean ended, int expectedSourceHours,
                         int presentSourceHours, int missingSourceHours, int substitutedHours, int backfillPendingHours,
                         boolean complete, @JsonInclude(JsonInclude.Include.NON_NULL) Report report,
                         List<Filing> filings) {
    }

    /** The newest revision of the period's report, and how many there are. */
    public record Report(String id, int revision, String status, int revisions) {
    }

    /** A filing of the period: late when {@code due} has passed in the site's calendar and its report is not submitted. */
    public record Filing(String what, LocalDate due, String citation, boolean overdue) {
    }
}
