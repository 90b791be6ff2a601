package io.plumeline.core.reporting;

import io.plumeline.core.emissions.Gas;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The mass of one gas and its CO2e (0 for a pollutant, which has no GWP), summed over what a total covers. */
public record GasTotal(String gas, double massKg, double co2eKg) {

    /** Gases in the order of {@link Gas} (CO2, CH4, N2O, then pollutants); unknown symbols after, by name. */
    public static final Comparator<String> ORDER = Comparator.comparingInt(GasTotal::rank).thenComparing(s -> s);

    /** Adds up totals of the same gas from several parts (sources, sites), in {@link #ORDER}. */
    public static List<GasTotal> combine(Collection<List<GasTotal>> parts) {
        Map<String, double[]> sums = new TreeMap<>(ORDER);
        for (List<GasTotal> part : parts) {
            for (GasTotal total : part) {
                double[] sum = sums.computeIfAbsent(total.gas(), g -> new double[2]);
                sum[0] += total.massKg();
                sum[1] += total.co2eKg();
            }
        }
        return sums.entrySet().stream().map(e -> new GasTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Σ CO2e over gases; a pollutant adds 0. */
    public static double co2eKg(List<GasTotal> gases) {
        double total = 0;
        for (GasTotal gas : gases) total += gas.co2eKg();
        return total;
    }

    private static int rank(String symbol) {
        for (Gas gas : Gas.values()) if (gas.symbol().equals(symbol)) return gas.ordinal();
        return Gas.values().length;
    }
}
