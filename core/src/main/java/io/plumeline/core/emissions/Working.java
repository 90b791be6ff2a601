package io.plumeline.core.emissions;

import io.plumeline.core.units.Dimension;
import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitException;
import io.plumeline.core.units.UnitOfMeasure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working of one calculation: checks and converts the inputs of the request, naming the input at fault,
 * and records every input, factor and intermediate result as a {@link CalculationStep}.
 */
final class Working {

    private final CalculationMethod method;
    private final Map<String, Quantity> inputs;
    private final List<CalculationStep> steps = new ArrayList<>();
    /** Inputs already written out, as name and unit, so that a second use does not repeat them. */
    private final Set<String> shown = new HashSet<>();

    Working(CalculationMethod method, Map<String, Quantity> inputs) {
        this.method = method;
        this.inputs = inputs;
        inputs.forEach((name, quantity) -> {
            MethodInput spec = method.input(name).orElseThrow(() -> new CalculationException(name,
                    method + " takes no input '" + name + "'; it takes " + names()));
            if (quantity == null) throw new CalculationException(name, "has no value");
            if (!Double.isFinite(quantity.value())) throw new CalculationException(name, "is not a number (" + quantity + ")");
            if (quantity.value() < 0) throw new CalculationException(name, "is negative (" + quantity + ")");
            if (!spec.dimensions().contains(quantity.unit().dimension())) {
                throw new CalculationException(name, method + " cannot use '" + quantity.unit() + "' ("
                        + quantity.unit().dimension() + ") for " + name + "; it needs " + spec.dimensions());
            }
            spec.basisProblem(method, quantity.unit()).ifPresent(why -> {
                throw new CalculationException(name, why);
            });
        });
    }

    CalculationMethod method() {
        return method;
    }

    List<CalculationStep> steps() {
        return List.copyOf(steps);
    }

    boolean has(String name) {
        return inputs.containsKey(name);
    }

    /** The input {@code name} as given; refused when missing. */
    Quantity given(String name) {
        Quantity q = inputs.get(name);
        if (q == null) throw new CalculationException(name, "is missing; " + method + " takes " + names());
        return q;
    }

    /** The input {@code name} in {@code unit}, recorded with its conversion. */
    double input(String name, String unit) {
        return convert(name, given(name), unit, null);
    }

    /** The input {@code name} as a plain fraction (1 % = 0.01), refused above 1. */
    double fraction(String name) {
        return checkFraction(name, input(name, "1"));
    }

    /** The input {@code name} as a percentage of volume or of mass, refused above 100. */
    double percent(String name) {
        Quantity q = given(name);
        double pct = convert(name, q, q.unit().dimension() == Dimension.VOLUME_FRACTION ? "vol%" : "%", null);
        if (pct > 100) throw new CalculationException(name, "is above 100 % (" + q + ")");
        return pct;
    }

    /** The input {@code name} when given, else the factor {@code factor} of {@code fuel} from {@code table}. */
    Quantity inputOrDefault(String name, FactorTable table, String fuel, String factor) {
        if (has(name)) {
            record(name, "input", given(name), null);
            return given(name);
        }
        if (fuel == null) {
            throw new CalculationException(name, "is missing, and without a fuel there is no default from " + table.id());
        }
        FactorTable.Tabulated tabulated = table.factor(fuel, factor);
        record(name, "default of " + table.id() + " for " + fuel, tabulated.quantity(), tabulated.source());
        return tabulated.quantity();
    }

    /** A tabulated factor in {@code unit}, recorded with its source. */
    double factor(String name, FactorTable.Tabulated tabulated, String unit) {
        return convert(name, tabulated.quantity(), unit, tabulated.source());
    }

