package io.plumeline.core.emissions;

/**
 * One line of a calculation's working: an input as converted, a factor with the table it came from
 * ({@code source}, null otherwise) or an intermediate result with the formula that gave it.
 */
public record CalculationStep(String name, String formula, double value, String unit, FactorSource source) {
}
