package io.plumeline.core.emissions;

/** A gas a method gives a mass for. Greenhouse gases count towards CO2e; pollutants are reported as mass only. */
public enum Gas {
    CO2("CO2", true), CH4("CH4", true), N2O("N2O", true), NOX("NOx", false), SO2("SO2", false), CO("CO", false);

    private final String symbol;
    private final boolean greenhouse;

    Gas(String symbol, boolean greenhouse) {
        this.symbol = symbol;
        this.greenhouse = greenhouse;
    }

    /** As written in reports and in the {@code gas} tag of the {@code emissions} measurement. */
    public String symbol() {
        return symbol;
    }

    public boolean greenhouse() {
        return greenhouse;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
