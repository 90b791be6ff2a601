package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hourly accounting of every method through the Calculator: one emission per gas, CO2e per the site's GWP set. */
class HourlyMethodsTest {

    /** The site with the Part 98 methods; the MRR and MEE methods are each at a site of their program. */
    private static final String SITE = """
            apiVersion: plumeline/v1
            site: {id: s, name: S, timezone: UTC, program: PROGRAM, gwp: AR5}
            servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
            units: [{id: h, name: Heater}]
            tags:
              - {id: fg_flow, unit: h, server: d, node: "nsu=urn:t;s=1", uom: Nm3/h}
              - {id: fg_hhv, unit: h, server: d, node: "nsu=urn:t;s=2", uom: MJ/Nm3}
              - {id: ng_flow, unit: h, server: d, node: "nsu=urn:t;s=3", uom: scf/h}
              - {id: stack_flow, unit: h, server: d, node: "nsu=urn:t;s=4", uom: scf/h}
              - {id: stack_co2, unit: h, server: d, node: "nsu=urn:t;s=5", uom: vol%}
              - {id: stack_h2o, unit: h, server: d, node: "nsu=urn:t;s=6", uom: "%"}
              - {id: flare_flow, unit: h, server: d, node: "nsu=urn:t;s=7", uom: Nm3/h}
              - {id: oil_flow, unit: h, server: d, node: "nsu=urn:t;s=8", uom: t/h}
              - {id: flue_flow, unit: h, server: d, node: "nsu=urn:t;s=9", uom: Nm3/h}
              - {id: flue_nox, unit: h, server: d, node: "nsu=urn:t;s=10", uom: mg/Nm3}
              - {id: flue_nox_ref, unit: h, server: d, node: "nsu=urn:t;s=11", uom: "mg/Nm3 dry 3.5%O2"}
              - {id: flue_o2, unit: h, server: d, node: "nsu=urn:t;s=12", uom: vol%}
            sources:
            """;
    private static final SiteModel MODEL = SiteModelLoader.parse(SITE.replace("PROGRAM", "EPA_PART98") + """
              - {id: c2a, unit: h, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                 inputs: {fuelQuantity: fg_flow, hhv: fg_hhv}}
              - {id: c1, unit: h, category: stationary_combustion, method: EPA_C1, fuel: natural_gas,
                 inputs: {fuelQuantity: ng_flow}}
              - {id: c5, unit: h, category: stationary_combustion, method: EPA_C5, fuel: fuel_gas,
                 inputs: {fuelQuantity: ng_flow, carbonContent: {value: 75, uom: "%"}, molecularWeight: {value: 18, uom: kg/kmol}}}
              - {id: c6, unit: h, category: stationary_combustion, method: EPA_C6,
                 inputs: {co2Concentration: stack_co2, stackFlow: stack_flow}}
              - {id: c6dry, unit: h, category: stationary_combustion, method: EPA_C6,
                 inputs: {co2Concentration: stack_co2, stackFlow: stack_flow, moisture: stack_h2o}}
              - {id: y2, unit: h, category: flare, method: EPA_Y2,
                 inputs: {flareGas: flare_flow, hhv: {value: 50, uom: MJ/Nm3}}}
              - {id: nox, unit: h, category: stationary_combustion, method: POLLUTANT_MASS,
                 inputs: {stackFlow: flue_flow, noxConcentration: flue_nox}}
            """, "test");
    private static final SiteModel EU = SiteModelLoader.parse(SITE.replace("PROGRAM", "EU_ETS") + """
              - {id: eu, unit: h, category: stationary_combustion, method: EU_MRR_STD, fuel: natural_gas,
                 inputs: {fuelQuantity: oil_flow}}
            """, "test-eu");
    private static final SiteModel CN = SiteModelLoader.parse(SITE.replace("PROGRAM", "CN_MEE") + """
              - {id: cn, unit: h, category: stationary_combustion, method: CN_MEE_COMBUSTION, fuel: natural_gas,
                 inputs: {fuelQuantity: fg_flow}}
              - {id: cn-nox, unit: h, category: stationary_combustion, method: POLLUTANT_MASS,
                 inputs: {stackFlow: flue_flow, noxConcentration: flue_nox_ref, o2: flue_o2}}
            """, "test-cn");
    private static final List<SiteModel> MODELS = List.of(MODEL, EU, CN);

