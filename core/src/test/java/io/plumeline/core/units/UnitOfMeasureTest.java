package io.plumeline.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitOfMeasureTest {

    @Test
    void normalCubicMetreIsAbout37point889StandardCubicFeet() {
        // 35.314667 ft³/m³ × (293.15 / 273.15) × (101.325 / 101.3529) = 37.88996 (the reference rounds to 37.889)
        assertThat(Quantity.of(1, "Nm3").in("scf")).isCloseTo(37.88996, within(1e-5));
        assertThat(Quantity.of(1000, "Nm3/h").in("scf/h")).isCloseTo(37_889.96, within(0.01));
    }

    @Test
    void heatingValuesConvertInverselyToTheirVolume() {
        // 1 MJ/Nm3 → per scf: 1 MJ spread over 37.88996 scf, in mmBtu: 9.478171e-4 / 37.88996 = 2.501500e-5
        assertThat(Quantity.of(1, "MJ/Nm3").in("mmBtu/scf")).isCloseTo(2.501500e-5, within(1e-10));
        assertThat(Quantity.of(1, "MJ").in("mmBtu")).isCloseTo(9.47817e-4, within(1e-9));
        assertThat(Quantity.of(1, "GJ/t").in("MJ/kg")).isEqualTo(1.0);
        assertThat(Quantity.of(48.0, "TJ/Gg").in("MJ/kg")).isEqualTo(48.0);
    }

    @Test
    void everyConversionRoundTrips() {
        List<UnitOfMeasure> units = List.copyOf(UnitOfMeasure.all());
        for (UnitOfMeasure a : units) {
            for (UnitOfMeasure b : units) {
                if (!a.convertsTo(b)) continue;
                double there = 123.456 * a.factorTo(b);
                assertThat(there * b.factorTo(a)).as(a + " → " + b + " → " + a).isCloseTo(123.456, within(1e-9));
            }
        }
    }

    @Test
    void refusesConversionsThatDoNotHold() {
        assertThatThrownBy(() -> Quantity.of(1, "m3").to("Nm3"))
                .isInstanceOf(UnitException.class)
                .hasMessage("cannot convert 'm3' (VOLUME) to 'Nm3' (GAS_VOLUME)");
        assertThatThrownBy(() -> Quantity.of(1, "%").to("vol%")).isInstanceOf(UnitException.class);
        assertThatThrownBy(() -> Quantity.of(1, "tC/TJ").to("tCO2/TJ")).isInstanceOf(UnitException.class);
        assertThatThrownBy(() -> UnitOfMeasure.of("Nm3/hr")).hasMessage("unknown unit 'Nm3/hr'");
    }

    @Test
    void ratesIntegrateToTheirQuantity() {
        assertThat(UnitOfMeasure.of("Nm3/h").integratedOverTime()).contains(UnitOfMeasure.of("Nm3"));
        assertThat(UnitOfMeasure.of("t/h").integratedOverTime()).contains(UnitOfMeasure.of("t"));
        assertThat(UnitOfMeasure.of("MJ/Nm3").integratedOverTime()).isEmpty();
    }

    @Test
    void everyUnitOfTheContractIsKnown() {
        for (String symbol : List.of("Nm3/h", "scf/h", "m3/h", "t/h", "kg/h", "gal/h", "Nm3", "scf", "m3", "gal", "t", "kg",
                "Gg", "h", "MJ/Nm3", "GJ/Nm3", "MJ/kg", "GJ/t", "TJ/Gg", "mmBtu/scf", "mmBtu/gal", "%", "vol%", "ppm",
                "mg/Nm3", "kg/kg", "kg/kmol", "tC/TJ", "tCO2/TJ", "kg/mmBtu", "1", "degC", "kPa")) {
            assertThat(UnitOfMeasure.find(symbol)).as(symbol).isPresent();
        }
    }
}
