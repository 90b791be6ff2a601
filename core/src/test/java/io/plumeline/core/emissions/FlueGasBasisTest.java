package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.units.Quantity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POLLUTANT_MASS with concentrations on another basis than the flow (docs/calculations.md, "Measurement bases"). */
class FlueGasBasisTest {

    private static CalculationResult pollutantMass(Object... namesAndQuantities) {
        Map<String, Quantity> inputs = new HashMap<>(Map.of("duration", Quantity.of(1, "h")));
        for (int i = 0; i < namesAndQuantities.length; i += 2) {
            inputs.put((String) namesAndQuantities[i], (Quantity) namesAndQuantities[i + 1]);
        }
        return Calculator.withDefaults().calculate(Calculation.of(CalculationMethod.POLLUTANT_MASS, null, "AR5", inputs));
    }

    @Test
    void theEquationsOnNumbers() {
        // 150 × (20.9 − 8)/(20.9 − 3) = 150 × 12.9/17.9 = 108.100559; 200 × (1 − 0.12) = 176; 50 / (1 − 0.2) = 62.5
        assertThat(FlueGasBasis.atMeasuredO2(150, 3, 8, 20.9)).isCloseTo(108.100559, within(1e-6));
        assertThat(FlueGasBasis.wetFromDry(200, 0.12)).isCloseTo(176, within(1e-9));
        assertThat(FlueGasBasis.dryFromWet(50, 0.2)).isCloseTo(62.5, within(1e-9));
        // Eq. C-7 is the same conversion with %H2O: 12 vol% CO2 dry at 8 % moisture = 12 × 0.92 = 11.04 vol% wet
        assertThat(EpaSubpartC.c7Wet(12, 8)).isCloseTo(11.04, within(1e-12));
    }

    @Test
    void anO2ReferencedConcentrationIsTakenToTheMeasuredO2() {
        // 150 mg/Nm3 dry at 3 % O2 with 8 vol% O2 dry measured: 150 × (20.9 − 8)/(20.9 − 3) = 108.100559 mg/Nm3;
        // × 50,000 Nm3/h dry × 1e-6 = 5.405028 kg NOx in the hour
        CalculationResult r = pollutantMass("noxConcentration", Quantity.of(150, "mg/Nm3 dry 3%O2"),
                "o2", Quantity.of(8, "vol% dry"), "stackFlow", Quantity.of(50_000, "Nm3/h dry"));
        assertThat(r.step("noxConcentration at measured O2").orElseThrow().value()).isCloseTo(108.100559, within(1e-6));
        assertThat(r.step("airO2").orElseThrow().formula()).isEqualTo("O2 in dry air, 40 CFR Part 60 (default)");
        assertThat(r.massKg(Gas.NOX)).isCloseTo(5.405028, within(1e-6));
    }

    @Test
    void aDryConcentrationIsPutOnAWetFlow() {
        // 200 mg/Nm3 dry SO2, 12 % moisture: 200 × (1 − 0.12) = 176 mg/Nm3 wet; × 40,000 Nm3/h wet × 1e-6 = 7.04 kg
        CalculationResult r = pollutantMass("so2Concentration", Quantity.of(200, "mg/Nm3 dry"),
                "moisture", Quantity.of(12, "%"), "stackFlow", Quantity.of(40_000, "Nm3/h wet"));
        assertThat(r.step("so2Concentration wet").orElseThrow().value()).isCloseTo(176, within(1e-9));
        assertThat(r.massKg(Gas.SO2)).isCloseTo(7.04, within(1e-9));
    }

    @Test
    void aWetConcentrationIsPutOnADryFlow() {
        // 50 mg/Nm3 wet CO, 20 vol% moisture: 50 / (1 − 0.2) = 62.5 mg/Nm3 dry; × 30,000 Nm3/h dry × 1e-6 = 1.875 kg
        CalculationResult r = pollutantMass("coConcentration", Quantity.of(50, "mg/Nm3 wet"),
                "moisture", Quantity.of(20, "vol%"), "stackFlow", Quantity.of(30_000, "Nm3/h dry"));
        assertThat(r.step("coConcentration dry").orElseThrow().value()).isCloseTo(62.5, within(1e-9));
        assertThat(r.massKg(Gas.CO)).isCloseTo(1.875, within(1e-9));
    }

    @Test
    void o2FirstOnTheConcentrationsBasisThenMoisture() {
        // a gas turbine's 100 mg/Nm3 dry at 15 % O2, 13 vol% O2 dry measured: 100 × 7.9/5.9 = 133.898305 mg/Nm3 dry;
        // 8 % moisture: × 0.92 = 123.186441 mg/Nm3 wet; × 200,000 Nm3/h wet × 1e-6 = 24.637288 kg
        CalculationResult r = pollutantMass("noxConcentration", Quantity.of(100, "mg/Nm3 dry 15%O2"),
                "o2", Quantity.of(13, "vol% dry"), "moisture", Quantity.of(8, "%"), "stackFlow", Quantity.of(200_000, "Nm3/h wet"));
        assertThat(r.step("noxConcentration at measured O2").orElseThrow().value()).isCloseTo(133.898305, within(1e-6));
        assertThat(r.massKg(Gas.NOX)).isCloseTo(24.637288, within(1e-6));
    }