    /** The site that has {@code source}. */
    private static SiteModel site(String source) {
        return MODELS.stream().filter(m -> m.source(source).isPresent()).findFirst().orElseThrow();
    }
    private static final Instant HOUR = Instant.parse("2026-11-26T04:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(5);

    /** One sample a minute; {@code minute → value}, NaN for a BAD reading. */
    static List<Sample> perMinute(IntToDoubleFunction value) {
        List<Sample> samples = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            double v = value.applyAsDouble(m);
            samples.add(new Sample(HOUR.plusSeconds(60L * m), Double.isNaN(v) ? null : v));
        }
        return samples;
    }

    private static List<Sample> constant(double value) {
        return perMinute(m -> value);
    }

    private static Map<String, HourlyEmission> compute(String source, Map<String, List<Sample>> samples) {
        return HourlyEmissions.compute(site(source), site(source).source(source).orElseThrow(), HOUR, samples, HOLD).stream()
                .collect(Collectors.toMap(HourlyEmission::gas, e -> e));
    }

    @Test
    void tier2GivesCo2Ch4AndN2oWithTheSiteGwpSet() {
        // 1,200 Nm3 × 38.5 MJ/Nm3 = 46,200 MJ = 43.78915 mmBtu; CO2 = × 59.00 = 2,583.56 kg;
        // CH4 = × 3.0e-3 = 0.131367 kg (CO2e × 28 = 3.67829); N2O = × 6.0e-4 = 0.0262735 kg (CO2e × 265 = 6.96247)
        Map<String, HourlyEmission> e = compute("c2a", Map.of("fuelQuantity", constant(1200), "hhv", constant(38.5)));
        double mmBtu = 46_200 / 1055.05585262;
        assertThat(e.get("CO2").massKg()).isCloseTo(mmBtu * 59.00, within(1e-9));
        assertThat(e.get("CH4").massKg()).isCloseTo(mmBtu * 3.0e-3, within(1e-12));
        assertThat(e.get("CH4").co2eKg()).isCloseTo(28 * mmBtu * 3.0e-3, within(1e-12));
        assertThat(e.get("N2O").co2eKg()).isCloseTo(265 * mmBtu * 6.0e-4, within(1e-12));
        assertThat(e.get("CH4").co2eKg()).isCloseTo(3.67829, within(0.00001));
        assertThat(e.get("N2O").lineageId()).isEqualTo(HourlyEmission.lineageId("s", "c2a", "N2O", HOUR));
        assertThat(e.values()).allSatisfy(x -> assertThat(x.availabilityPct()).isCloseTo(100, within(1e-9)));
    }

    @Test
    void theHourTotalsItsGreenhouseGasesAsCo2e() {
        // as above: 2,583.55991 + 3.67829 + 6.96248 = 2,594.20067 kg CO2e (43.78915 mmBtu × 59.243)
        Map<String, HourlyEmission> e = compute("c2a", Map.of("fuelQuantity", constant(1200), "hhv", constant(38.5)));
        assertThat(e).containsOnlyKeys("CO2", "CH4", "N2O", HourlyEmission.CO2E);
        HourlyEmission total = e.get(HourlyEmission.CO2E);
        assertThat(total.massKg()).isCloseTo(2594.20067, within(0.00001));
        assertThat(total.co2eKg()).isEqualTo(total.massKg());
        assertThat(total.co2eKg()).isCloseTo(e.get("CO2").co2eKg() + e.get("CH4").co2eKg() + e.get("N2O").co2eKg(),
                within(1e-9));
        assertThat(total.method()).isEqualTo("EPA_C2A");
        assertThat(total.lineageId()).isEqualTo(HourlyEmission.lineageId("s", "c2a", "CO2e", HOUR))
                .isNotEqualTo(e.get("CO2").lineageId());
    }

