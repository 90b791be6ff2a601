package io.plumeline.core.reporting;

import io.plumeline.core.emissions.Accounting;
import io.plumeline.core.emissions.CalculationMethod;
import io.plumeline.core.emissions.Gas;
import io.plumeline.core.emissions.GwpSet;
import io.plumeline.core.emissions.HourlyEmission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A period's emissions rolled up from the sums of the stored hours: per source (its gases, CO2e, data availability,
 * substituted hours, hours corrected by late readings), per plant unit, per method and per gas, with CO2e
 * recomputed from each gas's mass under the report's GWP set, so the report names the set its totals are in
 * whatever set the hours were stored under. The hours' own {@code CO2e} rows are totals, not gases: they are
 * left out here, never added to the gases they total.
 */
public record PeriodEmissions(double co2eKg, List<GasTotal> byGas, List<SourceTotal> bySource,
                              List<GroupTotal> byUnit, List<GroupTotal> byMethod) {

    /**
     * A source over the period: {@code hours} it has results for, their mean availability (each hour weighs the
     * same; null when no hour carried it), how many were substituted (40 CFR 75.33), how many were recomputed
     * after their first result because readings came late, and how many await a collector's backfill (a report that
     * holds any is not final: docs/reports.md).
     */
    public record SourceTotal(String source, String unit, String method, List<GasTotal> gases, double co2eKg,
                              Double availabilityPct, int substitutedHours, int lateCorrections, int hours,
                              int backfillPendingHours) {
    }

    /** The source-hours of the period that await a collector's backfill. */
    public int backfillPendingHours() {
        return bySource.stream().mapToInt(SourceTotal::backfillPendingHours).sum();
    }

    /** Sources grouped by plant unit or by method: their gases, CO2e, substituted hours and source-hours. */
    public record GroupTotal(String id, List<GasTotal> gases, double co2eKg, int substitutedHours, int hours) {
    }

    /**
     * The CO2e of the sources whose method counts as {@code accounting}: emitted at the site (direct, scope 1), emitted
     * where purchased electricity and heat are made (indirect, scope 2), or CO2 recovered (a deduction, negative).
     * A method no longer known counts as direct. The three add up to {@link #co2eKg}.
     */
    public double co2eKg(Accounting accounting) {
        return bySource.stream().filter(s -> accountingOf(s.method()) == accounting).mapToDouble(SourceTotal::co2eKg).sum();
    }

    /** How a source of {@code method} counts in a total; a method no longer known counts as direct. */
    public static Accounting accountingOf(String method) {
        return CalculationMethod.find(method).map(CalculationMethod::accounting).orElse(Accounting.DIRECT);
    }

    /**
     * Rolls the period's {@code sums} up under {@code gwp}. {@code fossil} tells, per source, whether its fuel is
     * fossil, which picks the CH4 potential where the set distinguishes it (AR6), as the calculator does.
     */
    public static PeriodEmissions of(List<SourceGasPeriod> sums, GwpSet gwp, Predicate<String> fossil) {
        Map<String, List<SourceGasPeriod>> bySource = new TreeMap<>();
        for (SourceGasPeriod sum : sums) {
            if (!HourlyEmission.CO2E.equals(sum.gas())) {
                bySource.computeIfAbsent(sum.source(), s -> new ArrayList<>()).add(sum);
            }
        }
        List<SourceTotal> sources = new ArrayList<>();
        bySource.forEach((source, gases) -> sources.add(source(source, gases, gwp, fossil.test(source))));
        List<GasTotal> byGas = GasTotal.combine(sources.stream().map(SourceTotal::gases).toList());
        return new PeriodEmissions(GasTotal.co2eKg(byGas), byGas, List.copyOf(sources),
                group(sources, SourceTotal::unit), group(sources, SourceTotal::method));
    }

    private static SourceTotal source(String source, List<SourceGasPeriod> gases, GwpSet gwp, boolean fossil) {
        Map<String, double[]> totals = new TreeMap<>(GasTotal.ORDER);
        for (SourceGasPeriod gas : gases) {
            double[] sum = totals.computeIfAbsent(gas.gas(), g -> new double[2]);
            sum[0] += gas.massKg();
            sum[1] += co2eKg(gas.gas(), gas.massKg(), gwp, fossil);
        }
        List<GasTotal> gasTotals = totals.entrySet().stream()
                .map(e -> new GasTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        // Every gas of a source-hour is stored together; the gas with the most hours speaks for the source's hours.
        SourceGasPeriod hours = gases.stream().max(Comparator.comparingInt(SourceGasPeriod::hours)
                .thenComparing(SourceGasPeriod::gas, GasTotal.ORDER.reversed())).orElseThrow();
        return new SourceTotal(source, hours.unit(), hours.method(), gasTotals, GasTotal.co2eKg(gasTotals),
                hours.availabilityHours() == 0 ? null : hours.availabilitySumPct() / hours.availabilityHours(),
                hours.substitutedHours(), hours.lateCorrectedHours(), hours.hours(), hours.backfillPendingHours());
    }

    /** CO2e = GWP × mass for a greenhouse gas; a pollutant (NOx, SO2, CO) has no GWP and gives 0. */
    static double co2eKg(String symbol, double massKg, GwpSet gwp, boolean fossil) {
        for (Gas gas : Gas.values()) {
            if (gas.symbol().equals(symbol)) return gas.greenhouse() ? gwp.of(gas, fossil) * massKg : 0;
        }
        throw new IllegalArgumentException("unknown gas '" + symbol + "'; one of " + HourlyEmission.GASES);
    }

    private static List<GroupTotal> group(List<SourceTotal> sources, Function<SourceTotal, String> key) {
        Map<String, List<SourceTotal>> groups = new TreeMap<>();
        for (SourceTotal source : sources) groups.computeIfAbsent(key.apply(source), k -> new ArrayList<>()).add(source);
        List<GroupTotal> totals = new ArrayList<>();
        groups.forEach((id, members) -> {
            List<GasTotal> gases = GasTotal.combine(members.stream().map(SourceTotal::gases).toList());
            totals.add(new GroupTotal(id, gases, GasTotal.co2eKg(gases),
                    members.stream().mapToInt(SourceTotal::substitutedHours).sum(),
                    members.stream().mapToInt(SourceTotal::hours).sum()));
        });
        return List.copyOf(totals);
    }
}
