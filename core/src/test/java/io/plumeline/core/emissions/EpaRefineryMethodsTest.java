package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.units.Quantity;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The Part 98 refinery methods beyond combustion and the measured flare: Eq. Y-3, Y-6, Y-8, Y-12, Subpart ZZ,
 * Subpart P and Tier 4 CH4/N2O (C-10), each worked out by hand in its comment. Masses in kg unless said.
 */
class EpaRefineryMethodsTest {

    private static final Calculator CALCULATOR = Calculator.withDefaults();

    private static CalculationResult calculate(CalculationMethod method, String fuel, Map<String, Quantity> inputs) {
        return CALCULATOR.calculate(Calculation.of(method, fuel, "AR5", inputs));
    }

    private static Offset<Double> rel(double expected) {
        return within(Math.abs(expected) * 1e-9);
    }

    @Test
    void y3DefaultFactorFlareWithTheHeatingValueOfCompanyRecords() {
        // 500,000 scf × 1.1e-3 mmBtu/scf = 550 mmBtu; CO2 = 0.98 × 1e-3 × 550 × 60 = 32.34 t;
        // CH4 (Y-4, f_CH4 0.4) = 32.34 × 0.00301846 = 0.097617 t; N2O (Y-5) = 32.34 × 1e-5 = 0.0003234 t
        CalculationResult r = calculate(CalculationMethod.EPA_Y3, null, Map.of(
                "flareGas", Quantity.of(5e5, "scf"), "hhv", Quantity.of(1.1e-3, "mmBtu/scf")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(32_340, rel(32_340));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(97.617, within(0.0005));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(0.3234, rel(0.3234));
        assertThat(r.step("CO2").orElseThrow().formula()).startsWith("Eq. Y-3:");
        assertThat(r.step("hhv").orElseThrow().formula()).isEqualTo("company records");
        assertThat(CalculationMethod.EPA_Y3.citation()).startsWith("40 CFR 98.253(b)(1)(iii)(A), Eq. Y-3");
    }

    @Test
    void y6CokeBurnOffFromTheRegeneratorExhaust() {
        // Q_r 1,000,000 dscf/h, 15 % CO2 + 2 % CO dry: 1e6 × 17/100 × 44/849.5 × 0.001 = 170,000 × 0.0517952 / 1000
        // = 8.805180 t/h; over 2 h: 17.610359 t CO2. Y-9: 17.610359 × 3.0e-3/102.41 = 0.000515878 t CH4;
        // Y-10: 17.610359 × 6.0e-4/102.41 = 0.000103176 t N2O
        CalculationResult r = calculate(CalculationMethod.EPA_Y6, null, Map.of(
                "exhaustFlow", Quantity.of(1e6, "scf/h dry"), "co2Concentration", Quantity.of(15, "vol% dry"),
                "coConcentration", Quantity.of(2, "vol%"), "duration", Quantity.of(2, "h")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(17_610.359, within(0.001));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(0.515878, within(0.000001));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(0.103176, within(0.000001));
        assertThat(r.step("EmF1").orElseThrow().source().note()).contains("petroleum coke");
    }

    @Test
    void y6WithoutCoCountsNone() {
        // 1e6 × 15/100 × 44/849.5 × 0.001 = 7.769276 t/h over 1 h
        CalculationResult r = calculate(CalculationMethod.EPA_Y6, null, Map.of(
                "exhaustFlow", Quantity.of(1e6, "scf/h"), "co2Concentration", Quantity.of(15, "vol%"),
                "duration", Quantity.of(1, "h")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(7_769.276, within(0.001));
        assertThat(r.step("coConcentration").orElseThrow().formula()).contains("not given: 0");
    }

    @Test
    void y6RefusesAWetExhaustFlow() {
        // Q_r of Eq. Y-6 is dry (dscf/h): a flow stated wet is refused, naming the input
        CalculationException e = catchThrowableOfType(CalculationException.class, () -> calculate(CalculationMethod.EPA_Y6,
                null, Map.of("exhaustFlow", Quantity.of(1e6, "scf/h wet"), "co2Concentration", Quantity.of(15, "vol%"),
                        "duration", Quantity.of(1, "h"))));
        assertThat(e.input()).isEqualTo("exhaustFlow");
    }

    @Test
    void y8CokeBurnOffFromTheCokeBurned() {
        // 10 t coke × 0.94 × 44/12 = 34.466667 t CO2; Y-9: 34.466667 × 3.0e-3/102.41 = 0.00100967 t CH4;
        // Y-10: 34.466667 × 6.0e-4/102.41 = 0.000201933 t N2O
        CalculationResult r = calculate(CalculationMethod.EPA_Y8, null, Map.of(
                "cokeBurned", Quantity.of(10_000, "kg"), "carbonContent", Quantity.of(94, "%")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(34_466.6667, within(0.0001));
        assertThat(r.massKg(Gas.CH4)).isCloseTo(1.009667, within(0.000001));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(0.201933, within(0.000001));
    }

    @Test
    void y12SulfurRecoveryWithTheDefaultCarbonFraction() {
        // 1,000,000 scf × 44/849.5 × 0.20 × 0.001 = 51,795.17 × 0.2 / 1000 = 10.359035 t CO2
        CalculationResult r = calculate(CalculationMethod.EPA_Y12, null, Map.of("sourGasFlow", Quantity.of(1e6, "scf")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(10_359.035, within(0.001));
        assertThat(r.results()).hasSize(1);
        assertThat(r.step("carbonMoleFraction").orElseThrow().source().note()).contains("Eq. Y-12", "§98.253(f)");
        // a measured 5 %: a quarter of it, 2.589759 t
        assertThat(calculate(CalculationMethod.EPA_Y12, null, Map.of("sourGasFlow", Quantity.of(1e6, "scf"),
                "carbonMoleFraction", Quantity.of(5, "%"))).massKg(Gas.CO2)).isCloseTo(2_589.759, within(0.001));
    }

    @Test
    void zzCokeCalcining() {
        // 44/12 × (1,000 t × 0.90 − (800 t + 20 t) × 0.97) = 3.666667 × (900 − 795.4) = 3.666667 × 104.6 = 383.5333 t
        CalculationResult r = calculate(CalculationMethod.EPA_ZZ, null, Map.of(
                "greenCoke", Quantity.of(1_000, "t"), "greenCokeCarbon", Quantity.of(0.90, "kg/kg"),
                "calcinedCoke", Quantity.of(800, "t"), "dust", Quantity.of(20, "t"),
                "calcinedCokeCarbon", Quantity.of(97, "%")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(383_533.333, within(0.001));
        assertThat(CalculationMethod.EPA_ZZ.citation()).contains("98.493(b)(2)", "Y-13");
    }

    @Test
    void zzRefusesMoreCarbonOutThanIn() {
        // 100 t × 0.9 = 90 t C in, (95 + 5) t × 0.97 = 97 t C out
        CalculationException e = catchThrowableOfType(CalculationException.class, () -> calculate(CalculationMethod.EPA_ZZ,
                null, Map.of("greenCoke", Quantity.of(100, "t"), "greenCokeCarbon", Quantity.of(0.9, "kg/kg"),
                        "calcinedCoke", Quantity.of(95, "t"), "dust", Quantity.of(5, "t"),
                        "calcinedCokeCarbon", Quantity.of(0.97, "kg/kg"))));
        assertThat(e.input()).isEqualTo("calcinedCoke");
        assertThat(e).hasMessageContaining("more than");
    }

    @Test
    void p1HydrogenPlantGaseousFeedstock() {
        // 44/12 × 10,000,000 scf × 0.75 × 16 / 849.5 × 0.001 = 3.666667 × 7.5e6 × 16 / 849.5 / 1000
        // = 3.666667 × 141,259.56 / 1000 = 517.951736 t CO2
        CalculationResult r = calculate(CalculationMethod.EPA_P1, null, Map.of(
                "feedstock", Quantity.of(1e7, "scf"), "carbonContent", Quantity.of(0.75, "kg/kg"),
                "molecularWeight", Quantity.of(16, "kg/kmol")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(517_951.736, within(0.001));
        assertThat(r.results()).hasSize(1);
    }

    @Test
    void c10Tier4MethaneAndNitrousOxideFromTheHeatInput() {
        // 100,000 mmBtu of fuel gas: CH4 = 1e-3 × 100,000 × 3.0e-3 = 0.3 t; N2O = 1e-3 × 100,000 × 6.0e-4 = 0.06 t;
        // CO2e (AR5) = 28 × 300 + 265 × 60 = 8,400 + 15,900 = 24,300 kg
        CalculationResult r = calculate(CalculationMethod.EPA_C10, "fuel_gas", Map.of("heatInput", Quantity.of(1e5, "mmBtu")));
        assertThat(r.results()).extracting(CalculationResult.GasResult::gas).containsExactly(Gas.CH4, Gas.N2O);
        assertThat(r.massKg(Gas.CH4)).isCloseTo(300, rel(300));
        assertThat(r.massKg(Gas.N2O)).isCloseTo(60, rel(60));
        assertThat(r.co2eKg()).isCloseTo(24_300, rel(24_300));
        assertThat(r.step("CH4").orElseThrow().formula()).startsWith("Eq. C-10:");
        // the heat input in GJ: 105,505.585 GJ = 100,000 mmBtu
        assertThat(calculate(CalculationMethod.EPA_C10, "fuel_gas", Map.of("heatInput", Quantity.of(105_505.585262, "GJ")))
                .massKg(Gas.CH4)).isCloseTo(300, within(1e-6));
    }

    @Test
    void everyNewResultCountsAsEmittedAtTheSource() {
        assertThat(calculate(CalculationMethod.EPA_Y8, null, Map.of("cokeBurned", Quantity.of(1, "t"),
                "carbonContent", Quantity.of(0.9, "kg/kg"))).accounting()).isEqualTo(Accounting.DIRECT);
    }
}