    @Test
    void theGasTagHoldsEveryGasAndTheCo2eTotal() {
        assertThat(HourlyEmission.GASES).containsExactly("CO2", "CH4", "N2O", "NOx", "SO2", "CO", "CO2e");
    }

    @Test
    void theHeatingValueIsWeightedByTheFuelFlowAsInEqC2b() {
        // 1,000 Nm3/h at 40 MJ/Nm3 for 30 min, then 2,000 Nm3/h at 30 MJ/Nm3: 20,000 + 30,000 = 50,000 MJ
        // (the unweighted mean HHV, 35 MJ/Nm3 × 1,500 Nm3, would give 52,500 MJ). Weighted HHV = 50,000 / 1,500.
        Map<String, List<Sample>> samples = Map.of("fuelQuantity", perMinute(m -> m < 30 ? 1000 : 2000),
                "hhv", perMinute(m -> m < 30 ? 40 : 30));
        HourlyEmissions.HourlyInputs inputs = HourlyEmissions.inputs(MODEL, MODEL.source("c2a").orElseThrow(), HOUR, samples, HOLD);
        assertThat(inputs.calculation().inputs().get("fuelQuantity").in("Nm3")).isCloseTo(1500, within(1e-9));
        assertThat(inputs.calculation().inputs().get("hhv").in("MJ/Nm3")).isCloseTo(50_000.0 / 1500, within(1e-9));
        assertThat(compute("c2a", samples).get("CO2").massKg()).isCloseTo(50_000 / 1055.05585262 * 59.00, within(1e-9));
    }

    @Test
    void tier1IntegratesAFlowInScf() {
        // 100,000 scf/h for the hour = 100,000 scf × 1.026e-3 = 102.6 mmBtu × 53.06 = 5,443.956 kg CO2
        Map<String, HourlyEmission> e = compute("c1", Map.of("fuelQuantity", constant(100_000)));
        assertThat(e.get("CO2").massKg()).isCloseTo(5_443.956, within(1e-6));
        assertThat(e.get("CH4").massKg()).isCloseTo(0.1026, within(1e-9));
    }

    @Test
    void tier3WithConstantComposition() {
        // 50,000 scf × 0.75 × 18 / 849.5 × 44/12 × 1e-3 = 2.9134785 t; CH4 by C-8 with the default HHV:
        // 50,000 × 1.388e-3 = 69.4 mmBtu × 3.0e-3 = 0.2082 kg
        Map<String, HourlyEmission> e = compute("c5", Map.of("fuelQuantity", constant(50_000)));
        assertThat(e.get("CO2").massKg()).isCloseTo(2_913.4785, within(0.0001));
        assertThat(e.get("CH4").massKg()).isCloseTo(0.2082, within(1e-9));
    }

    @Test
    void tier4CemsWithATwentyMinuteGapInTheAnalyser() {
        // 5.18e-7 × 10 % × 1,000,000 scfh = 5.18 t/h, for the 40 minutes the analyser was GOOD: 3,453.33 kg
        Map<String, HourlyEmission> e = compute("c6", Map.of("stackFlow", constant(1e6),
                "co2Concentration", perMinute(m -> m >= 20 && m < 40 ? Double.NaN : 10)));
        assertThat(e).containsOnlyKeys("CO2", HourlyEmission.CO2E);
        // EPA_PART98 §98.35(b)(2): the analyser's 20 minutes are filled with its last good value (10 %): 5.18 t for the hour
        assertThat(e.get("CO2").massKg()).isCloseTo(5_180.0, within(1e-6));
        assertThat(e.get("CO2").availabilityPct()).isCloseTo(66.667, within(0.001));
        // CO2 is the only greenhouse gas: the total is its mass, with the same availability
        assertThat(e.get(HourlyEmission.CO2E).massKg()).isEqualTo(e.get("CO2").massKg());
        assertThat(e.get(HourlyEmission.CO2E).availabilityPct()).isEqualTo(e.get("CO2").availabilityPct());
    }

