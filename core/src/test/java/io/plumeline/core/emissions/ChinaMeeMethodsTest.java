package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.units.Quantity;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The methods of China's petrochemical guideline (2014) beyond combustion: flares, process emissions, CO2
 * recovered and purchased electricity and heat, each worked out by hand in its comment. Masses in kg unless said.
 */
class ChinaMeeMethodsTest {

    private static final Calculator CALCULATOR = Calculator.withDefaults();

    private static CalculationResult calculate(CalculationMethod method, String fuel, Map<String, Quantity> inputs) {
        return CALCULATOR.calculate(Calculation.of(method, fuel, "AR5", inputs));
    }

    private static CalculationException refusal(CalculationMethod method, String fuel, Map<String, Quantity> inputs) {
        return catchThrowableOfType(CalculationException.class, () -> calculate(method, fuel, inputs));
    }

    private static Offset<Double> rel(double expected) {
        return within(Math.abs(expected) * 1e-9);
    }

    @Test
    void flareWithTheCarbonOfTheNonCo2Gases() {
        // 10 × 10⁴ Nm³ × (5.357 t C/10⁴ Nm³ × 0.98 (default OF) × 44/12 + 0.02 × 19.7)
        // = 10 × (5.24986 × 3.666667 + 0.394) = 10 × (19.249487 + 0.394) = 196.434867 t CO2
        CalculationResult r = calculate(CalculationMethod.CN_MEE_FLARE, null, Map.of(
                "flareGas", Quantity.of(100_000, "Nm3"), "carbonContentNonCo2", Quantity.of(5.357, "tC/10^4Nm3"),
                "co2VolumeFraction", Quantity.of(2, "vol%")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(196_434.867, within(0.001));
        assertThat(r.step("flareGas").orElseThrow().value()).isCloseTo(10.0, within(1e-12));
        CalculationStep of = r.step("oxidationFactor").orElseThrow();
        assertThat(of.value()).isEqualTo(98.0);
        assertThat(of.source().tableId()).isEqualTo("CN_MEE_PETROCHEMICAL");
        assertThat(of.source().note()).contains("flare");
        assertThat(r.results()).hasSize(1);
    }

    @Test
    void flareCarbonFromTheComposition() {
        // CC = 12 × (1 × 0.60 + 2 × 0.10 + 3 × 0.05) / 22.4 × 10 = 12 × 0.95 / 22.4 × 10 = 5.089286 t C/10⁴ Nm³;
        // E = 10 × (5.089286 × 0.98 × 44/12 + 0.02 × 19.7) = 10 × (18.287500 + 0.394) = 186.815 t
        CalculationResult r = calculate(CalculationMethod.CN_MEE_FLARE, null, Map.of(
                "flareGas", Quantity.of(10, "10^4Nm3"), "co2VolumeFraction", Quantity.of(2, "vol%"),
                "ch4VolumeFraction", Quantity.of(60, "vol%"), "c2h6VolumeFraction", Quantity.of(10, "vol%"),
                "c3h8VolumeFraction", Quantity.of(5, "vol%")));
        assertThat(r.step("carbonContentNonCo2").orElseThrow().value()).isCloseTo(5.089286, within(1e-6));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(186_815, within(0.001));
    }

    @Test
    void flareRefusesBothRoutesAndNeither() {
        Map<String, Quantity> base = Map.of("flareGas", Quantity.of(10, "10^4Nm3"), "co2VolumeFraction", Quantity.of(2, "vol%"));
        assertThat(refusal(CalculationMethod.CN_MEE_FLARE, null, base).input()).isEqualTo("carbonContentNonCo2");
        CalculationException both = refusal(CalculationMethod.CN_MEE_FLARE, null, Map.of("flareGas", Quantity.of(10, "10^4Nm3"),
                "co2VolumeFraction", Quantity.of(2, "vol%"), "carbonContentNonCo2", Quantity.of(5, "tC/10^4Nm3"),
                "ch4VolumeFraction", Quantity.of(90, "vol%")));
        assertThat(both).hasMessageContaining("give one of");
        assertThat(refusal(CalculationMethod.CN_MEE_FLARE, null, Map.of("flareGas", Quantity.of(10, "10^4Nm3"),
                "co2VolumeFraction", Quantity.of(20, "vol%"), "ch4VolumeFraction", Quantity.of(90, "vol%"))))
                .hasMessageContaining("above 100 %");
    }

    @Test
    void accidentFlaringByTheMeanCarbonNumber() {
        // GF × T = 2 × 10⁴ Nm³/h × 3 h = 6 × 10⁴ Nm³; CN = 3.2: E = 6 × 3.2 × 44/22.4 × 10 × 0.98
        // = 6 × 3.2 × 19.642857 × 0.98 = 369.6 t (the same as CC = 12 × 3.2 / 22.4 × 10 = 17.142857 t C/10⁴ Nm³ × 0.98 × 44/12 × 6)
        CalculationResult r = calculate(CalculationMethod.CN_MEE_FLARE, null, Map.of(
                "flareGas", Quantity.of(60_000, "Nm3"), "averageCarbonNumber", Quantity.of(3.2, "1")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(369_600, within(1e-6));
        assertThat(r.step("carbonContentNonCo2").orElseThrow().value()).isCloseTo(17.142857, within(1e-6));
        assertThat(r.step("CO2").orElseThrow().formula()).startsWith("accident flaring");
        // the CO2 term is not part of the accident form; two carbon routes at once are refused
        assertThat(refusal(CalculationMethod.CN_MEE_FLARE, null, Map.of("flareGas", Quantity.of(6, "10^4Nm3"),
                "averageCarbonNumber", Quantity.of(3.2, "1"), "co2VolumeFraction", Quantity.of(2, "vol%"))).input())
                .isEqualTo("co2VolumeFraction");
        assertThat(refusal(CalculationMethod.CN_MEE_FLARE, null, Map.of("flareGas", Quantity.of(6, "10^4Nm3"),
                "averageCarbonNumber", Quantity.of(3.2, "1"), "ch4VolumeFraction", Quantity.of(90, "vol%"))))
                .hasMessageContaining("give one of");
    }

    @Test
    void catalyticCrackingCokeBurning() {
        // 50 t × 0.90 × 0.98 × 44/12 = 44.1 × 3.666667 = 161.7 t
        CalculationResult r = calculate(CalculationMethod.CN_MEE_FCC_COKE, null, Map.of(
                "cokeBurned", Quantity.of(50, "t"), "carbonFraction", Quantity.of(90, "%"), "oxidationFactor", Quantity.of(98, "%")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(161_700, within(1e-6));
        // not measured, CF and OF are the guideline's defaults 100 % and 98 %: 50 × 1.00 × 0.98 × 44/12 = 179.666667 t
        CalculationResult defaults = calculate(CalculationMethod.CN_MEE_FCC_COKE, null, Map.of("cokeBurned", Quantity.of(50, "t")));
        assertThat(defaults.massKg(Gas.CO2)).isCloseTo(179_666.6667, within(0.0001));
        assertThat(defaults.step("carbonFraction").orElseThrow().source().tableId()).isEqualTo("CN_MEE_PETROCHEMICAL");
        assertThat(refusal(CalculationMethod.CN_MEE_FCC_COKE, null, Map.of("cokeBurned", Quantity.of(50, "Nm3"))).input())
                .isEqualTo("cokeBurned");
    }

    @Test
    void reformerRegenerationContinuousAndBatch() {
        // continuous, as catalytic cracking: 2 t coke × 0.95 × 0.98 (default OF) × 44/12 = 6.827333 t
        CalculationResult continuous = calculate(CalculationMethod.CN_MEE_REFORMER_COKE, null, Map.of("cokeBurned", Quantity.of(2, "t"),
                "carbonFraction", Quantity.of(0.95, "kg/kg")));
        assertThat(continuous.massKg(Gas.CO2)).isCloseTo(6_827.3333, within(0.0001));
        assertThat(continuous.step("CO2").orElseThrow().formula()).startsWith("continuous regeneration");
        // batch: 100 t × (1 − 0.06) × (0.06/0.94 − 0.002/0.998) = 94 × (0.0638298 − 0.0020040) = 5.811623 t C;
        // × 44/12 = 21.309285 t (the plain difference 100 × (0.06 − 0.002) = 5.8 t C would ignore the coke's own mass)
        CalculationResult batch = calculate(CalculationMethod.CN_MEE_REFORMER_COKE, null, Map.of("catalyst", Quantity.of(100, "t"),
                "carbonBefore", Quantity.of(6, "%"), "carbonAfter", Quantity.of(0.2, "%")));
        assertThat(batch.step("carbon burnt off").orElseThrow().value()).isCloseTo(5.811623, within(1e-6));
        assertThat(batch.massKg(Gas.CO2)).isCloseTo(21_309.2852, within(0.0001));
        assertThat(batch.step("CO2").orElseThrow().formula()).startsWith("batch regeneration");
        assertThat(refusal(CalculationMethod.CN_MEE_REFORMER_COKE, null, Map.of("catalyst", Quantity.of(100, "t"),
                "carbonBefore", Quantity.of(0.2, "%"), "carbonAfter", Quantity.of(6, "%"))).input()).isEqualTo("carbonAfter");
        assertThat(refusal(CalculationMethod.CN_MEE_REFORMER_COKE, null, Map.of("cokeBurned", Quantity.of(2, "t"),
                "carbonFraction", Quantity.of(0.95, "kg/kg"), "catalyst", Quantity.of(100, "t"))).input()).isEqualTo("cokeBurned");
        assertThat(refusal(CalculationMethod.CN_MEE_REFORMER_COKE, null, Map.of()).input()).isEqualTo("catalyst");
    }

    @Test
    void hydrogenProductionCarbonBalance() {
        // [1,000 t × 0.75 − (10 × 10⁴ Nm³ × 2 t C/10⁴ Nm³ + 5 t × 0.80)] × 44/12 = (750 − 24) × 3.666667 = 2,662 t
        CalculationResult r = calculate(CalculationMethod.CN_MEE_HYDROGEN, null, Map.of(
                "feedstock", Quantity.of(1_000, "t"), "feedstockCarbon", Quantity.of(0.75, "kg/kg"),
                "syngas", Quantity.of(100_000, "Nm3"), "syngasCarbon", Quantity.of(2, "tC/10^4Nm3"),
                "residue", Quantity.of(5, "t"), "residueCarbon", Quantity.of(80, "%")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(2_662_000, within(1e-6));
        // a gas feedstock: 100 × 10⁴ Nm³ of natural gas × 5.357 t C/10⁴ Nm³ × 44/12 = 1,964.233 t
        assertThat(calculate(CalculationMethod.CN_MEE_HYDROGEN, null, Map.of("feedstock", Quantity.of(100, "10^4Nm3"),
                "feedstockCarbon", Quantity.of(5.357, "tC/10^4Nm3"))).massKg(Gas.CO2)).isCloseTo(1_964_233.333, within(0.001));
    }

    @Test
    void hydrogenProductionRefusesAHalfPairAMismatchAndMoreCarbonOut() {
        assertThat(refusal(CalculationMethod.CN_MEE_HYDROGEN, null, Map.of("feedstock", Quantity.of(1_000, "t"),
                "feedstockCarbon", Quantity.of(0.75, "kg/kg"), "syngas", Quantity.of(10, "10^4Nm3"))).input()).isEqualTo("syngasCarbon");
        // a gas volume with a carbon mass fraction cannot be taken: it names the content
        assertThat(refusal(CalculationMethod.CN_MEE_HYDROGEN, null, Map.of("feedstock", Quantity.of(100, "10^4Nm3"),
                "feedstockCarbon", Quantity.of(0.75, "kg/kg"))).input()).isEqualTo("feedstockCarbon");
        // a mass with a carbon per gas volume: it names the amount
        assertThat(refusal(CalculationMethod.CN_MEE_HYDROGEN, null, Map.of("feedstock", Quantity.of(100, "t"),
                "feedstockCarbon", Quantity.of(5, "tC/10^4Nm3"))).input()).isEqualTo("feedstock");
        assertThat(refusal(CalculationMethod.CN_MEE_HYDROGEN, null, Map.of("feedstock", Quantity.of(10, "t"),
                "feedstockCarbon", Quantity.of(0.75, "kg/kg"), "residue", Quantity.of(10, "t"),
                "residueCarbon", Quantity.of(0.9, "kg/kg"))).input()).isEqualTo("syngas");
    }

    @Test
    void ethyleneCrackingFurnaceDecoking() {
        // 0.5 × 10⁴ Nm³/h × 10 h × (0.08 + 0.01) × 19.7 = 5 × 0.09 × 19.7 = 8.865 t
        CalculationResult r = calculate(CalculationMethod.CN_MEE_ETHYLENE_DECOKING, null, Map.of(
                "decokingGasFlow", Quantity.of(5_000, "Nm3/h"), "duration", Quantity.of(10, "h"),
                "co2Concentration", Quantity.of(8, "vol%"), "coConcentration", Quantity.of(1, "vol%")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(8_865, within(1e-6));
    }

    @Test
    void co2RecoveredIsADeduction() {
        // R = 20 × 10⁴ Nm³ × 0.99 × 19.77 = 391.446 t, counted as −391.446 t
        CalculationResult r = calculate(CalculationMethod.CN_MEE_CO2_RECOVERY, null, Map.of(
                "recoveredGas", Quantity.of(20, "10^4Nm3"), "purity", Quantity.of(99, "vol%")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(-391_446, rel(391_446));
        assertThat(r.co2eKg()).isCloseTo(-391_446, rel(391_446));
        assertThat(r.accounting()).isEqualTo(Accounting.DEDUCTION);
    }

    @Test
    void netPurchasedElectricityWithTheYearsGridFactor() {
        // (10,000 − 1,000) MWh × 0.5366 t CO2/MWh (national grid, 2022) = 4,829.4 t, indirect
        CalculationResult r = calculate(CalculationMethod.CN_MEE_ELECTRICITY, "national_grid_2022", Map.of(
                "electricity", Quantity.of(10_000, "MWh"), "electricityExported", Quantity.of(1_000_000, "kWh")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(4_829_400, within(1e-6));
        assertThat(r.accounting()).isEqualTo(Accounting.INDIRECT);
        assertThat(r.step("gridEmissionFactor").orElseThrow().formula()).contains("CN_MEE_GRID_ELECTRICITY");
        // a regional grid's row: 100 MWh × 0.6776 t/MWh (North China grid, 2022) = 67.76 t
        assertThat(calculate(CalculationMethod.CN_MEE_ELECTRICITY, "north_china_grid_2022", Map.of("electricity",
                Quantity.of(100, "MWh"))).massKg(Gas.CO2)).isCloseTo(67_760, within(1e-6));
        // a factor of its own (the one the MEE notice names): 100 MWh × 0.5703 t/MWh = 57.03 t
        assertThat(calculate(CalculationMethod.CN_MEE_ELECTRICITY, null, Map.of("electricity", Quantity.of(100, "MWh"),
                "gridEmissionFactor", Quantity.of(0.5703, "tCO2/MWh"))).massKg(Gas.CO2)).isCloseTo(57_030, within(1e-6));
        // neither: the documented default, the 2023 national average: 100 MWh × 0.5306 = 53.06 t
        CalculationResult byDefault = calculate(CalculationMethod.CN_MEE_ELECTRICITY, null, Map.of("electricity", Quantity.of(100, "MWh")));
        assertThat(byDefault.massKg(Gas.CO2)).isCloseTo(53_060, within(1e-6));
        assertThat(byDefault.step("gridEmissionFactor").orElseThrow().formula()).contains(ChinaMee.DEFAULT_GRID);
        // a grid the table does not have is refused, naming the fuel and listing the rows
        CalculationException e = refusal(CalculationMethod.CN_MEE_ELECTRICITY, "national_grid_1999",
                Map.of("electricity", Quantity.of(1, "MWh")));
        assertThat(e.input()).isEqualTo("fuel");
        assertThat(e).hasMessageContaining("national_grid_2023");
        // electricity as a gas volume is refused, naming it
        assertThat(refusal(CalculationMethod.CN_MEE_ELECTRICITY, null, Map.of("electricity", Quantity.of(1, "Nm3"))).input())
                .isEqualTo("electricity");
    }

    @Test
    void netPurchasedHeatWithTheGuidelinesFactor() {
        // 5,000 GJ × 0.11 t CO2/GJ = 550 t; a net export (1,000 − 3,000 GJ) is −220 t
        CalculationResult r = calculate(CalculationMethod.CN_MEE_HEAT, null, Map.of("heat", Quantity.of(5_000, "GJ")));
        assertThat(r.massKg(Gas.CO2)).isCloseTo(550_000, within(1e-6));
        assertThat(r.accounting()).isEqualTo(Accounting.INDIRECT);
        assertThat(calculate(CalculationMethod.CN_MEE_HEAT, null, Map.of("heat", Quantity.of(1_000, "GJ"),
                "heatExported", Quantity.of(3_000, "GJ"))).massKg(Gas.CO2)).isCloseTo(-220_000, within(1e-6));
    }
}
