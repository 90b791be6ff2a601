package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitOfMeasure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every method must keep, over random cases (jqwik does not run on JUnit 6, so cases come from
 * a seeded Random; the seed is in the test name to replay a failure).
 */
class PropertyTest {

    private static final Calculator CALCULATOR = Calculator.withDefaults();

    /** A method, its fuel, inputs, and the input that is the quantity of fuel, flare gas or time. */
    private record Case(CalculationMethod method, String fuel, Map<String, Quantity> inputs, String quantity) {
    }

    static Stream<Integer> seeds() {
        return IntStream.rangeClosed(1, 60).boxed();
    }

    private static Case randomCase(Random r) {
        double amount = 1 + r.nextDouble() * 1e7;
        return switch (r.nextInt(11)) {
            case 0 -> new Case(CalculationMethod.EPA_C1, pick(r, "natural_gas", "fuel_gas"),
                    Map.of("fuelQuantity", Quantity.of(amount, pick(r, "scf", "Nm3"))), "fuelQuantity");
            case 1 -> new Case(CalculationMethod.EPA_C2A, "fuel_gas", Map.of("fuelQuantity", Quantity.of(amount, "Nm3"),
                    "hhv", Quantity.of(30 + 20 * r.nextDouble(), "MJ/Nm3")), "fuelQuantity");
            case 2 -> new Case(CalculationMethod.EPA_C5, "fuel_gas", Map.of("fuelQuantity", Quantity.of(amount, "scf"),
                    "carbonContent", Quantity.of(r.nextDouble(), "kg/kg"),
                    "molecularWeight", Quantity.of(2 + 40 * r.nextDouble(), "kg/kmol")), "fuelQuantity");
            case 3 -> new Case(CalculationMethod.EPA_C8, "distillate_no2", Map.of("fuelQuantity", Quantity.of(amount, "gal")), "fuelQuantity");
            case 4 -> new Case(CalculationMethod.EPA_C6, null, Map.of("co2Concentration", Quantity.of(20 * r.nextDouble(), "vol%"),
                    "moisture", Quantity.of(30 * r.nextDouble(), "%"), "stackFlow", Quantity.of(amount, "Nm3/h"),
                    "duration", Quantity.of(r.nextDouble() * 24, "h")), "duration");
            case 5 -> new Case(CalculationMethod.EPA_Y1A, null, Map.of("flareGas", Quantity.of(amount, "Nm3"),
                    "carbonContent", Quantity.of(r.nextDouble(), "kg/kg"),
                    "molecularWeight", Quantity.of(2 + 40 * r.nextDouble(), "kg/kmol")), "flareGas");
            case 6 -> new Case(CalculationMethod.EPA_Y3, null, Map.of("flareGas", Quantity.of(amount, "scf"),
                    "hhv", Quantity.of(r.nextDouble() * 2e-3, "mmBtu/scf")), "flareGas");
            case 7 -> new Case(CalculationMethod.EU_MRR_STD, pick(r, "natural_gas", "gas_diesel_oil"),
                    Map.of("fuelQuantity", Quantity.of(amount, "kg")), "fuelQuantity");
            case 8 -> new Case(CalculationMethod.CN_MEE_COMBUSTION, "refinery_dry_gas",
                    Map.of("fuelQuantity", Quantity.of(amount, "t")), "fuelQuantity");
            case 9 -> new Case(CalculationMethod.EPA_PART75_F11, null, Map.of("co2Concentration", Quantity.of(20 * r.nextDouble(), "vol%"),
                    "stackFlow", Quantity.of(amount, "scf/h"), "duration", Quantity.of(r.nextDouble() * 24, "h")), "duration");
            default -> new Case(CalculationMethod.POLLUTANT_MASS, null, Map.of("noxConcentration", Quantity.of(500 * r.nextDouble(), "mg/Nm3"),
                    "coConcentration", Quantity.of(100 * r.nextDouble(), "mg/Nm3"), "stackFlow", Quantity.of(amount, "Nm3/h"),
                    "duration", Quantity.of(r.nextDouble() * 24, "h")), "duration");
        };
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static CalculationResult calculate(Case c, double scale) {
        Map<String, Quantity> inputs = new HashMap<>(c.inputs());
        Quantity q = inputs.get(c.quantity());
        inputs.put(c.quantity(), new Quantity(q.value() * scale, q.unit()));
        return CALCULATOR.calculate(Calculation.of(c.method(), c.fuel(), "AR5", inputs));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void splittingTheQuantityInTwoGivesTheSameTotal(int seed) {
        Random r = new Random(seed);
        Case c = randomCase(r);
        double share = r.nextDouble();
        CalculationResult whole = calculate(c, 1);
        CalculationResult first = calculate(c, share);
        CalculationResult second = calculate(c, 1 - share);
        for (CalculationResult.GasResult gas : whole.results()) {
            double sum = first.massKg(gas.gas()) + second.massKg(gas.gas());
            assertThat(sum).as("%s %s", c.method(), gas.gas()).isCloseTo(gas.massKg(), within(1e-9 * gas.massKg() + 1e-12));
        }
        assertThat(first.co2eKg() + second.co2eKg()).isCloseTo(whole.co2eKg(), within(1e-9 * whole.co2eKg() + 1e-12));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void doublingTheQuantityDoublesEveryMass(int seed) {
        Case c = randomCase(new Random(seed));
        CalculationResult once = calculate(c, 1);
        CalculationResult twice = calculate(c, 2);
        for (CalculationResult.GasResult gas : once.results()) {
            assertThat(twice.massKg(gas.gas())).as("%s %s", c.method(), gas.gas())
                    .isCloseTo(2 * gas.massKg(), within(1e-9 * gas.massKg() + 1e-12));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void unitConversionsRoundTrip(int seed) {
        Random r = new Random(seed);
        List<UnitOfMeasure> units = List.copyOf(UnitOfMeasure.all());
        UnitOfMeasure from = units.get(r.nextInt(units.size()));
        double value = Math.pow(10, r.nextInt(13) - 6) * r.nextDouble();
        for (UnitOfMeasure to : units) {
            if (!from.convertsTo(to)) continue;
            Quantity there = new Quantity(value, from).to(to);
            assertThat(there.to(from).value()).as("%s → %s → %s", from, to, from).isCloseTo(value, within(Math.abs(value) * 1e-12));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aGasVolumeGivesTheSameMassAtAnyReferenceConditions(int seed) {
        Random r = new Random(seed);
        Quantity nm3 = Quantity.of(1 + r.nextDouble() * 1e6, "Nm3");
        String fuel = pick(r, "natural_gas", "fuel_gas");
        double inNm3 = CALCULATOR.calculate(Calculation.of(CalculationMethod.EPA_C1, fuel, "AR5",
                Map.of("fuelQuantity", nm3))).co2eKg();
        double inScf = CALCULATOR.calculate(Calculation.of(CalculationMethod.EPA_C1, fuel, "AR5",
                Map.of("fuelQuantity", nm3.to("scf")))).co2eKg();
        assertThat(inScf).isCloseTo(inNm3, within(inNm3 * 1e-12));
    }
}
