package io.plumeline.reporting.reports;

import static io.plumeline.core.contracts.InfluxQl.identifiers;
import static io.plumeline.core.contracts.InfluxQl.identifier;
import static io.plumeline.core.contracts.InfluxQl.is;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.emissions.CalculationMethod;
import io.plumeline.core.emissions.Calculator;
import io.plumeline.core.emissions.FactorTable;
import io.plumeline.core.emissions.GwpSet;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.reporting.ChinaGuidelineTotal;
import io.plumeline.core.reporting.PeriodChange;
import io.plumeline.core.reporting.PeriodEmissions;
import io.plumeline.core.reporting.ReportingPeriod;
import io.plumeline.core.reporting.SourceGasPeriod;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.emissions.EmissionSums;
import io.plumeline.reporting.influx.InfluxClient;
import io.plumeline.reporting.influx.Series;
import io.plumeline.reporting.site.SiteCatalog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Computes a period report from what the Flink job stored: the hours of {@code emissions} summed per source and
 * gas by InfluxDB (a year of a large site is millions of hours, too many to carry here one by one), rolled up by
 * core, and the minutes of {@code alerts} in the period.
 */
@Service
public class ReportCalculator {

    private final InfluxClient influx;
    private final Calculator calculator;
    private final SiteCatalog sites;

    public ReportCalculator(InfluxClient influx, Calculator calculator, SiteCatalog sites) {
        this.influx = influx;
        this.calculator = calculator;
        this.sites = sites;
    }

    /**
     * The period's report under the GWP set its program prescribes for the period's reporting year (40 CFR 98 Table
     * A-1, Reg. (EU) 2018/2066 Annex VI, the MEE guidelines: {@link GwpSet#forReport}); the previous period, for the
     * change, is rolled up under the same set, so the change is in emissions, not in GWPs.
     */
    public ReportContent compute(SiteModel model, ReportingPeriod period) {
        ZoneId zone = model.site().zone();
        GwpSet gwp = gwp(model, period);
        TimeRange range = range(period, zone);
        PeriodEmissions now = rollup(model, range, gwp);
        ReportingPeriod previous = period.previous();
        PeriodEmissions before = rollup(model, range(previous, zone), gwp);
        var site = model.site();
        return new ReportContent(site.id(), site.name(), period.toString(), range.from(), range.to(), site.timezone(),
                site.program(), gwp.id(), inputs(model, gwp),
                new ReportContent.Totals(now.co2eKg(), now.byGas()), now.bySource(), now.byUnit(), now.byMethod(),
                exceedances(model, range), PeriodChange.of(previous, before.co2eKg(), now.co2eKg()),
                chinaGuideline(model, now));
    }

    /** The China petrochemical guideline's parts and total for a CN_MEE site (docs/reports.md, "China MEE"). */
    private static ChinaGuidelineTotal chinaGuideline(SiteModel model, PeriodEmissions now) {
        if (!ChinaGuidelineTotal.PROGRAM.equals(model.site().program())) return null;
        return ChinaGuidelineTotal.of(now.bySource(),
                source -> model.source(source).map(EmissionSource::category).orElse(null));
    }

    /** The period's roll-up by gas alone, for the fleet report. */
    public PeriodEmissions rollup(SiteModel model, ReportingPeriod period) {
        return rollup(model, range(period, model.site().zone()), gwp(model, period));
    }

    /** The GWP set a report of {@code period} at this site is in. */
    public static GwpSet gwp(SiteModel model, ReportingPeriod period) {
        return GwpSet.forReport(model.site().program(), period.year(), model.site().gwp());
    }

    private static TimeRange range(ReportingPeriod period, ZoneId zone) {
        return new TimeRange(period.start(zone), period.end(zone));
    }

