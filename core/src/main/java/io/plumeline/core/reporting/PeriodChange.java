package io.plumeline.core.reporting;

/**
 * A period's CO2e against the period before: the change in kg and in percent of the earlier one (null when
 * the earlier period had none, since no percentage of nothing means anything).
 */
public record PeriodChange(String period, double co2eKg, double changeKg, Double changePct) {

    public static PeriodChange of(ReportingPeriod previous, double previousKg, double currentKg) {
        double change = currentKg - previousKg;
        return new PeriodChange(previous.toString(), previousKg, change, previousKg == 0 ? null : 100 * change / previousKg);
    }
}
