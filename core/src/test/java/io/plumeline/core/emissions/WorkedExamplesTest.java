package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.units.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four worked examples of the emissions reference, to the digits it states. */
class WorkedExamplesTest {

    private static final Calculator CALCULATOR = Calculator.withDefaults();

    private static CalculationResult calculate(CalculationMethod method, String fuel, String gwp, Map<String, Quantity> inputs) {
        return CALCULATOR.calculate(Calculation.of(method, fuel, gwp, inputs));
    }

    @Test
    void one_naturalGasTier1WithCh4AndN2o() {
        Map<String, Quantity> inputs = Map.of("fuelQuantity", Quantity.of(100_000_000, "scf"));
        CalculationResult ar5 = calculate(CalculationMethod.EPA_C1, "natural_gas", "AR5", inputs);
        assertThat(ar5.step("heatInput").orElseThrow().value()).isCloseTo(102_600, within(1e-6));
        assertThat(ar5.massKg(Gas.CO2) / 1000).isCloseTo(5_443.956, within(0.0005));
        assertThat(ar5.massKg(Gas.CH4) / 1000).isCloseTo(0.1026, within(0.00005));
        assertThat(ar5.massKg(Gas.N2O) / 1000).isCloseTo(0.01026, within(0.000005));
        assertThat(ar5.co2eKg() / 1000).isCloseTo(5_449.548, within(0.0005));

        // The reference states 5,449.579 t: it rounds 298 × 0.01026 = 3.05748 to 3.0575 first. Unrounded:
        // 5,443.956 + 25 × 0.1026 + 298 × 0.01026 = 5,443.956 + 2.565 + 3.05748 = 5,449.57848 t
        CalculationResult ar4 = calculate(CalculationMethod.EPA_C1, "natural_gas", "AR4", inputs);
        assertThat(ar4.co2eKg() / 1000).isCloseTo(5_449.57848, within(1e-9)).isCloseTo(5_449.579, within(0.00053));
    }

    @Test
    void two_distillateTier1() {
        CalculationResult r = calculate(CalculationMethod.EPA_C1, "distillate_no2", "AR5",
                Map.of("fuelQuantity", Quantity.of(1_000_000, "gal")));
        assertThat(r.step("heatInput").orElseThrow().value()).isCloseTo(138_000, within(1e-6));
        assertThat(r.massKg(Gas.CO2) / 1000).isCloseTo(10_206.48, within(0.005));
        assertThat(r.massKg(Gas.CH4) / 1000).isCloseTo(0.414, within(0.0005));
        assertThat(r.massKg(Gas.N2O) / 1000).isCloseTo(0.0828, within(0.00005));
        assertThat(r.co2eKg() / 1000).isCloseTo(10_240.014, within(0.0005));
    }

    @Test
    void three_euStandardMethodGasDieselOil() {
        // NCV 0.043 TJ/t = 43 GJ/t (there is no TJ/t unit; GJ/t is the same number of MJ/kg)
        CalculationResult r = calculate(CalculationMethod.EU_MRR_STD, null, "AR5", Map.of(
                "fuelQuantity", Quantity.of(1_000, "t"), "ncv", Quantity.of(43.0, "GJ/t"),
                "emissionFactor", Quantity.of(74.1, "tCO2/TJ"), "oxidationFactor", Quantity.of(1, "1")));
        assertThat(r.massKg(Gas.CO2) / 1000).isCloseTo(3_186.3, within(0.05));
        assertThat(r.co2eKg()).isEqualTo(r.massKg(Gas.CO2));
    }

    @Test
    void three_withTheAnnexViDefaultsOfTheFuel() {
        CalculationResult r = calculate(CalculationMethod.EU_MRR_STD, "gas_diesel_oil", "AR5",
                Map.of("fuelQuantity", Quantity.of(1_000, "t")));
        assertThat(r.massKg(Gas.CO2) / 1000).isCloseTo(3_186.3, within(0.05));
        assertThat(r.step("ncv").orElseThrow().source().tableId()).isEqualTo("IPCC2006_MRR_ANNEX_VI");
    }

    @Test
    void four_fuelGasTier2OverOneHour() {
        CalculationResult r = calculate(CalculationMethod.EPA_C2A, "fuel_gas", "AR5", Map.of(
                "fuelQuantity", Quantity.of(1_200, "Nm3"), "hhv", Quantity.of(38.5, "MJ/Nm3")));
        assertThat(r.step("heatInput").orElseThrow().value()).isCloseTo(43.789, within(0.0005));
        assertThat(r.massKg(Gas.CO2) / 1000).isCloseTo(2.5836, within(0.00005));
    }
}
