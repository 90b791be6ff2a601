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

    @Test
    void theUnitsOfTheMeeGuidelinesAndOfPurchasedEnergy() {
        // 10⁴ Nm³ (万 Nm³) at 0 °C: 1 × 10⁴ Nm³ = 10,000 Nm³ = 378,899.6 scf; a rate integrates to it
        assertThat(Quantity.of(1, "10^4Nm3").in("Nm3")).isEqualTo(10_000.0);
        assertThat(Quantity.of(1, "10^4Nm3").in("scf")).isCloseTo(378_899.6, within(0.1));
        assertThat(UnitOfMeasure.of("10^4Nm3/h").integratedOverTime()).contains(UnitOfMeasure.of("10^4Nm3"));
        // 1 MWh = 3,600 MJ = 3.6 GJ; 1 kWh = 3.6 MJ
        assertThat(Quantity.of(1, "MWh").in("GJ")).isCloseTo(3.6, within(1e-12));
        assertThat(Quantity.of(1000, "kWh").in("MWh")).isCloseTo(1, within(1e-12));
        // 0.5366 t CO2/MWh = 0.5366 kg CO2/kWh = 0.5366 / 3.6 t CO2/GJ = 0.149056 t CO2/GJ
        assertThat(Quantity.of(0.5366, "tCO2/MWh").in("tCO2/GJ")).isCloseTo(0.149056, within(1e-6));
        assertThat(Quantity.of(0.11, "tCO2/GJ").in("tCO2/TJ")).isCloseTo(110, within(1e-9));
        // carbon per gas volume: 5.357 t C/10⁴ Nm³ = 0.5357 kg C/Nm³; at 20 °C the same gas fills 293.15/273.15 more
        // volume, so per Sm³@20C it is 0.5357 × 273.15/293.15 = 0.49915 kg; no unit of carbon per energy converts to it
        UnitOfMeasure perVolume = UnitOfMeasure.of("tC/10^4Nm3");
        assertThat(perVolume.dimension()).isEqualTo(Dimension.CARBON_PER_GAS_VOLUME);
        assertThat(Quantity.of(5.357, "tC/10^4Nm3").value() * perVolume.toBase()).isCloseTo(0.5357, within(1e-12));
        assertThatThrownBy(() -> Quantity.of(1, "tC/10^4Nm3").to("tC/TJ")).isInstanceOf(UnitException.class);
        // dry standard cubic feet per hour, as Eq. Y-6 writes Q_r, is scf/h with the dry basis
        assertThat(UnitOfMeasure.of("scf/h dry").basis().moisture()).isEqualTo(MoistureBasis.DRY);
    }
}
