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

    /** A method, its fuel, inputs, and the inputs that are amounts (of fuel, flare gas, feed or time), scaled together. */
    private record Case(CalculationMethod method, String fuel, Map<String, Quantity> inputs, List<String> amounts) {
        Case(CalculationMethod method, String fuel, Map<String, Quantity> inputs, String... amounts) {
            this(method, fuel, inputs, List.of(amounts));
        }
    }

    /** How many kinds of case {@link #randomCase} makes: each seed takes kind seed % CASES, so every method is drawn. */
    private static final int CASES = 31;

    static Stream<Integer> seeds() {
        return IntStream.rangeClosed(1, 4 * CASES).boxed();
    }

    private static Case randomCase(int seed, Random r) {
        double amount = 1 + r.nextDouble() * 1e7;
        return switch (seed % CASES) {
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
            case 6 -> new Case(CalculationMethod.EPA_Y2, null, Map.of("flareGas", Quantity.of(amount, "scf"),
                    "hhv", Quantity.of(r.nextDouble() * 2e-3, "mmBtu/scf"), "methaneFraction", Quantity.of(r.nextDouble(), "1")),
                    "flareGas");
            case 7 -> new Case(CalculationMethod.EU_MRR_STD, pick(r, "natural_gas", "gas_diesel_oil"),
                    Map.of("fuelQuantity", Quantity.of(amount, "kg")), "fuelQuantity");
            case 8 -> new Case(CalculationMethod.CN_MEE_COMBUSTION, "refinery_dry_gas",
                    Map.of("fuelQuantity", Quantity.of(amount, "t")), "fuelQuantity");
            case 9 -> new Case(CalculationMethod.EPA_PART75_F11, null, Map.of("co2Concentration", Quantity.of(20 * r.nextDouble(), "vol%"),
                    "stackFlow", Quantity.of(amount, "scf/h"), "duration", Quantity.of(r.nextDouble() * 24, "h")), "duration");
            case 10 -> new Case(CalculationMethod.POLLUTANT_MASS, null, Map.of("noxConcentration", Quantity.of(500 * r.nextDouble(), "mg/Nm3"),
                    "coConcentration", Quantity.of(100 * r.nextDouble(), "mg/Nm3"), "stackFlow", Quantity.of(amount, "Nm3/h"),
                    "duration", Quantity.of(r.nextDouble() * 24, "h")), "duration");
            case 11 -> new Case(CalculationMethod.EPA_Y3, null, Map.of("flareGas", Quantity.of(amount, "Nm3"),
                    "hhv", Quantity.of(30 + 30 * r.nextDouble(), "MJ/Nm3")), "flareGas");
            case 12 -> new Case(CalculationMethod.EPA_Y6, null, Map.of("exhaustFlow", Quantity.of(amount, "scf/h dry"),
                    "co2Concentration", Quantity.of(20 * r.nextDouble(), "vol%"), "coConcentration", Quantity.of(5 * r.nextDouble(), "vol%"),
                    "duration", Quantity.of(r.nextDouble() * 24, "h")), "duration");
            case 13 -> new Case(CalculationMethod.EPA_Y8, null, Map.of("cokeBurned", Quantity.of(amount, "kg"),
                    "carbonContent", Quantity.of(r.nextDouble(), "kg/kg")), "cokeBurned");
            case 14 -> new Case(CalculationMethod.EPA_Y12, null, Map.of("sourGasFlow", Quantity.of(amount, pick(r, "scf", "Nm3"))),
                    "sourGasFlow");
            case 15 -> new Case(CalculationMethod.EPA_ZZ, null, Map.of("greenCoke", Quantity.of(amount, "t"),
                    "greenCokeCarbon", Quantity.of(0.9 + 0.1 * r.nextDouble(), "kg/kg"), "calcinedCoke", Quantity.of(0.5 * amount, "t"),
                    "dust", Quantity.of(0.1 * amount * r.nextDouble(), "t"), "calcinedCokeCarbon", Quantity.of(0.9 * r.nextDouble(), "kg/kg")),
                    "greenCoke", "calcinedCoke", "dust");
            case 16 -> new Case(CalculationMethod.EPA_P1, null, Map.of("feedstock", Quantity.of(amount, "Nm3"),
                    "carbonContent", Quantity.of(r.nextDouble(), "kg/kg"),
                    "molecularWeight", Quantity.of(2 + 40 * r.nextDouble(), "kg/kmol")), "feedstock");
            case 17 -> new Case(CalculationMethod.EPA_C10, pick(r, "natural_gas", "fuel_gas", "distillate_no2"),
                    Map.of("heatInput", Quantity.of(amount, pick(r, "mmBtu", "GJ"))), "heatInput");
            case 18 -> new Case(CalculationMethod.CN_MEE_FLARE, null, Map.of("flareGas", Quantity.of(amount, pick(r, "Nm3", "10^4Nm3")),
                    "co2VolumeFraction", Quantity.of(10 * r.nextDouble(), "vol%"), "ch4VolumeFraction", Quantity.of(50 * r.nextDouble(), "vol%"),
                    "c3h6VolumeFraction", Quantity.of(30 * r.nextDouble(), "vol%")), "flareGas");
            case 19 -> new Case(CalculationMethod.CN_MEE_FCC_COKE, null, Map.of("cokeBurned", Quantity.of(amount, "t"),
                    "carbonFraction", Quantity.of(r.nextDouble(), "kg/kg"), "oxidationFactor", Quantity.of(90 + 10 * r.nextDouble(), "%")),
                    "cokeBurned");
            case 20 -> new Case(CalculationMethod.CN_MEE_REFORMER_COKE, null, Map.of("catalyst", Quantity.of(amount, "kg"),
                    "carbonBefore", Quantity.of(5 + r.nextDouble(), "%"), "carbonAfter", Quantity.of(r.nextDouble(), "%")), "catalyst");
            case 21 -> new Case(CalculationMethod.CN_MEE_HYDROGEN, null, Map.of("feedstock", Quantity.of(amount, "t"),
                    "feedstockCarbon", Quantity.of(0.7 + 0.1 * r.nextDouble(), "kg/kg"), "syngas", Quantity.of(amount * r.nextDouble(), "Nm3"),
                    "syngasCarbon", Quantity.of(r.nextDouble(), "tC/10^4Nm3"), "residue", Quantity.of(0.01 * amount, "t"),
                    "residueCarbon", Quantity.of(0.8, "kg/kg")), "feedstock", "syngas", "residue");
            case 22 -> new Case(CalculationMethod.CN_MEE_ETHYLENE_DECOKING, null, Map.of("decokingGasFlow", Quantity.of(amount, "Nm3/h"),
                    "co2Concentration", Quantity.of(10 * r.nextDouble(), "vol%"), "coConcentration", Quantity.of(2 * r.nextDouble(), "vol%"),
                    "duration", Quantity.of(24 * r.nextDouble(), "h")), "duration");
            case 23 -> new Case(CalculationMethod.CN_MEE_CO2_RECOVERY, null, Map.of("recoveredGas", Quantity.of(amount, "Nm3"),
                    "purity", Quantity.of(90 + 10 * r.nextDouble(), "vol%")), "recoveredGas");
            case 24 -> new Case(CalculationMethod.CN_MEE_ELECTRICITY, pick(r, "national_grid_2021", "national_grid_2022", "national_grid_2023"),
                    Map.of("electricity", Quantity.of(amount, pick(r, "MWh", "kWh")), "electricityExported", Quantity.of(amount * r.nextDouble(), "MWh")),
                    "electricity", "electricityExported");
            case 25 -> new Case(CalculationMethod.CN_MEE_HEAT, null, Map.of("heat", Quantity.of(amount, pick(r, "GJ", "TJ"))), "heat");
            case 26 -> new Case(CalculationMethod.EU_MRR_CAT_CRACKER, null, Map.of("airFlow", Quantity.of(amount, pick(r, "Nm3/h", "scf/h")),
                    "o2Out", Quantity.of(5 * r.nextDouble(), "vol%"), "co2Concentration", Quantity.of(20 * r.nextDouble(), "vol%"),
                    "coConcentration", Quantity.of(5 * r.nextDouble(), "vol%"), "duration", Quantity.of(24 * r.nextDouble(), "h")), "duration");
            case 27 -> new Case(CalculationMethod.EU_MRR_HYDROGEN, null, r.nextBoolean() ? Map.of("feedstock", Quantity.of(amount, "t"))
                    : Map.of("feedstock", Quantity.of(amount, "kg"), "carbonContent", Quantity.of(0.7 + 0.2 * r.nextDouble(), "kg/kg")), "feedstock");
            case 28 -> new Case(CalculationMethod.CN_MEE_FLARE, null, Map.of("flareGas", Quantity.of(amount, "Nm3"),
                    "averageCarbonNumber", Quantity.of(1 + 4 * r.nextDouble(), "1")), "flareGas");
            case 29 -> new Case(CalculationMethod.CN_MEE_REFORMER_COKE, null, Map.of("cokeBurned", Quantity.of(amount, "t")), "cokeBurned");
            default -> new Case(CalculationMethod.EPA_Y1A, null, Map.of("flareGas", Quantity.of(amount, "scf"),
                    "carbonContent", Quantity.of(r.nextDouble(), "kg/kg"), "molecularWeight", Quantity.of(16, "kg/kmol"),
                    "methaneFraction", Quantity.of(100 * r.nextDouble(), "%")), "flareGas");
        };
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static CalculationResult calculate(Case c, double scale) {
        Map<String, Quantity> inputs = new HashMap<>(c.inputs());
        for (String amount : c.amounts()) {
            Quantity q = inputs.get(amount);
            inputs.put(amount, new Quantity(q.value() * scale, q.unit()));
        }
        return CALCULATOR.calculate(Calculation.of(c.method(), c.fuel(), "AR5", inputs));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void splittingTheQuantityInTwoGivesTheSameTotal(int seed) {
        Random r = new Random(seed);
        Case c = randomCase(seed, r);
        double share = r.nextDouble();
        CalculationResult whole = calculate(c, 1);
        CalculationResult first = calculate(c, share);
        CalculationResult second = calculate(c, 1 - share);
        for (CalculationResult.GasResult gas : whole.results()) {
            double sum = first.massKg(gas.gas()) + second.massKg(gas.gas());
            assertThat(sum).as("%s %s", c.method(), gas.gas()).isCloseTo(gas.massKg(), within(1e-9 * Math.abs(gas.massKg()) + 1e-12));
        }
        assertThat(first.co2eKg() + second.co2eKg()).isCloseTo(whole.co2eKg(), within(1e-9 * Math.abs(whole.co2eKg()) + 1e-12));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void doublingTheQuantityDoublesEveryMass(int seed) {
        Case c = randomCase(seed, new Random(seed));
        CalculationResult once = calculate(c, 1);
        CalculationResult twice = calculate(c, 2);
        for (CalculationResult.GasResult gas : once.results()) {
            assertThat(twice.massKg(gas.gas())).as("%s %s", c.method(), gas.gas())
                    .isCloseTo(2 * gas.massKg(), within(1e-9 * Math.abs(gas.massKg()) + 1e-12));
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
