package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.core.site.SiteModelLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The refinery methods of China's MEE guideline and of MRR Annex IV in the hourly accounting and in a site model:
 * a second quantity of a method (syngas, exported electricity) is integrated over the hour like the first, and a
 * site model that feeds an input in a unit its method cannot use is refused at load, naming the input.
 */
class RefineryHourlyAccountingTest {

    private static final String HEADER = """
            apiVersion: plumeline/v1
            site: {id: s, name: S, timezone: Asia/Shanghai, program: PROGRAM, gwp: AR5}
            servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
            units: [{id: u, name: Unit}]
            tags:
              - {id: feed, unit: u, server: d, node: "nsu=urn:t;s=1", uom: t/h}
              - {id: syngas, unit: u, server: d, node: "nsu=urn:t;s=2", uom: Nm3/h}
              - {id: flare, unit: u, server: d, node: "nsu=urn:t;s=3", uom: Nm3/h}
              - {id: air, unit: u, server: d, node: "nsu=urn:t;s=4", uom: Nm3/h}
              - {id: o2, unit: u, server: d, node: "nsu=urn:t;s=5", uom: vol%}
              - {id: co2, unit: u, server: d, node: "nsu=urn:t;s=6", uom: vol%}
              - {id: co, unit: u, server: d, node: "nsu=urn:t;s=7", uom: vol%}
              - {id: recovered, unit: u, server: d, node: "nsu=urn:t;s=8", uom: Nm3/h}
            sources:
            """;
    private static final SiteModel CN = SiteModelLoader.parse(HEADER.replace("PROGRAM", "CN_MEE") + """
              - {id: h2, unit: u, category: process, method: CN_MEE_HYDROGEN,
                 inputs: {feedstock: feed, feedstockCarbon: {value: 0.75, uom: kg/kg}, syngas: syngas,
                          syngasCarbon: {value: 2, uom: tC/10^4Nm3}}}
              - {id: flare, unit: u, category: flare, method: CN_MEE_FLARE,
                 inputs: {flareGas: flare, co2VolumeFraction: {value: 2, uom: vol%}, ch4VolumeFraction: {value: 60, uom: vol%},
                          c2h6VolumeFraction: {value: 10, uom: vol%}, c3h8VolumeFraction: {value: 5, uom: vol%}}}
              - {id: recovery, unit: u, category: process, method: CN_MEE_CO2_RECOVERY,
                 inputs: {recoveredGas: recovered, purity: {value: 99, uom: vol%}}}
            """, "test-cn");
    private static final SiteModel EU = SiteModelLoader.parse(HEADER.replace("PROGRAM", "EU_ETS") + """
              - {id: regenerator, unit: u, category: process, method: EU_MRR_CAT_CRACKER,
                 inputs: {airFlow: air, o2Out: o2, co2Concentration: co2, coConcentration: co}}
            """, "test-eu");
    private static final Instant HOUR = Instant.parse("2026-11-26T04:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(5);

    private static List<Sample> steady(double value) {
        List<Sample> samples = new ArrayList<>();
        for (int m = 0; m < 60; m++) samples.add(new Sample(HOUR.plusSeconds(60L * m), value));
        return samples;
    }

    private static Map<String, HourlyEmission> hour(SiteModel model, String source, Map<String, List<Sample>> samples) {
        return HourlyEmissions.compute(model, model.source(source).orElseThrow(), HOUR, samples, HOLD).stream()
                .collect(Collectors.toMap(HourlyEmission::gas, e -> e));
    }

    @Test
    void everyRefineryMethodIsAccountedHourly() {
        for (SiteModel model : List.of(CN, EU)) {
            assertThat(model.sources()).allSatisfy(s -> assertThat(HourlyEmissions.accounts(s)).as(s.id()).isTrue());
            HourlyEmissions.check(model, Calculator.withDefaults());
        }
    }

    @Test
    void hydrogenIntegratesTheSyngasOverTheHourLikeTheFeed() {
        // 10 t/h feed and 5,000 Nm³/h syngas for the hour: [10 t × 0.75 − 0.5 × 10⁴ Nm³ × 2 t C/10⁴ Nm³] × 44/12
        // = (7.5 − 1.0) × 3.666667 = 23.833333 t CO2
        Map<String, HourlyEmission> e = hour(CN, "h2", Map.of("feedstock", steady(10), "syngas", steady(5_000)));
        assertThat(e.get("CO2").massKg()).isCloseTo(23_833.333, within(0.001));
        assertThat(e.get("CO2").availabilityPct()).isCloseTo(100, within(1e-9));
    }

    @Test
    void flareAndRecoveryHours() {
        // 100,000 Nm³/h flare gas of the composition of ChinaMeeMethodsTest: 10 × 10⁴ Nm³ → 186.815 t
        assertThat(hour(CN, "flare", Map.of("flareGas", steady(100_000))).get("CO2").massKg()).isCloseTo(186_815, within(0.001));
        // 200,000 Nm³/h recovered at 99 %: 20 × 10⁴ Nm³ × 0.99 × 19.77 = 391.446 t, a negative row
        assertThat(hour(CN, "recovery", Map.of("recoveredGas", steady(200_000))).get("CO2").massKg()).isCloseTo(-391_446, within(0.001));
    }

    @Test
    void regeneratorHourFromTheAirAndFlueGasTags() {
        // the regenerator of EuMrrRefineryMethodsTest held for the hour: 30.285596 t CO2
        Map<String, HourlyEmission> e = hour(EU, "regenerator", Map.of("airFlow", steady(100_000), "o2Out", steady(2),
                "co2Concentration", steady(15), "coConcentration", steady(1)));
        assertThat(e.get("CO2").massKg()).isCloseTo(30_285.596, within(0.001));
    }

    @Test
    void theChinaExampleSiteIsAccountedHourly() {
        SiteModel model = SiteModelLoader.load(java.nio.file.Path.of("../examples/sites/china-refinery.yaml"));
        assertThat(model.sources()).allSatisfy(s -> assertThat(HourlyEmissions.accounts(s)).as(s.id()).isTrue());
        HourlyEmissions.check(model, Calculator.withDefaults());
        // regenerator at 5 t/h of coke: 5 × 1.00 × 0.98 × 44/12 = 17.966667 t
        assertThat(hour(model, "fcc-1.regenerator", Map.of("cokeBurned", steady(5))).get("CO2").massKg())
                .isCloseTo(17_966.667, within(0.001));
        // 18 MWh in the hour on the East China grid (2023, 0.5500 t/MWh) = 9.9 t; 40 GJ of steam × 0.11 = 4.4 t
        assertThat(hour(model, "utilities.electricity", Map.of()).get("CO2").massKg()).isCloseTo(9_900, within(1e-6));
        assertThat(hour(model, "utilities.steam", Map.of()).get("CO2").massKg()).isCloseTo(4_400, within(1e-6));
    }

    @Test
    void anElectricityMeterInMegawattsIsIntegratedOverTheHour() {
        // 18 MW all hour = 18 MWh; × 0.5306 t/MWh (2023 national grid, the method's default) = 9.5508 t CO2. The
        // same meter in kW: 18,000 kW.
        String power = HEADER.replace("PROGRAM", "CN_MEE").replace("sources:\n", """
                  - {id: meter_mw, unit: u, server: d, node: "nsu=urn:t;s=9", uom: MW}
                  - {id: meter_kw, unit: u, server: d, node: "nsu=urn:t;s=10", uom: kW}
                sources:
                  - {id: grid_mw, unit: u, category: process, method: CN_MEE_ELECTRICITY, inputs: {electricity: meter_mw}}
                  - {id: grid_kw, unit: u, category: process, method: CN_MEE_ELECTRICITY, inputs: {electricity: meter_kw}}
                """);
        SiteModel model = SiteModelLoader.parse(power, "power");
        assertThat(hour(model, "grid_mw", Map.of("electricity", steady(18))).get("CO2").massKg()).isCloseTo(9_550.8, within(1e-6));
        assertThat(hour(model, "grid_kw", Map.of("electricity", steady(18_000))).get("CO2").massKg()).isCloseTo(9_550.8, within(1e-6));
    }

    @Test
    void aFlareCompositionWhoseMaximaSumAbove100PercentIsRefused() {
        // a silent GC is filled at each component's valid.max: 60 + 30 + 20 = 110 vol% is no gas
        String flare = HEADER.replace("PROGRAM", "CN_MEE").replace("sources:\n", """
                  - {id: gc_ch4, unit: u, server: d, node: "nsu=urn:t;s=11", uom: vol%, valid: {min: 0, max: 60}}
                  - {id: gc_c2h6, unit: u, server: d, node: "nsu=urn:t;s=12", uom: vol%, valid: {min: 0, max: 30}}
                  - {id: gc_c3h8, unit: u, server: d, node: "nsu=urn:t;s=13", uom: vol%, valid: {min: 0, max: 20}}
                sources:
                  - {id: flare, unit: u, category: flare, method: CN_MEE_FLARE,
                     inputs: {flareGas: flare, ch4VolumeFraction: gc_ch4, c2h6VolumeFraction: gc_c2h6, c3h8VolumeFraction: gc_c3h8}}
                """);
        assertThatThrownBy(() -> SiteModelLoader.parse(flare, "flare")).isInstanceOf(SiteModelException.class)
                .hasMessageContaining("sources[0].inputs: the valid maxima of the composition tags sum to 110.0 vol%");
        SiteModelLoader.parse(flare.replace("max: 20}", "max: 10}"), "flare");
    }

    @Test
    void aSiteModelFeedingAnInputInAUnitItsMethodCannotUseIsRefusedNamingIt() {
        String flareInTonnes = HEADER.replace("PROGRAM", "CN_MEE") + """
                  - {id: flare, unit: u, category: flare, method: CN_MEE_FLARE,
                     inputs: {flareGas: feed, averageCarbonNumber: {value: 3, uom: "1"}}}
                  - {id: power, unit: u, category: process, method: CN_MEE_ELECTRICITY,
                     inputs: {electricity: {value: 100, uom: MWh}, gridEmissionFactor: {value: 0.5, uom: kg/kg}}}
                """;
        assertThatThrownBy(() -> SiteModelLoader.parse(flareInTonnes, "bad-cn")).isInstanceOf(SiteModelException.class)
                .hasMessageContaining("sources[0].inputs.flareGas").hasMessageContaining("CN_MEE_FLARE cannot use 't/h'")
                .hasMessageContaining("sources[1].inputs.gridEmissionFactor");
        String regeneratorWithoutCo = HEADER.replace("PROGRAM", "EU_ETS") + """
                  - {id: regenerator, unit: u, category: process, method: EU_MRR_CAT_CRACKER,
                     inputs: {airFlow: air, o2Out: o2, co2Concentration: feed}}
                """;
        assertThatThrownBy(() -> SiteModelLoader.parse(regeneratorWithoutCo, "bad-eu")).isInstanceOf(SiteModelException.class)
                .hasMessageContaining("EU_MRR_CAT_CRACKER needs input 'coConcentration'")
                .hasMessageContaining("sources[0].inputs.co2Concentration");
    }
}