    @Test
    void theO2OfAirIsGivenWhereTheRuleWrites21() {
        // HJ 75-2017 折算 to a gas boiler's 3.5 % O2 with 21 % for air: 100 × (21 − 6)/(21 − 3.5) = 100 × 15/17.5 =
        // 85.714286 mg/Nm3 at 6 vol% O2; × 10,000 Nm3/h × 1e-6 = 0.857143 kg (with 20.9: 100 × 14.9/17.4 = 85.632 mg/Nm3)
        CalculationResult r = pollutantMass("noxConcentration", Quantity.of(100, "mg/Nm3 dry 3.5%O2"),
                "o2", Quantity.of(6, "vol%"), "airO2", Quantity.of(21, "vol%"), "stackFlow", Quantity.of(10_000, "Nm3/h"));
        assertThat(r.massKg(Gas.NOX)).isCloseTo(0.857143, within(1e-6));
    }

    @Test
    void aConversionWithoutWhatItNeedsIsRefused() {
        assertThatThrownBy(() -> pollutantMass("noxConcentration", Quantity.of(150, "mg/Nm3 dry 3%O2"),
                "stackFlow", Quantity.of(50_000, "Nm3/h dry")))
                .isInstanceOf(CalculationException.class)
                .hasMessage("noxConcentration: is in 'mg/Nm3 dry 3%O2' (dry basis, normalised to 3 % O2); the flue gas flow is"
                        + " at its actual O2, so taking it off the O2 reference needs the measured stack O2: give o2 (vol% dry)"
                        + " for C = C_ref × (O2_air − O2)/(O2_air − O2_ref)");
        assertThatThrownBy(() -> pollutantMass("noxConcentration", Quantity.of(150, "mg/Nm3 dry 3%O2"),
                "o2", Quantity.of(7, "vol% wet"), "stackFlow", Quantity.of(50_000, "Nm3/h dry")))
                .hasMessage("o2: is in 'vol% wet' (wet basis), but noxConcentration is in 'mg/Nm3 dry 3%O2' (dry basis,"
                        + " normalised to 3 % O2) is normalised on the dry basis: give the O2 measured on the dry basis");
        assertThatThrownBy(() -> pollutantMass("so2Concentration", Quantity.of(200, "mg/Nm3 dry"),
                "stackFlow", Quantity.of(40_000, "Nm3/h wet")))
                .hasMessage("so2Concentration: is in 'mg/Nm3 dry' (dry basis) and the stack flow is in 'Nm3/h wet' (wet"
                        + " basis): putting it on the flow's basis needs the flue gas moisture, give moisture (%, the water"
                        + " vapour volume fraction) for C_wet = C_dry × (1 − H2O)");
    }

    @Test
    void impossibleO2AndMoistureAreRefused() {
        assertThatThrownBy(() -> pollutantMass("noxConcentration", Quantity.of(150, "mg/Nm3 dry 3%O2"),
                "o2", Quantity.of(20.9, "vol% dry"), "stackFlow", Quantity.of(50_000, "Nm3/h dry")))
                .hasMessage("o2: is 20.9 vol%, not below the 20.9 vol% of air: the O2 correction (O2_air − O2)/(O2_air − O2_ref)"
                        + " needs a flue gas with less O2 than air");
        assertThatThrownBy(() -> pollutantMass("so2Concentration", Quantity.of(200, "mg/Nm3 dry"),
                "moisture", Quantity.of(100, "%"), "stackFlow", Quantity.of(40_000, "Nm3/h wet")))
                .hasMessage("moisture: is 100 % or more (100.0 %): a flue gas of only water vapour has no dry part");
        assertThatThrownBy(() -> pollutantMass("so2Concentration", Quantity.of(200, "mg/Nm3 dry"),
                "moisture", Quantity.of(-1, "%"), "stackFlow", Quantity.of(40_000, "Nm3/h wet")))
                .hasMessage("moisture: is negative (-1.0 %)");
        assertThatThrownBy(() -> pollutantMass("so2Concentration", Quantity.of(200, "mg/Nm3 dry"),
                "moisture", Quantity.of(10, "vol% dry"), "stackFlow", Quantity.of(40_000, "Nm3/h wet")))
                .hasMessageStartingWith("moisture: is in 'vol% dry' (dry basis); POLLUTANT_MASS");
    }

    @Test
    void aBasisEitherLeavesUnstatedIsTheOthers() {
        // 'mg/Nm3 dry' with a flow of no stated basis is taken as a dry flow: 200 × 40,000 × 1e-6 = 8 kg, no moisture asked
        assertThat(pollutantMass("so2Concentration", Quantity.of(200, "mg/Nm3 dry"), "stackFlow", Quantity.of(40_000, "Nm3/h"))
                .massKg(Gas.SO2)).isCloseTo(8, within(1e-9));
    }
}