    /**
     * Amount × a factor per amount ({@code fuelQuantity × hhv}, {@code heatInput × EF}): the amount is
     * converted to the factor's denominator (Nm3 for MJ/Nm3, t for GJ/t); the product is in the numerator.
     * A fuel in kg with a heating value per scf is refused, naming the amount.
     */
    Quantity times(String amountName, Quantity amount, String factorName, Quantity factor) {
        String symbol = factor.unit().plain().symbol();
        int slash = symbol.indexOf('/');
        UnitOfMeasure denominator = UnitOfMeasure.of(symbol.substring(slash + 1));
        double converted;
        try {
            converted = amount.to(denominator).value();
        } catch (UnitException e) {
            throw new CalculationException(amountName, "in '" + amount.unit() + "' (" + amount.unit().dimension()
                    + ") cannot be used with " + factorName + " in '" + symbol + "'; give it in a unit that converts to '"
                    + denominator + "'");
        }
        if (shown.add(amountName + '|' + denominator)) {
            steps.add(new CalculationStep(amountName, amount.unit().equals(denominator) ? "input"
                    : amount + " → " + denominator + conditions(amount.unit(), denominator), converted, denominator.symbol(), null));
        }
        return new Quantity(converted * factor.value(), numerator(symbol.substring(0, slash)));
    }

    /**
     * The carbon in an amount, in t: a mass times its carbon fraction (kg C/kg) or a gas volume times its carbon per
     * volume (t C/10⁴ Nm³). An amount and a content that do not go together are refused, naming the content.
     */
    double carbonTonnes(String amountName, String contentName) {
        Quantity content = given(contentName);
        Dimension dimension = content.unit().dimension();
        if (dimension == Dimension.FRACTION) {
            double fraction = fraction(contentName);
            if (given(amountName).unit().dimension() != Dimension.MASS) {
                throw new CalculationException(contentName, "is a mass fraction ('" + content.unit() + "'), but " + amountName
                        + " is in '" + given(amountName).unit() + "'; give the carbon per gas volume (tC/10^4Nm3) or the amount as a mass");
            }
            return input(amountName, "t") * fraction;
        }
        record(contentName, "input", content, null);
        return times(amountName, given(amountName), contentName, content.to("tC/10^4Nm3")).in("t");
    }

    /** Records an intermediate result. */
    double step(String name, String formula, double value, String unit) {
        steps.add(new CalculationStep(name, formula, value, unit, null));
        return value;
    }

    /** Records an input or factor as used, without conversion. */
    void record(String name, String formula, Quantity value, FactorSource source) {
        steps.add(new CalculationStep(name, formula, value.value(), value.unit().symbol(), source));
    }

    /** Records a GWP or other value with a source. */
    void sourced(String name, String formula, double value, String unit, FactorSource source) {
        steps.add(new CalculationStep(name, formula, value, unit, source));
    }

    static double checkFraction(String name, double value) {
        if (value > 1) throw new CalculationException(name, "is above 1 (100 %): " + value);
        return value;
    }

    private double convert(String name, Quantity q, String unit, FactorSource source) {
        UnitOfMeasure target = UnitOfMeasure.of(unit);
        double value;
        try {
            value = q.to(target).value();
        } catch (UnitException e) {
            throw new CalculationException(name, method + " cannot use '" + q.unit() + "' (" + q.unit().dimension()
                    + ") for " + name + "; give it in a unit that converts to '" + unit + "'");
        }
        if (source != null || shown.add(name + '|' + unit)) {
            String formula = q.unit().equals(target) ? (source == null ? "input" : "factor")
                    : q + " → " + unit + conditions(q.unit(), target);
            steps.add(new CalculationStep(name, formula, value, unit, source));
        }
        return value;
    }

    private static String conditions(UnitOfMeasure from, UnitOfMeasure to) {
        if (from.reference() == null || from.reference().equals(to.reference())) return "";
        return " (" + from.reference() + " → " + to.reference() + ")";
    }

    /** The mass unit of an emission factor's numerator: tCO2 and tC are tonnes of that gas or of carbon. */
    private static UnitOfMeasure numerator(String symbol) {
        return UnitOfMeasure.find(symbol).orElseGet(() -> UnitOfMeasure.of(symbol.replaceFirst("(CO2|C)$", "")));
    }

    private List<String> names() {
        return method.inputs().stream().map(i -> i.name() + (i.required() ? "" : " (optional)")).toList();
    }
}