    private PeriodEmissions rollup(SiteModel model, TimeRange range, GwpSet gwp) {
        String fromWhere = " FROM " + influx.measurement(Measurement.EMISSIONS)
                + " WHERE " + is(Keys.SITE, model.site().id())
                + " AND time >= " + InfluxQl.time(range.from()) + " AND time < " + InfluxQl.time(range.to())
                + " AND " + identifier(Keys.GAS) + " != " + InfluxQl.string(HourlyEmission.CO2E);
        List<SourceGasPeriod> sums = new ArrayList<>();
        for (EmissionSums sum : EmissionSums.read(influx.queryAll(EmissionSums.statements(fromWhere, true)))) {
            // a source removed from the site model since keeps its results, under no unit
            String unit = model.source(sum.source()).map(EmissionSource::unit).orElse("");
            sums.add(new SourceGasPeriod(sum.source(), unit, sum.method(), sum.gas(),
                    sum.massKg() == null ? 0 : sum.massKg(), sum.hours(), sum.availabilitySumPct(),
                    sum.availabilityHours(), sum.substitutedHours(), sum.lateCorrectedHours(), sum.backfillPendingHours()));
        }
        return PeriodEmissions.of(sums, gwp, source -> fossil(model, source));
    }

    /** The CH4 potential of AR6 depends on the fuel: fossil unless the Part 98 table says otherwise. */
    private boolean fossil(SiteModel model, String sourceId) {
        return model.source(sourceId).map(EmissionSource::fuel)
                .flatMap(fuel -> calculator.factors().epaC1C2().fuel(fuel)).map(FactorTable.Fuel::fossil).orElse(true);
    }

    private ReportContent.Inputs inputs(SiteModel model, GwpSet gwp) {
        Map<String, String> tables = new TreeMap<>();
        for (EmissionSource source : model.sources()) {
            CalculationMethod.find(source.method()).ifPresent(method ->
                    calculator.factors().tablesOf(method).forEach(table -> tables.put(table.id(), table.version())));
        }
        return new ReportContent.Inputs(sites.contentHash(model.site().id()),
                tables.entrySet().stream().map(e -> new ReportContent.Versioned(e.getKey(), e.getValue())).toList(),
                new ReportContent.Versioned(gwp.id(), gwp.version()));
    }

    /** Alert points of the period per tag and limit (tag {@code limit} is {@code <averaging>:<max>}). */
    private List<ReportContent.Exceedance> exceedances(SiteModel model, TimeRange range) {
        String query = "SELECT " + identifiers(Keys.VALUE, Keys.MAX) + " FROM " + influx.measurement(Measurement.ALERTS)
                + " WHERE " + is(Keys.SITE, model.site().id())
                + " AND time >= " + InfluxQl.time(range.from()) + " AND time < " + InfluxQl.time(range.to())
                + " GROUP BY " + identifiers(Keys.TAG, Keys.LIMIT);
        List<ReportContent.Exceedance> exceedances = new ArrayList<>();
        for (Series series : influx.query(query)) {
            if (series.rows().isEmpty()) continue;
            String label = series.tag(Keys.LIMIT) == null ? "" : series.tag(Keys.LIMIT);
            double maxValue = Double.NEGATIVE_INFINITY;
            Double limit = null;
            Instant first = null;
            Instant last = null;
            for (Series.Row row : series.rows()) {
                Double value = row.number(Keys.VALUE);
                if (value != null) maxValue = Math.max(maxValue, value);
                if (limit == null) limit = row.number(Keys.MAX);
                Instant time = row.time();
                if (first == null || time.isBefore(first)) first = time;
                if (last == null || time.isAfter(last)) last = time;
            }
            exceedances.add(new ReportContent.Exceedance(series.tag(Keys.TAG), limit,
                    label.contains(":") ? label.substring(0, label.indexOf(':')) : label, series.rows().size(),
                    maxValue == Double.NEGATIVE_INFINITY ? null : maxValue, first, last));
        }
        exceedances.sort(Comparator.comparing(ReportContent.Exceedance::tag)
                .thenComparing(ReportContent.Exceedance::averaging));
        return exceedances;
    }
}
