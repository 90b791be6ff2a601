package io.plumeline.reporting.emissions;

import static io.plumeline.reporting.api.QueryParameters.shorten;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.influx.InfluxClient;
import io.plumeline.reporting.influx.InfluxQl;
import io.plumeline.reporting.influx.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Hourly emissions from the {@code emissions} measurement (contract 3), as hours or summed into days and months. */
@Service
public class EmissionsService {

    /** As in the {@code gas} tag: the gases the methods give (CO2, CH4, N2O, NOx, SO2, CO) and the hour's CO2e total. */
    static final List<String> GASES = HourlyEmission.GASES;
    static final Duration MAX_RANGE = Duration.ofDays(3653);
    static final Duration MAX_HOURLY_RANGE = Duration.ofDays(366);

    private final InfluxClient influx;

    public EmissionsService(InfluxClient influx) {
        this.influx = influx;
    }

    public EmissionsReport emissions(SiteModel site, TimeRange range, String source, String gas, ReportInterval interval) {
        range.atMost(MAX_RANGE, "for emissions");
        if (interval == ReportInterval.PT1H) {
            range.atMost(MAX_HOURLY_RANGE, "with interval PT1H; give interval P1D or P1M for longer ranges");
        }
        StringBuilder where = new StringBuilder("\"site\" = ").append(InfluxQl.string(site.site().id()))
                .append(" AND time >= ").append(InfluxQl.time(range.from()))
                .append(" AND time < ").append(InfluxQl.time(range.to()));
        if (source != null) {
            where.append(" AND \"source\" = ").append(InfluxQl.string(source(site, source).id()));
        }
        if (gas != null) {
            where.append(" AND \"gas\" = ").append(InfluxQl.string(gas(gas)));
        }
        String query = "SELECT \"mass_kg\", \"co2e_kg\", \"availability_pct\", \"substituted_min\", \"substituted\","
                + " \"substitution_tier\", \"late_count\", \"lineage_id\""
                + " FROM " + influx.resultMeasurement("emissions") + " WHERE " + where + " GROUP BY \"source\", \"gas\", \"method\"";
        List<EmissionRow> hourly = new ArrayList<>();
        for (Series series : influx.query(query)) {
            for (Series.Row row : series.rows()) {
                Double lateCount = row.number("late_count");
                hourly.add(EmissionRow.hour(series.tag("source"), series.tag("gas"), row.time(), row.number("mass_kg"),
                        row.number("co2e_kg"), row.number("availability_pct"), row.number("substituted_min"),
                        row.bool("substituted"), row.text("substitution_tier"),
                        lateCount == null ? null : lateCount.intValue(), series.tag("method"), row.text("lineage_id")));
            }
        }
        return new EmissionsReport(site.site().id(), range.from(), range.to(), interval,
                EmissionsAggregator.aggregate(hourly, interval, site.site().zone()));
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
