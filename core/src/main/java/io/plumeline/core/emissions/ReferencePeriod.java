package io.plumeline.core.emissions;

import java.util.List;

/**
 * The quality-assured hourly values of an input over its reference period, as the missing-data rules use them: how
 * many, their mean and sample standard deviation (EU MRR Art. 45(4): mean + 2σ), their lowest and highest (the
 * conservative estimates). Kept as these five numbers so that a lineage record can carry the reference an hour was
 * filled from, and the hour can be computed again from it.
 */
public record ReferencePeriod(int hours, double mean, double standardDeviation, double min, double max) {

    public static final ReferencePeriod NONE = new ReferencePeriod(0, 0, 0, 0, 0);

    public static ReferencePeriod of(List<Double> hourlyValues) {
        int n = hourlyValues.size();
        if (n == 0) return NONE;
        double mean = hourlyValues.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = hourlyValues.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new ReferencePeriod(n, mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
                hourlyValues.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                hourlyValues.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    public boolean isEmpty() {
        return hours == 0;
    }
}
