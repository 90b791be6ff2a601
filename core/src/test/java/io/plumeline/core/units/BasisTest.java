package io.plumeline.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.Calculation;
import io.plumeline.core.emissions.CalculationException;
import io.plumeline.core.emissions.CalculationMethod;
import io.plumeline.core.emissions.Calculator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasisTest {

    @Test
    void standardVolumesConvertByTheIdealGasRatio() {
        // 1 Sm3@20C = 273.15 / 293.15 Nm3 = 0.931776 Nm3 (same pressure)
        assertThat(Quantity.of(1, "Sm3@20C").in("Nm3")).isCloseTo(0.931776, within(1e-6));
        // 1 Sm3@15C = 273.15 / 288.15 Nm3 = 0.947944 Nm3
        assertThat(Quantity.of(1, "Sm3@15C/h").in("Nm3/h")).isCloseTo(0.947944, within(1e-6));
        // 1 scf@60F = (527.67 / 519.67 °R) × (14.73 / 14.7 psia) scf = 1.015394 × 1.002041 = 1.017467 scf
        assertThat(Quantity.of(1, "scf@60F").in("scf")).isCloseTo(1.017467, within(1e-6));
        // a heating value per Sm3@20C is per less gas than per Nm3: 1 MJ/Sm3@20C = 293.15 / 273.15 = 1.073220 MJ/Nm3
        assertThat(Quantity.of(1, "MJ/Sm3@20C").in("MJ/Nm3")).isCloseTo(1.073220, within(1e-6));
    }

    @Test
    void aBasisIsWrittenAfterTheUnitAndNeverConvertedAway() {
        UnitOfMeasure lhv = UnitOfMeasure.of("MJ/Nm3 LHV");
        assertThat(lhv.basis().heatingValue()).isEqualTo(HeatingValueBasis.LHV);
        assertThat(UnitOfMeasure.of("mg/Nm3 3%O2 dry").symbol()).isEqualTo("mg/Nm3 dry 3%O2");
        assertThat(UnitOfMeasure.of("Nm3/h wet").integratedOverTime()).contains(UnitOfMeasure.of("Nm3 wet"));
        assertThatThrownBy(() -> Quantity.of(38, "MJ/Nm3 LHV").to("MJ/Nm3 HHV"))
                .hasMessage("cannot convert 'MJ/Nm3 LHV' to 'MJ/Nm3 HHV': LHV and HHV are never converted into each other");
        assertThatThrownBy(() -> UnitOfMeasure.of("Nm3/h HHV")).hasMessageContaining("'HHV' is repeated or does not apply to GAS_VOLUME_RATE");
        assertThat(UnitOfMeasure.find("MJ/Nm3 GCV")).isEmpty();
    }

    @Test
    void aPart98EquationRefusesAnLhv() {
        Calculation c = Calculation.of(CalculationMethod.EPA_C2A, "fuel_gas", "AR5",
                Map.of("fuelQuantity", Quantity.of(1200, "Nm3"), "hhv", Quantity.of(38.5, "MJ/Nm3 LHV")));
        assertThatThrownBy(() -> Calculator.withDefaults().calculate(c)).isInstanceOf(CalculationException.class)
                .hasMessageStartingWith("hhv: is in 'MJ/Nm3 LHV' (lower heating value (LHV, net calorific value NCV)); EPA_C2A")
                .hasMessageContaining("needs higher heating value (HHV, gross calorific value GCV)");
        // the same value stated as HHV gives worked example 4: 46,200 MJ = 43.789 mmBtu × 59.00 kg/mmBtu = 2,583.6 kg
        Calculation hhv = Calculation.of(CalculationMethod.EPA_C2A, "fuel_gas", "AR5",
                Map.of("fuelQuantity", Quantity.of(1200, "Nm3"), "hhv", Quantity.of(38.5, "MJ/Nm3 HHV")));
        assertThat(Calculator.withDefaults().calculate(hhv).results().get(0).massKg()).isCloseTo(2583.6, within(0.1));
    }
}
