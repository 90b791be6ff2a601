package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.units.Quantity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request that cannot be computed is refused with an exception naming the input at fault. */
class BadInputTest {

    private static final Calculator CALCULATOR = Calculator.withDefaults();

    private static CalculationException refusal(CalculationMethod method, String fuel, Map<String, Quantity> inputs) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> CALCULATOR.calculate(Calculation.of(method, fuel, "AR5", inputs)));
        assertThat(t).isInstanceOf(CalculationException.class);
        return (CalculationException) t;
    }

    @Test
    void aMissingInputIsNamed() {
        CalculationException e = refusal(CalculationMethod.EPA_C5, "fuel_gas", Map.of(
                "fuelQuantity", Quantity.of(1e6, "scf"), "carbonContent", Quantity.of(0.7, "kg/kg")));
        assertThat(e.input()).isEqualTo("molecularWeight");
        assertThat(e).hasMessageContaining("molecularWeight: is missing");
    }

    @Test
    void aDurationIsNeededOutsideTheHourlyAccounting() {
        CalculationException e = refusal(CalculationMethod.EPA_C6, null, Map.of(
                "co2Concentration", Quantity.of(10, "vol%"), "stackFlow", Quantity.of(1e6, "scf/h")));
        assertThat(e.input()).isEqualTo("duration");
    }

    @Test
    void anInputInAUnitOfAnotherDimensionIsNamed() {
        CalculationException e = refusal(CalculationMethod.EPA_C2A, "fuel_gas", Map.of(
                "fuelQuantity", Quantity.of(1200, "Nm3"), "hhv", Quantity.of(38.5, "kg/kmol")));
        assertThat(e.input()).isEqualTo("hhv");
        assertThat(e).hasMessageContaining("'kg/kmol'");
    }

    @Test
    void aRateWhereTheEquationNeedsAQuantityIsNamed() {
        CalculationException e = refusal(CalculationMethod.EPA_C1, "natural_gas", Map.of("fuelQuantity", Quantity.of(1200, "Nm3/h")));
        assertThat(e.input()).isEqualTo("fuelQuantity");
    }

    @Test
    void aFuelMassWithAHeatingValuePerVolumeIsNamed() {
        CalculationException e = refusal(CalculationMethod.EPA_C1, "natural_gas", Map.of("fuelQuantity", Quantity.of(10, "t")));
        assertThat(e.input()).isEqualTo("fuelQuantity");
        assertThat(e).hasMessageContaining("mmBtu/scf");
    }

    @Test
    void aNegativeQuantityIsNamed() {
        CalculationException e = refusal(CalculationMethod.EPA_Y2, null, Map.of(
                "flareGas", Quantity.of(-5, "scf"), "hhv", Quantity.of(1e-3, "mmBtu/scf")));
        assertThat(e.input()).isEqualTo("flareGas");
        assertThat(e).hasMessageContaining("negative");
    }

    @Test
    void aNonNumberIsNamed() {
        CalculationException e = refusal(CalculationMethod.EPA_C1, "natural_gas", Map.of("fuelQuantity", Quantity.of(Double.NaN, "scf")));
        assertThat(e.input()).isEqualTo("fuelQuantity");
    }

    @Test
    void anInputTheMethodDoesNotTakeIsNamed() {
        CalculationException e = refusal(CalculationMethod.EPA_C1, "natural_gas", Map.of(
                "fuelQuantity", Quantity.of(1, "scf"), "hhv", Quantity.of(1e-3, "mmBtu/scf")));
        assertThat(e.input()).isEqualTo("hhv");
        assertThat(e).hasMessageContaining("takes no input");
    }

    @Test
    void aFractionAboveOneIsNamed() {
        CalculationException e = refusal(CalculationMethod.EPA_Y1A, null, Map.of(
                "flareGas", Quantity.of(1, "scf"), "carbonContent", Quantity.of(120, "%"),
                "molecularWeight", Quantity.of(20, "kg/kmol")));
        assertThat(e.input()).isEqualTo("carbonContent");
    }

    @Test
    void aFuelTheTableDoesNotHaveIsNamedWithTheOnesItHas() {
        CalculationException e = refusal(CalculationMethod.EPA_C1, "coal", Map.of("fuelQuantity", Quantity.of(1, "t")));
        assertThat(e.input()).isEqualTo("fuel");
        assertThat(e).hasMessageContaining("natural_gas");
    }

    @Test
    void aMissingDefaultWithoutFuelIsNamed() {
        CalculationException e = refusal(CalculationMethod.EU_MRR_STD, null, Map.of("fuelQuantity", Quantity.of(1, "t")));
        assertThat(e.input()).isEqualTo("ncv");
    }

    @Test
    void anUnknownGwpSetIsNamed() {
        assertThatThrownBy(() -> GwpSet.of("AR3")).isInstanceOf(CalculationException.class)
                .hasMessageContaining("gwp").hasMessageContaining("AR5");
    }

    @Test
    void aMassBalanceStreamIsNamedByItsIndex() {
        Calculation c = new Calculation(CalculationMethod.EU_MRR_MASS_BALANCE, null, GwpSet.of("AR5"), new HashMap<>(), List.of(
                new CarbonStream("crude", Quantity.of(10, "t"), Quantity.of(0.85, "kg/kg"), false),
                new CarbonStream("gas", Quantity.of(10, "Nm3"), Quantity.of(0.7, "kg/kg"), true)));
        assertThatThrownBy(() -> CALCULATOR.calculate(c)).isInstanceOf(CalculationException.class)
                .extracting(t -> ((CalculationException) t).input()).isEqualTo("streams[1].quantity");
    }

    @Test
    void anEmptyMassBalanceIsRefused() {
        Calculation c = new Calculation(CalculationMethod.EU_MRR_MASS_BALANCE, null, GwpSet.of("AR5"), Map.of(), List.of());
        assertThatThrownBy(() -> CALCULATOR.calculate(c)).isInstanceOf(CalculationException.class).hasMessageStartingWith("streams");
    }
}
