package io.plumeline.reporting.emissions;

import static io.plumeline.reporting.api.QueryParameters.shorten;
import static io.plumeline.core.contracts.InfluxQl.identifiers;
import static io.plumeline.core.contracts.InfluxQl.is;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.influx.InfluxClient;
import io.plumeline.reporting.influx.Series;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** Hourly emissions from the {@code emissions} measurement (contract 3), as hours or summed into days and months. */
@Service
public class EmissionsService {

    /** As in the {@code gas} tag: the gases the methods give (CO2, CH4, N2O, NOx, SO2, CO) and the hour's CO2e total. */
    static final List<String> GASES = HourlyEmission.GASES;
    static final Duration MAX_RANGE = Duration.ofDays(3653);
    static final Duration MAX_HOURLY_RANGE = Duration.ofDays(366);
    private static final int PERIODS_PER_REQUEST = 100;
    private static final String BY_SERIES = " GROUP BY " + identifiers(Keys.SOURCE, Keys.GAS, Keys.METHOD);

    static final Comparator<EmissionRow> ORDER = Comparator.comparing(EmissionRow::source)
            .thenComparing(EmissionRow::gas).thenComparing(EmissionRow::start)
            .thenComparing(EmissionRow::method, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final InfluxClient influx;

    public EmissionsService(InfluxClient influx) {
        this.influx = influx;
    }

    public EmissionsReport emissions(SiteModel site, TimeRange range, String source, String gas, ReportInterval interval) {
        range.atMost(MAX_RANGE, "for emissions");
        if (interval == ReportInterval.PT1H) {
            range.atMost(MAX_HOURLY_RANGE, "with interval PT1H; give interval P1D or P1M for longer ranges");
        }
        StringBuilder where = new StringBuilder(is(Keys.SITE, site.site().id()))
                .append(" AND time >= ").append(InfluxQl.time(range.from()))
                .append(" AND time < ").append(InfluxQl.time(range.to()));
        if (source != null) {
            where.append(" AND ").append(is(Keys.SOURCE, source(site, source).id()));
        }
        if (gas != null) {
            where.append(" AND ").append(is(Keys.GAS, gas(gas)));
        }
        String from = " FROM " + influx.measurement(Measurement.EMISSIONS) + " WHERE " + where;
        List<EmissionRow> rows = interval == ReportInterval.PT1H ? hours(from)
                : periods(from, range, interval, site.site().zone());
        rows.sort(ORDER);
        return new EmissionsReport(site.site().id(), range.from(), range.to(), interval, rows);
    }

    private List<EmissionRow> hours(String from) {
        List<EmissionRow> hourly = new ArrayList<>();
        for (Series series : influx.query("SELECT " + identifiers(Keys.MASS_KG, Keys.CO2E_KG, Keys.AVAILABILITY_PCT,
                Keys.SUBSTITUTED_MIN, Keys.SUBSTITUTED, Keys.SUBSTITUTION_TIER, Keys.LATE_COUNT, Keys.LINEAGE_ID, Keys.OPERATING,
                Keys.BACKFILL_PENDING, Keys.MODC) + from + BY_SERIES)) {
            for (Series.Row row : series.rows()) {
                Double lateCount = row.number(Keys.LATE_COUNT);
                hourly.add(EmissionRow.hour(series.tag(Keys.SOURCE), series.tag(Keys.GAS), row.time(),
                        row.number(Keys.MASS_KG), row.number(Keys.CO2E_KG), row.number(Keys.AVAILABILITY_PCT),
                        row.number(Keys.SUBSTITUTED_MIN), row.bool(Keys.SUBSTITUTED), row.text(Keys.SUBSTITUTION_TIER),
                        lateCount == null ? null : lateCount.intValue(), series.tag(Keys.METHOD),
                        row.text(Keys.LINEAGE_ID), row.bool(Keys.OPERATING), row.bool(Keys.BACKFILL_PENDING),
                        row.text(Keys.MODC)));
            }
        }
        return hourly;
    }

    /**
     * Days or months of the site's calendar, each summed by InfluxDB (InfluxQL's GROUP BY time() has no months
     * and cuts days in UTC, so each period is its own pair of statements, sent in batches). Masses, substituted
     * minutes and substituted hours add up; availability is the mean over the hours present, each hour weighing
     * the same. Sums stay within one source and gas: the CO2e total never adds to the gases it totals.
     */
    private List<EmissionRow> periods(String from, TimeRange range, ReportInterval interval, ZoneId zone) {
        List<Instant> starts = new ArrayList<>();
        for (Instant start = interval.periodStart(range.from(), zone); start.isBefore(range.to()); start = interval.next(start, zone)) {
            starts.add(start);
        }
        List<EmissionRow> rows = new ArrayList<>();
        for (int first = 0; first < starts.size(); first += PERIODS_PER_REQUEST) {
            List<Instant> batch = starts.subList(first, Math.min(starts.size(), first + PERIODS_PER_REQUEST));
            List<String> statements = new ArrayList<>();
            for (Instant start : batch) {
                Instant end = interval.next(start, zone);
                statements.addAll(EmissionSums.statements(from + " AND time >= " + InfluxQl.time(max(start, range.from()))
                        + " AND time < " + InfluxQl.time(end.isAfter(range.to()) ? range.to() : end), false));
            }
            List<List<Series>> answers = influx.queryAll(statements);
            int perPeriod = statements.size() / batch.size();
            for (int i = 0; i < batch.size(); i++) {
                for (EmissionSums sum : EmissionSums.read(answers.subList(perPeriod * i, perPeriod * (i + 1)))) {
                    rows.add(EmissionRow.period(sum.source(), sum.gas(), batch.get(i), sum.massKg(), sum.co2eKg(),
                            sum.availabilityPct(), sum.substitutedMin(), sum.substitutedHours(), sum.backfillPendingHours(),
                            sum.nonOperatingHours(), sum.method(), sum.hours()));
                }
            }
        }
        return rows;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static EmissionSource source(SiteModel site, String id) {
        return site.source(id).orElseThrow(() -> new BadParameterException("source", "unknown source '" + shorten(id)
                + "' in site '" + site.site().id() + "'; one of " + site.sources().stream().map(EmissionSource::id).toList()));
    }

    private static String gas(String gas) {
        if (!GASES.contains(gas)) {
            throw new BadParameterException("gas", "unknown gas '" + shorten(gas) + "'; one of " + GASES);
        }
        return gas;
    }
}
