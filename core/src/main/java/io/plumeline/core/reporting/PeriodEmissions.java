package io.plumeline.core.reporting;

import io.plumeline.core.emissions.Gas;
import io.plumeline.core.emissions.GwpSet;
import io.plumeline.core.emissions.HourlyEmission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A period's emissions rolled up from the stored hours: per source (its gases, CO2e, data availability,
 * substituted hours, hours corrected by late readings), per plant unit, per method and per gas, with CO2e
 * recomputed from each gas's mass under the report's GWP set, so the report names the set its totals are in
 * whatever set the hours were stored under. The hours' own {@code CO2e} rows are totals, not gases: they are
 * left out here, never added to the gases they total.
 */
public record PeriodEmissions(double co2eKg, List<GasTotal> byGas, List<SourceTotal> bySource,
                              List<GroupTotal> byUnit, List<GroupTotal> byMethod) {

    /**
     * A source over the period: {@code hours} it has results for, their mean availability (each hour weighs the
     * same; null when no hour carried it), how many were substituted (40 CFR 75.33) and how many were recomputed
     * after their first result because readings came late.
     */
    public record SourceTotal(String source, String unit, String method, List<GasTotal> gases, double co2eKg,
                              Double availabilityPct, int substitutedHours, int lateCorrections, int hours) {
    }

    /** Sources grouped by plant unit or by method: their gases, CO2e, substituted hours and source-hours. */
    public record GroupTotal(String id, List<GasTotal> gases, double co2eKg, int substitutedHours, int hours) {
    }

    /**
     * Rolls {@code hours} up under {@code gwp}. {@code fossil} tells, per source, whether its fuel is fossil,
     * which picks the CH4 potential where the set distinguishes it (AR6), as the calculator does.
     */
    public static PeriodEmissions of(List<SourceHour> hours, GwpSet gwp, Predicate<String> fossil) {
        Map<String, List<SourceHour>> bySource = new TreeMap<>();
        for (SourceHour hour : hours) {
            if (!HourlyEmission.CO2E.equals(hour.gas())) {
                bySource.computeIfAbsent(hour.source(), s -> new ArrayList<>()).add(hour);
            }
        }
        List<SourceTotal> sources = new ArrayList<>();
        bySource.forEach((source, rows) -> sources.add(source(source, rows, gwp, fossil.test(source))));
        List<GasTotal> byGas = GasTotal.combine(sources.stream().map(SourceTotal::gases).toList());
        return new PeriodEmissions(GasTotal.co2eKg(byGas), byGas, List.copyOf(sources),
                group(sources, SourceTotal::unit), group(sources, SourceTotal::method));
    }

    private static SourceTotal source(String source, List<SourceHour> rows, GwpSet gwp, boolean fossil) {
        rows.sort(Comparator.comparing(SourceHour::hour).thenComparing(SourceHour::gas, GasTotal.ORDER));
        Map<String, double[]> gases = new TreeMap<>(GasTotal.ORDER);
        Map<Instant, SourceHour> firstRowOfHour = new LinkedHashMap<>();
        Set<Instant> substituted = new HashSet<>();
        Set<Instant> late = new HashSet<>();
        for (SourceHour row : rows) {
            double[] sum = gases.computeIfAbsent(row.gas(), g -> new double[2]);
            sum[0] += row.massKg();
            sum[1] += co2eKg(row.gas(), row.massKg(), gwp, fossil);
            firstRowOfHour.putIfAbsent(row.hour(), row);
            if (row.substituted()) substituted.add(row.hour());
            if (row.lateCount() > 0) late.add(row.hour());
        }
        List<GasTotal> totals = gases.entrySet().stream()
                .map(e -> new GasTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        double availabilitySum = 0;
        int availabilityHours = 0;
        for (SourceHour hour : firstRowOfHour.values()) {
            if (hour.availabilityPct() != null) {
                availabilitySum += hour.availabilityPct();
                availabilityHours++;
            }
        }
        SourceHour first = rows.get(0);
        return new SourceTotal(source, first.unit(), first.method(), totals, GasTotal.co2eKg(totals),
                availabilityHours == 0 ? null : availabilitySum / availabilityHours, substituted.size(), late.size(),
                firstRowOfHour.size());
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