    @Test
    void tier4WithADryAnalyserAndAMoistureTag() {
        // C-7: 12 % dry × (100 − 8) / 100 = 11.04 % wet; 5.18e-7 × 11.04 × 1,000,000 = 5.71872 t/h for 1 h
        Map<String, HourlyEmission> e = compute("c6dry", Map.of("stackFlow", constant(1e6),
                "co2Concentration", constant(12), "moisture", constant(8)));
        assertThat(e.get("CO2").massKg()).isCloseTo(5_718.72, within(1e-6));
    }

    @Test
    void flareByEqY2() {
        // 1,000 Nm3/h × 50 MJ/Nm3 = 50,000 MJ = 47.3909 mmBtu; 0.98 × 47.3909 × 60 = 2,786.58 kg
        Map<String, HourlyEmission> e = compute("y2", Map.of("flareGas", constant(1000)));
        assertThat(e.get("CO2").massKg()).isCloseTo(0.98 * 50_000 / 1055.05585262 * 60, within(1e-9));
        assertThat(e.get("CO2").massKg()).isCloseTo(2_786.58, within(0.01));
    }

    @Test
    void euStandardMethodWithAnnexViDefaults() {
        // 10 t/h for the hour = 0.01 Gg × 48.0 TJ/Gg = 0.48 TJ × 56.1 t/TJ = 26.928 t
        assertThat(compute("eu", Map.of("fuelQuantity", constant(10))).get("CO2").massKg()).isCloseTo(26_928, within(1e-6));
    }

    @Test
    void chinaMeeWithGuidelineDefaults() {
        // 10,000 Nm3 × 38.931 MJ/Nm3 = 0.38931 TJ × 15.3 tC/TJ × 0.99 × 44/12 = 21.621888 t
        assertThat(compute("cn", Map.of("fuelQuantity", constant(10_000))).get("CO2").massKg())
                .isCloseTo(21_621.888, within(0.001));
    }

    @Test
    void pollutantMassFromAnAnalyserAndTheFlueGasFlow() {
        // 150 mg/Nm3 × 50,000 Nm3/h × 1e-6 = 7.5 kg NOx; no CO2e, and no CO2e total: a pollutant has no GWP
        Map<String, HourlyEmission> e = compute("nox", Map.of("stackFlow", constant(50_000), "noxConcentration", constant(150)));
        assertThat(e).containsOnlyKeys("NOx");
        assertThat(e.get("NOx").massKg()).isCloseTo(7.5, within(1e-9));
        assertThat(e.get("NOx").co2eKg()).isZero();
    }

    @Test
    void anO2ReferencedConcentrationAtAChinaSiteIsCorrectedWithTheAirO2OfHj75() {
        // HJ 75-2017 折算 with 21 % for air: 100 mg/Nm3 at 3.5 % O2 is 100 × (21 − 6)/(21 − 3.5) = 85.714286 mg/Nm3 at the
        // 6 vol% measured; × 10,000 Nm3/h × 1 h × 1e-6 = 0.857143 kg NOx (Part 60's 20.9 would give 0.856322 kg)
        Map<String, HourlyEmission> e = compute("cn-nox", Map.of("stackFlow", constant(10_000),
                "noxConcentration", constant(100), "o2", constant(6)));
        assertThat(e.get("NOx").massKg()).isCloseTo(0.857143, within(1e-6));
    }

