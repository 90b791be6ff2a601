package io.plumeline.reporting.compliance;

import io.plumeline.core.reporting.FilingCalendar;
import io.plumeline.core.reporting.ReportingPeriod;
import io.plumeline.core.reporting.ReportingPeriod.Length;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.emissions.EmissionRow;
import io.plumeline.reporting.emissions.EmissionsService;
import io.plumeline.reporting.emissions.ReportInterval;
import io.plumeline.reporting.reports.ReportService;
import io.plumeline.reporting.reports.ReportStatus;
import io.plumeline.reporting.reports.ReportSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The compliance desk of a year: the months' source-hours from the {@code emissions} measurement (one query, summed by
 * InfluxDB per month), the quarters and the year added up from them, each period's newest report and its filings.
 */
@Service
public class ComplianceDeskService {

    private final EmissionsService emissions;
    private final ReportService reports;

    public ComplianceDeskService(EmissionsService emissions, ReportService reports) {
        this.emissions = emissions;
        this.reports = reports;
    }

    public ComplianceDesk year(SiteModel model, int year) {
        ZoneId zone = model.site().zone();
        Instant now = Instant.now();
        Instant asOf = now.truncatedTo(ChronoUnit.HOURS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Set<String> sources = model.sources().stream().filter(EmissionSource::reportable).map(EmissionSource::id)
                .collect(Collectors.toSet());
        boolean part75 = model.sources().stream().anyMatch(s -> "PART75".equals(s.substitution()));
        ReportingPeriod whole = new ReportingPeriod(year, Length.YEAR, 0);

        Map<Integer, Hours> months = new HashMap<>();
        if (whole.start(zone).isBefore(asOf)) {
            TimeRange range = new TimeRange(whole.start(zone), min(whole.end(zone), asOf));
            List<EmissionRow> rows = emissions.emissions(model, range, null, null, ReportInterval.P1M).rows();
            for (int month = 1; month <= 12; month++) {
                Instant start = new ReportingPeriod(year, Length.MONTH, month).start(zone);
                months.put(month, Hours.of(rows.stream().filter(r -> r.start().equals(start)
                        && sources.contains(r.source())).toList()));
            }
        }
        Map<String, List<ReportSummary>> byPeriod = reports.list(model.site().id(), null, null).stream()
                .collect(Collectors.groupingBy(ReportSummary::period));

        List<ComplianceDesk.Period> periods = new ArrayList<>();
        List<ReportingPeriod> all = new ArrayList<>();
        for (int month = 1; month <= 12; month++) all.add(new ReportingPeriod(year, Length.MONTH, month));
        for (int quarter = 1; quarter <= 4; quarter++) all.add(new ReportingPeriod(year, Length.QUARTER, quarter));
        all.add(whole);
        for (ReportingPeriod period : all) {
            Hours hours = Hours.NONE;
            for (LocalDate month = period.firstDay(); month.isBefore(period.endDay()); month = month.plusMonths(1)) {
                hours = hours.plus(months.getOrDefault(month.getMonthValue(), Hours.NONE));
            }
            Instant from = period.start(zone), to = period.end(zone);
            int expected = (int) (sources.size() * Math.max(0, Duration.between(from, min(to, asOf)).toHours()));
            boolean ended = !to.isAfter(asOf);
            List<ReportSummary> revisions = byPeriod.getOrDefault(period.toString(), List.of());
            ReportSummary newest = revisions.isEmpty() ? null : revisions.get(0);
            boolean submitted = revisions.stream().anyMatch(r -> r.state() == ReportStatus.SUBMITTED);
            List<ComplianceDesk.Filing> filings = FilingCalendar.filingsOf(model.site().program(), part75, period).stream()
                    .map(f -> new ComplianceDesk.Filing(f.what(), f.due(), f.citation(), !submitted && today.isAfter(f.due())))
                    .toList();
            int missing = Math.max(0, expected - hours.present());
            periods.add(new ComplianceDesk.Period(period.toString(), period.length().name().toLowerCase(), from, to, ended,
                    expected, hours.present(), missing, hours.substituted(), hours.pending(),
                    ended && missing == 0 && hours.pending() == 0,
                    newest == null ? null : new ComplianceDesk.Report(newest.id(), newest.revision(), newest.status(),
                            revisions.size()), filings));
        }
        return new ComplianceDesk(model.site().id(), year, model.site().program(), model.site().timezone(), asOf,
                sources.size(), periods);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A period's source-hours: a source's hour is present when any of its gases has a result for it. */
    record Hours(int present, int substituted, int pending) {

        static final Hours NONE = new Hours(0, 0, 0);

        static Hours of(List<EmissionRow> rows) {
            Map<String, Hours> bySource = new HashMap<>();
            for (EmissionRow row : rows) {
                Hours gas = new Hours(row.hours(), nonNull(row.substitutedHours()), nonNull(row.backfillPendingHours()));
                bySource.merge(row.source(), gas, Hours::widest);
            }
            return bySource.values().stream().reduce(NONE, Hours::plus);
        }

        Hours plus(Hours other) {
            return new Hours(present + other.present, substituted + other.substituted, pending + other.pending);
        }

        /** Of a source's gases, the one with the most hours in each count (a pollutant may lack the CO2e row). */
        Hours widest(Hours other) {
            return new Hours(Math.max(present, other.present), Math.max(substituted, other.substituted),
                    Math.max(pending, other.pending));
        }

        private static int nonNull(Integer value) {
            return value == null ? 0 : value;
        }
    }
}
