package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.units.Quantity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The refinery rules of Regulation (EU) 2018/2066 Annex IV section 2.B, each worked out by hand in its comment:
 * catalyst regeneration by mass balance on air and flue gas, and hydrogen production. Masses in kg unless said.
 */
class EuMrrRefineryMethodsTest {

    private static final Calculator CALCULATOR = Calculator.withDefaults();

    private static CalculationResult calculate(CalculationMethod method, Map<String, Quantity> inputs) {
        return CALCULATOR.calculate(Calculation.of(method, null, "AR5", inputs));
    }

    private static CalculationException refusal(CalculationMethod method, Map<String, Quantity> inputs) {
        return catchThrowableOfType(CalculationException.class, () -> calculate(method, inputs));
    }

    private static Map<String, Quantity> regenerator() {
        Map<String, Quantity> inputs = new HashMap<>();
        inputs.put("airFlow", Quantity.of(100_000, "Nm3/h"));
        inputs.put("o2Out", Quantity.of(2, "vol%"));
        inputs.put("co2Concentration", Quantity.of(15, "vol%"));
        inputs.put("coConcentration", Quantity.of(1, "vol%"));
        inputs.put("duration", Quantity.of(1, "h"));
        return inputs;
    }

    @Test
    void catalystRegenerationByMassBalanceOnAirAndFlueGas() {
        // N2 balance: V_flue = 100,000 × (100 − 20.95) / (100 − 2 − 15 − 1) = 7,905,000 / 82 = 96,402.439 Nm³/h;
        // CO2 = 96,402.439 × 0.15 × 44.01 / 22.414 / 1000 = 28.393000 t; CO = 96,402.439 × 0.01 × 28.01 / 22.414 / 1000
        // = 1.204708 t, as CO2 × 1.571 = 1.892596 t; Em = 30.285596 t in the hour
        CalculationResult r = calculate(CalculationMethod.EU_MRR_CAT_CRACKER, regenerator());
        assertThat(r.step("flue gas").orElseThrow().value()).isCloseTo(96_402.439, within(0.001));
        assertThat(r.step("CO as CO2").orElseThrow().value()).isCloseTo(1.892596, within(1e-6));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(30_285.596, within(0.001));
        assertThat(r.results()).hasSize(1);
        // two hours of the same: twice the mass; the air in scf/h is the same air
        Map<String, Quantity> twoHours = regenerator();
        twoHours.put("duration", Quantity.of(2, "h"));
        assertThat(calculate(CalculationMethod.EU_MRR_CAT_CRACKER, twoHours).massKg(Gas.CO2)).isCloseTo(60_571.192, within(0.001));
        Map<String, Quantity> scf = regenerator();
        scf.put("airFlow", Quantity.of(100_000, "Nm3/h").to("scf/h"));
        assertThat(calculate(CalculationMethod.EU_MRR_CAT_CRACKER, scf).massKg(Gas.CO2)).isCloseTo(30_285.596, within(0.001));
    }

    @Test
    void oxygenEnrichedAirTakesItsOwnO2() {
        // o2In 24 vol%: V_flue = 100,000 × 76 / 82 = 92,682.927 Nm³/h; Em = 92,682.927 × (0.15 × 44.01 + 0.01 × 28.01
        // × 1.571) / 22.414 / 1000 = 92,682.927 × 6.9455 / 22.414 / 1000 = 28.720001 t
        Map<String, Quantity> inputs = regenerator();
        inputs.put("o2In", Quantity.of(24, "vol%"));
        assertThat(calculate(CalculationMethod.EU_MRR_CAT_CRACKER, inputs).massKg(Gas.CO2))
                .isCloseTo(92_682.927 * (0.15 * 44.01 + 0.01 * 28.01 * 1.571) / 22.414, within(0.01));
    }

    @Test
    void catalystRegenerationRefusesWhatTheBalanceCannotTake() {
        Map<String, Quantity> full = regenerator();
        full.put("co2Concentration", Quantity.of(97.5, "vol%"));
        assertThat(refusal(CalculationMethod.EU_MRR_CAT_CRACKER, full)).hasMessageContaining("no inert gas");
        Map<String, Quantity> wet = regenerator();
        wet.put("airFlow", Quantity.of(100_000, "Nm3/h wet"));
        assertThat(refusal(CalculationMethod.EU_MRR_CAT_CRACKER, wet).input()).isEqualTo("airFlow");
        Map<String, Quantity> noCo = regenerator();
        noCo.remove("coConcentration");
        assertThat(refusal(CalculationMethod.EU_MRR_CAT_CRACKER, noCo).input()).isEqualTo("coConcentration");
    }

    @Test
    void hydrogenProductionTier1AndTier2() {
        // Tier 1: 1,000 t feed × 2.9 t CO2/t = 2,900 t, the factor read from the Annex IV table
        CalculationResult tier1 = calculate(CalculationMethod.EU_MRR_HYDROGEN, Map.of("feedstock", Quantity.of(1_000, "t")));
        assertThat(tier1.massKg(Gas.CO2)).isCloseTo(2_900_000, within(1e-6));
        assertThat(tier1.step("emissionFactor").orElseThrow().source().tableId()).isEqualTo("EU_MRR_ANNEX_IV");
        // Tier 2: 1,000 t × 0.80 t C/t × 3.664 = 2,931.2 t
        CalculationResult tier2 = calculate(CalculationMethod.EU_MRR_HYDROGEN, Map.of("feedstock", Quantity.of(1_000_000, "kg"),
                "carbonContent", Quantity.of(80, "%")));
        assertThat(tier2.massKg(Gas.CO2)).isCloseTo(2_931_200, within(1e-6));
        // the feed is a mass (Annex IV: tonnes of hydrocarbon feed): a gas volume is refused, naming it
        assertThat(refusal(CalculationMethod.EU_MRR_HYDROGEN, Map.of("feedstock", Quantity.of(1_000, "Nm3"))).input())
                .isEqualTo("feedstock");
    }
}
