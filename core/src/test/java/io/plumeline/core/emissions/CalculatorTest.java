package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.units.Quantity;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** One calculation per method, each worked out by hand in its comment. Masses in kg unless said. */
class CalculatorTest {

    private static final Calculator CALCULATOR = Calculator.withDefaults();

    private static CalculationResult calculate(CalculationMethod method, String fuel, Map<String, Quantity> inputs) {
        return CALCULATOR.calculate(Calculation.of(method, fuel, "AR5", inputs));
    }

    private static Offset<Double> rel(double expected) {
        return within(Math.abs(expected) * 1e-9);
    }

    @Test
    void epaC1RefineryFuelGas() {
        // 1,000,000 scf × 1.388e-3 mmBtu/scf = 1,388 mmBtu; CO2 = 1,388 × 59.00 = 81,892 kg;
        // CH4 = 1,388 × 3.0e-3 = 4.164 kg; N2O = 1,388 × 6.0e-4 = 0.8328 kg;
        // CO2e (AR5) = 81,892 + 28 × 4.164 + 265 × 0.8328 = 81,892 + 116.592 + 220.692 = 82,229.284 kg
        CalculationResult r = calculate(CalculationMethod.EPA_C1, "fuel_gas", Map.of("fuelQuantity", Quantity.of(1e6, "scf")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(81_892, rel(81_892));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(4.164, rel(4.164));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(0.8328, rel(0.8328));
        assertThat(r.co2eKg()).isCloseTo(82_229.284, rel(82_229.284));
        assertThat(r.results()).extracting(CalculationResult.GasResult::gas).containsExactly(Gas.CO2, Gas.CH4, Gas.N2O);
    }

    @Test
    void epaC1StepsCarryTheTableAndItsProvenance() {
        CalculationResult r = calculate(CalculationMethod.EPA_C1, "fuel_gas", Map.of("fuelQuantity", Quantity.of(1e6, "scf")));
        CalculationStep hhv = r.step("hhv").orElseThrow();
        assertThat(hhv.value()).isEqualTo(1.388e-3);
        assertThat(hhv.unit()).isEqualTo("mmBtu/scf");
        assertThat(hhv.source().tableId()).isEqualTo("EPA_PART98_C1_C2");
        assertThat(hhv.source().version()).isEqualTo("2024-1");
        assertThat(hhv.source().provenance().regulation()).isEqualTo("40 CFR Part 98, Subpart C");
        assertThat(hhv.source().note()).isNull(); // the Table C-1 value, checked
        assertThat(r.step("EF CH4").orElseThrow().source().provenance().table()).contains("Table C-2");
        assertThat(r.step("GWP CH4").orElseThrow().source().tableId()).isEqualTo("GWP_AR5");
        assertThat(r.step("CO2e").orElseThrow().formula()).isEqualTo("CO2 + 28.0 × CH4 + 265.0 × N2O");
    }

    @Test
    void epaC2aDistillateWithMeasuredHeatingValue() {
        // 10,000 gal × 0.140 mmBtu/gal = 1,400 mmBtu; CO2 = 1,400 × 73.96 = 103,544 kg;
        // CH4 = 1,400 × 3.0e-3 = 4.2 kg; N2O = 1,400 × 6.0e-4 = 0.84 kg
        CalculationResult r = calculate(CalculationMethod.EPA_C2A, "distillate_no2", Map.of(
                "fuelQuantity", Quantity.of(10_000, "gal"), "hhv", Quantity.of(0.140, "mmBtu/gal")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(103_544, rel(103_544));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(4.2, rel(4.2));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(0.84, rel(0.84));
    }

    @Test
    void epaC5FuelGasOfTheDesignExample() {
        // 44/12 × 5.0e7 scf × 0.75 × 18.0 / 849.5 × 1e-3 = 3.6667 × 3.75e7 × 18 / 849.5 / 1000
        // = 3.6667 × 794,585.05 / 1000 = 2,913.4785 t CO2.
        // C-8 with the default HHV: 5.0e7 × 1.388e-3 = 69,400 mmBtu; CH4 = 69,400 × 3.0e-3 = 208.2 kg;
        // N2O = 69,400 × 6.0e-4 = 41.64 kg
        CalculationResult r = calculate(CalculationMethod.EPA_C5, "fuel_gas", Map.of(
                "fuelQuantity", Quantity.of(5.0e7, "scf"), "carbonContent", Quantity.of(0.75, "kg/kg"),
                "molecularWeight", Quantity.of(18.0, "kg/kmol")));
        assertThat(r.massKg(Gas.CO2) / 1000).isCloseTo(2_913.4785, within(0.00005));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(208.2, rel(208.2));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(41.64, rel(41.64));
    }

    @Test
    void epaC6WetConcentration() {
        // 5.18e-7 × 10 %CO2 × 1,000,000 scfh = 5.18 t/h; over 1 h: 5,180 kg
        CalculationResult r = calculate(CalculationMethod.EPA_C6, null, Map.of(
                "co2Concentration", Quantity.of(10, "vol%"), "stackFlow", Quantity.of(1e6, "scf/h"),
                "duration", Quantity.of(1, "h")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(5_180, rel(5_180));
        assertThat(r.results()).hasSize(1);
    }

    @Test
    void epaC6DryConcentrationCorrectedByC7() {
        // C-7: 12 %CO2 dry × (100 − 8) / 100 = 11.04 %CO2 wet; 5.18e-7 × 11.04 × 1,000,000 = 5.71872 t/h;
        // over 30 minutes: 2.85936 t = 2,859.36 kg
        CalculationResult r = calculate(CalculationMethod.EPA_C6, null, Map.of(
                "co2Concentration", Quantity.of(12, "vol%"), "moisture", Quantity.of(8, "%"),
                "stackFlow", Quantity.of(1e6, "scf/h"), "duration", Quantity.of(0.5, "h")));
        assertThat(r.step("co2ConcentrationWet").orElseThrow().value()).isCloseTo(11.04, rel(11.04));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(2_859.36, rel(2_859.36));
    }

    @Test
    void part75F11IsKeptApartFromC6() {
        // 5.7e-7 × 10 × 1,000,000 = 5.7 short tons/h × 907.18474 kg = 5,170.953 kg, against C-6's 5,180 kg
        Map<String, Quantity> inputs = Map.of("co2Concentration", Quantity.of(10, "vol%"),
                "stackFlow", Quantity.of(1e6, "scf/h"), "duration", Quantity.of(1, "h"));
        double f11 = calculate(CalculationMethod.EPA_PART75_F11, null, inputs).massKg(Gas.CO2);
        assertThat(f11).isCloseTo(5_170.953018, rel(5_170.953018));
        assertThat(calculate(CalculationMethod.EPA_C6, null, inputs).massKg(Gas.CO2) / f11 - 1).isCloseTo(0.0017, within(0.0001));
    }

    @Test
    void epaC8Alone() {
        // 2,000,000 scf × 1.026e-3 = 2,052 mmBtu; CH4 = 2,052 × 1.0e-3 = 2.052 kg; N2O = 2,052 × 1.0e-4 = 0.2052 kg
        CalculationResult r = calculate(CalculationMethod.EPA_C8, "natural_gas", Map.of("fuelQuantity", Quantity.of(2e6, "scf")));
        assertThat(r.results()).extracting(CalculationResult.GasResult::gas).containsExactly(Gas.CH4, Gas.N2O);
        assertThat(r.massKg(Gas.CH4)).isCloseTo(2.052, rel(2.052));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(0.2052, rel(0.2052));
        // CO2e = 28 × 2.052 + 265 × 0.2052 = 57.456 + 54.378 = 111.834 kg
        assertThat(r.co2eKg()).isCloseTo(111.834, rel(111.834));
    }

    @Test
    void epaY1aFlareWithMeasuredComposition() {
        // 0.98 × 1e-3 × 1,000,000 scf × 44/12 × 20 / 849.5 × 0.8 = 0.98 × 1000 × 3.66667 × 0.0235433 × 0.8
        // = 67.679 t. Y-4 with f_CH4 = 0.4: CH4/CO2 = 3.0e-3/60 + (0.02/0.98) × (16/44) × 0.4
        // = 0.00005 + 0.0204082 × 0.363636 × 0.4 = 0.00005 + 0.00296846 = 0.00301846; CH4 = 67.67903 × 0.00301846
        // = 0.204286 t. Y-5: N2O = 67.67903 × 6.0e-4/60 = 67.67903 × 1e-5 = 0.00067679 t
        CalculationResult r = calculate(CalculationMethod.EPA_Y1A, null, Map.of(
                "flareGas", Quantity.of(1e6, "scf"), "carbonContent", Quantity.of(80, "%"),
                "molecularWeight", Quantity.of(20, "kg/kmol")));
        assertThat(r.massKg(Gas.CO2) / 1000).isCloseTo(67.67903, within(0.000005));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(204.286, within(0.0005));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(0.67679, within(0.000005));
        assertThat(r.step("methaneFraction").orElseThrow().value()).isEqualTo(0.4);
    }

    @Test
    void epaY2FlareWithMeasuredHeatingValue() {
        // 0.98 × 1e-3 × 1,000,000 scf × 1.2e-3 mmBtu/scf × 60 kg/mmBtu = 0.98 × 1,200 × 60 / 1000 = 70.56 t.
        // Y-4: 70.56 × 0.00301846 = 0.2129825 t CH4; Y-5: 70.56 × 1e-5 = 0.0007056 t N2O.
        // CO2e (AR5) = 70.56 + 28 × 0.2129825 + 265 × 0.0007056 = 70.56 + 5.963511 + 0.186984 = 76.710495 t,
        // 8.45 % + 0.27 % above the CO2 alone (the regulatory review's HC8)
        CalculationResult r = calculate(CalculationMethod.EPA_Y2, null, Map.of(
                "flareGas", Quantity.of(1e6, "scf"), "hhv", Quantity.of(1.2e-3, "mmBtu/scf")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(70_560, rel(70_560));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(212.98255, within(0.00001));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(0.7056, rel(0.7056));
        assertThat(r.co2eKg()).isCloseTo(76_710.495, within(0.001));
        assertThat(r.step("EmF").orElseThrow().source().tableId()).isEqualTo("EPA_PART98_Y");
        assertThat(r.step("EmF CH4").orElseThrow().source().note()).contains("Eq. Y-4", "§98.253(b)(2)", "Petroleum Products");
        // a measured HHV is Eq. Y-2 of §98.253(b)(1)(ii)(B); Y-3 is the default-factor method of (b)(1)(iii)
        assertThat(r.step("CO2").orElseThrow().formula()).startsWith("Eq. Y-2:");
        assertThat(CalculationMethod.EPA_Y2.citation()).startsWith("40 CFR 98.253(b)(1)(ii)(B), Eq. Y-2");
    }

    @Test
    void epaY2WithAMeasuredMethaneFraction() {
        // f_CH4 = 25 %: CH4/CO2 = 0.00005 + 0.0204082 × 0.363636 × 0.25 = 0.00005 + 0.00185529 = 0.00190529;
        // CH4 = 70.56 t × 0.00190529 = 0.1344371 t
        CalculationResult r = calculate(CalculationMethod.EPA_Y2, null, Map.of(
                "flareGas", Quantity.of(1e6, "scf"), "hhv", Quantity.of(1.2e-3, "mmBtu/scf"),
                "methaneFraction", Quantity.of(25, "%")));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(134.4371, within(0.0001));
        assertThat(r.step("methaneFraction").orElseThrow().formula()).isEqualTo("input");
    }

    @Test
    void euMrrStandardNaturalGasWithAnnexViDefaults() {
        // 100 t = 0.1 Gg × 48.0 TJ/Gg = 4.8 TJ; × 56.1 t/TJ × OF 1 = 269.28 t
        CalculationResult r = calculate(CalculationMethod.EU_MRR_STD, "natural_gas", Map.of("fuelQuantity", Quantity.of(100, "t")));
        assertThat(r.step("activityData").orElseThrow().value()).isCloseTo(4.8, rel(4.8));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(269_280, rel(269_280));
        assertThat(r.step("oxidationFactor").orElseThrow().formula()).contains("default 1");
    }

    @Test
    void euMrrMassBalanceCountsOutputsNegative() {
        // 3.664 × (1,000 t × 0.85 − 200 t × 0.90 − 700 t × 0.85) = 3.664 × (850 − 180 − 595) = 3.664 × 75 = 274.8 t
        Calculation c = new Calculation(CalculationMethod.EU_MRR_MASS_BALANCE, null, GwpSet.of("AR5"), Map.of(), List.of(
                new CarbonStream("crude", Quantity.of(1_000, "t"), Quantity.of(0.85, "kg/kg"), false),
                new CarbonStream("coke", Quantity.of(200_000, "kg"), Quantity.of(90, "%"), true),
                new CarbonStream("products", Quantity.of(700, "t"), Quantity.of(0.85, "kg/kg"), true)));
        CalculationResult r = CALCULATOR.calculate(c);
        assertThat(r.massKg(Gas.CO2)).isCloseTo(274_800, rel(274_800));
        assertThat(r.step("coke CO2").orElseThrow().value()).isCloseTo(-3.664 * 180, rel(3.664 * 180));
    }

    @Test
    void chinaMeeNaturalGasWithGuidelineDefaults() {
        // 100,000 Nm3 = 10 × 10^4 Nm3 × 389.31 GJ = 3,893.1 GJ = 3.8931 TJ; × 15.3 tC/TJ = 59.56443 tC;
        // × 0.99 × 44/12 = 216.2189 t CO2
        CalculationResult r = calculate(CalculationMethod.CN_MEE_COMBUSTION, "natural_gas",
                Map.of("fuelQuantity", Quantity.of(100_000, "Nm3")));
        assertThat(r.step("heatInput").orElseThrow().value()).isCloseTo(3.8931, rel(3.8931));
        assertThat(r.massKg(Gas.CO2) / 1000).isCloseTo(216.2189, within(0.00005));
        assertThat(r.step("ncv").orElseThrow().source().note()).contains("389.31");
    }

    @Test
    void chinaMeeRefineryDryGasWithGivenInputs() {
        // 100 t × 45.998 GJ/t = 4,599.8 GJ = 4.5998 TJ; × 18.2 tC/TJ × 0.99 × 44/12 = 303.8904 t CO2
        CalculationResult r = calculate(CalculationMethod.CN_MEE_COMBUSTION, null, Map.of(
                "fuelQuantity", Quantity.of(100, "t"), "ncv", Quantity.of(45.998, "GJ/t"),
                "carbonContentPerEnergy", Quantity.of(18.2, "tC/TJ"), "oxidationFactor", Quantity.of(99, "%")));
        assertThat(r.massKg(Gas.CO2) / 1000).isCloseTo(303.8904, within(0.00005));
    }

    @Test
    void pollutantMassFromConcentrationAndFlow() {
        // NOx: 150 mg/Nm3 × 50,000 Nm3/h × 1e-6 = 7.5 kg/h; SO2: 35 × 50,000 × 1e-6 = 1.75 kg/h; over 2 h: 15, 3.5 kg
        CalculationResult r = calculate(CalculationMethod.POLLUTANT_MASS, null, Map.of(
                "noxConcentration", Quantity.of(150, "mg/Nm3"), "so2Concentration", Quantity.of(35, "mg/Nm3"),
                "stackFlow", Quantity.of(50_000, "Nm3/h"), "duration", Quantity.of(2, "h")));
        assertThat(r.massKg(Gas.NOX)).isCloseTo(15, rel(15));
        assertThat(r.massKg(Gas.SO2)).isCloseTo(3.5, rel(3.5));
        assertThat(r.co2eKg()).isZero();
    }

    @Test
    void ar6TakesTheFossilMethaneValue() {
        // 2,052 mmBtu (as in epaC8Alone): 29.8 × 2.052 + 273 × 0.2052 = 61.1496 + 56.0196 = 117.1692 kg CO2e
        CalculationResult r = CALCULATOR.calculate(Calculation.of(CalculationMethod.EPA_C8, "natural_gas", "AR6",
                Map.of("fuelQuantity", Quantity.of(2e6, "scf"))));
        assertThat(r.co2eKg()).isCloseTo(117.1692, rel(117.1692));
        assertThat(r.step("GWP CH4").orElseThrow().formula()).isEqualTo("AR6, fossil");
    }

    @Test
    void aFuelVolumeAtNormalConditionsConvertsToScfForTheDefaultHeatingValue() {
        // 1,000 Nm3 = 37,889.956 scf (35.314667 × 293.15/273.15 × 101.325/101.353);
        // × 1.026e-3 mmBtu/scf = 38.875 mmBtu; × 53.06 = 2,062.71 kg CO2
        CalculationResult r = calculate(CalculationMethod.EPA_C1, "natural_gas", Map.of("fuelQuantity", Quantity.of(1_000, "Nm3")));
        assertThat(r.step("fuelQuantity").orElseThrow().value()).isCloseTo(37_889.956, within(0.001));
        assertThat(r.step("fuelQuantity").orElseThrow().formula()).contains("0 °C, 101.325 kPa → 68 °F, 14.7 psia");
        assertThat(r.massKg(Gas.CO2)).isCloseTo(37_889.956 * 1.026e-3 * 53.06, within(0.001));
    }
}