    @Test
    void aNegativeFlowCountsAsNoFlowAndANegativeHeatingValueAsAGap() {
        // flow −3 Nm3/h (meter noise) for 10 minutes: 1,000 Nm3/h × 50/60 h × 40 MJ/Nm3 = 33,333.3 MJ, all covered
        Map<String, HourlyEmission> noise = compute("c2a", Map.of("fuelQuantity", perMinute(m -> m < 10 ? -3 : 1000),
                "hhv", constant(40)));
        assertThat(noise.get("CO2").massKg()).isCloseTo(1000 * 50.0 / 60 * 40 / 1055.05585262 * 59.00, within(1e-9));
        assertThat(noise.get("CO2").availabilityPct()).isCloseTo(100, within(1e-9));
        Map<String, HourlyEmission> gap = compute("c2a", Map.of("fuelQuantity", constant(1000),
                "hhv", perMinute(m -> m < 10 ? -40 : 40)));
        assertThat(gap.get("CO2").availabilityPct()).isCloseTo(100.0 * 50 / 60, within(1e-9));
    }

    @Test
    void anHourWithoutDataIsZeroWithZeroAvailability() {
        Map<String, HourlyEmission> e = compute("c6", Map.of());
        assertThat(e.get("CO2").massKg()).isZero();
        assertThat(e.get("CO2").availabilityPct()).isZero();
    }

    @Test
    void doublingTheRateDoublesEveryGas() {
        Random r = new Random(7);
        for (String source : List.of("c2a", "c6dry", "y2", "nox")) {
            List<Sample> rate = perMinute(m -> 500 + 1000 * r.nextDouble());
            List<Sample> twice = rate.stream().map(s -> new Sample(s.ts(), 2 * s.value())).toList();
            Map<String, List<Sample>> other = Map.of("hhv", perMinute(m -> 30 + 10 * r.nextDouble()),
                    "co2Concentration", perMinute(m -> 8 + 4 * r.nextDouble()), "moisture", perMinute(m -> 10 * r.nextDouble()),
                    "noxConcentration", perMinute(m -> 200 * r.nextDouble()));
            String rateInput = site(source).source(source).orElseThrow().inputs().keySet().stream()
                    .filter(n -> List.of("fuelQuantity", "stackFlow", "flareGas").contains(n)).findFirst().orElseThrow();
            Map<String, List<Sample>> once = new java.util.HashMap<>(other);
            once.put(rateInput, rate);
            Map<String, List<Sample>> doubled = new java.util.HashMap<>(other);
            doubled.put(rateInput, twice);
            Map<String, HourlyEmission> a = compute(source, once);
            Map<String, HourlyEmission> b = compute(source, doubled);
            a.forEach((gas, e) -> assertThat(b.get(gas).massKg()).as(source + " " + gas)
                    .isCloseTo(2 * e.massKg(), within(1e-9 * e.massKg())));
        }
    }

    @Test
    void accountsEveryMethodButTheMassBalance() {
        for (SiteModel model : MODELS) {
            assertThat(model.sources()).allSatisfy(s -> assertThat(HourlyEmissions.accounts(s)).as(s.id()).isTrue());
            HourlyEmissions.check(model, Calculator.withDefaults());
        }
    }

    @Test
    void theStartCheckNamesASourceThatCannotBeComputed() {
        SiteModel coal = SiteModelLoader.parse("""
                apiVersion: plumeline/v1
                site: {id: s, name: S, timezone: UTC, program: EU_ETS, gwp: AR5}
                servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
                units: [{id: h, name: Boiler}]
                tags: [{id: coal_flow, unit: h, server: d, node: "nsu=urn:t;s=1", uom: t/h}]
                sources:
                  - {id: boiler, unit: h, category: stationary_combustion, method: EU_MRR_STD, fuel: coal,
                     inputs: {fuelQuantity: coal_flow}}
                """, "test");
        assertThatThrownBy(() -> HourlyEmissions.check(coal, Calculator.withDefaults()))
                .hasMessageContaining("source 'boiler'").hasMessageContaining("no fuel 'coal'");
    }
}
