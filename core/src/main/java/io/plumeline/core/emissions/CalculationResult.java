package io.plumeline.core.emissions;

import java.util.List;
import java.util.Optional;

/**
 * What a calculation gives: the mass and CO2e of each gas, the total CO2e and every step of the working. A
 * deduction (CO2 recovered) has a negative mass; {@link #accounting()} says how the result counts.
 */
public record CalculationResult(CalculationMethod method, String gwp, List<GasResult> results, double co2eKg,
                                List<CalculationStep> steps) {

    /** One gas: its mass and its CO2e (0 for a pollutant, which has no GWP). */
    public record GasResult(Gas gas, double massKg, double co2eKg) {
    }

    /** Whether these masses are emitted at the source, indirect or a deduction (negative): the method's. */
    public Accounting accounting() {
        return method.accounting();
    }

    public Optional<GasResult> result(Gas gas) {
        return results.stream().filter(r -> r.gas() == gas).findFirst();
    }

    /** The mass of {@code gas} in kg; refused when the method does not give that gas. */
    public double massKg(Gas gas) {
        return result(gas).orElseThrow(() -> new IllegalArgumentException(method + " gives no " + gas)).massKg();
    }

    public Optional<CalculationStep> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
