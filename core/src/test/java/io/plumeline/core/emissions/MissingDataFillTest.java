package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Each input filled under its program's rule before the hour is integrated (docs/calculations.md, "Missing data"). */
class MissingDataFillTest {

    private static final String TAGS = """
            servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
            units: [{id: h, name: Heater}]
            tags:
              - {id: flow, unit: h, server: d, node: "nsu=urn:t;s=1", uom: Nm3/h}
              - {id: flow_b, unit: h, server: d, node: "nsu=urn:t;s=2", uom: Nm3/h}
              - {id: hhv, unit: h, server: d, node: "nsu=urn:t;s=3", uom: MJ/Nm3 HHV}
              - {id: flare, unit: h, server: d, node: "nsu=urn:t;s=4", uom: Nm3/h, valid: {min: 0, max: 2000}}
            """;
    private static final SiteModel PART98 = SiteModelLoader.parse("""
            apiVersion: plumeline/v1
            site: {id: s, name: S, timezone: UTC, program: EPA_PART98, gwp: AR5}
            """ + TAGS + """
            sources:
              - {id: stack, unit: h, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                 inputs: {fuelQuantity: flow, hhv: hhv}, missingData: {fuelQuantity: {backup: flow_b}}}
              - {id: flare, unit: h, category: flare, method: EPA_Y2, inputs: {flareGas: flare, hhv: {value: 50, uom: MJ/Nm3 HHV}}}
            """, "test");
    private static final Instant HOUR = Instant.parse("2026-11-26T04:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(5);
    private static final double MJ_PER_MMBTU = 1055.05585262;

    /** One sample a minute from 04:00 (the same hour as here), NaN for a BAD reading. */
    private static List<Sample> perMinute(IntToDoubleFunction value) {
        return HourlyMethodsTest.perMinute(value);
    }

    private static SourceHourAccount account(SiteModel model, String source, Map<String, List<Sample>> samples,
                                             MissingDataContext context) {
        return SourceHourAccount.of(model, model.source(source).orElseThrow(), HOUR, samples, HOLD, context,
                HourlyEmissions.DEFAULT_CALCULATOR);
    }

    @Test
    void aTwentyMinuteHhvGapKeepsAllFuelAndTakesTheMeanOfBeforeAndAfter() {
        // fuel 1,200 Nm3/h all hour; HHV 38 until :20, BAD :20–:40, 40 from :40. §98.35(b)(1): the gap gets
        // (38 + 40)/2 = 39; hour HHV = (20×38 + 20×39 + 20×40)/60 = 39. 1,200 × 39 = 46,800 MJ = 44.3579 mmBtu
        // × 59.00 = 2,617.12 kg CO2 (without the rule the old code dropped a third of the fuel: 1,744.7 kg)
        SourceHourAccount a = account(PART98, "stack", Map.of("fuelQuantity", perMinute(m -> 1200),
                "hhv", perMinute(m -> m < 20 ? 38 : m < 40 ? Double.NaN : 40)), MissingDataContext.NONE);
        assertThat(a.emissions().get(0).massKg()).isCloseTo(46_800 / MJ_PER_MMBTU * 59.00, within(1e-6));
        assertThat(a.emissions().get(0).massKg()).isCloseTo(2_617.12, within(0.01));
        assertThat(a.emissions().get(0).availabilityPct()).isCloseTo(66.667, within(0.001));
        assertThat(a.emissions().get(0).substitutedMin()).isCloseTo(20, within(1e-9));
        assertThat(a.fills()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo("hhv");
            assertThat(f.rule()).isEqualTo("EPA_PART98_MEAN_BEFORE_AFTER");
            assertThat(f.citation()).isEqualTo("40 CFR 98.35(b)(1)");
            assertThat(f.minutes()).isCloseTo(20, within(1e-9));
            assertThat(f.value()).isCloseTo(39, within(1e-12));
            assertThat(f.fallback()).isNull();
        });
    }

    @Test
    void aFuelGapIsFilledFromTheBackupMeterElseWithTheLastGoodValue() {
        // primary 1,200 Nm3/h, BAD :20–:40; backup reads 1,500 then. HHV 40. Fuel = 40/60 × 1,200 + 20/60 × 1,500
        // = 800 + 500 = 1,300 Nm3 × 40 = 52,000 MJ → × 59.00 / 1,055.0559 = 2,907.93 kg
        Map<String, List<Sample>> samples = Map.of("fuelQuantity", perMinute(m -> m >= 20 && m < 40 ? Double.NaN : 1200),
                "hhv", perMinute(m -> 40), HourlyEmissions.backupKey("fuelQuantity"), perMinute(m -> 1500));
        SourceHourAccount a = account(PART98, "stack", samples, MissingDataContext.NONE);
        assertThat(a.emissions().get(0).massKg()).isCloseTo(52_000 / MJ_PER_MMBTU * 59.00, within(1e-6));
        assertThat(a.fills()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("BACKUP_TAG");
            assertThat(f.value()).isCloseTo(1500, within(1e-9));
        });
        // no backup reading: §98.35(b)(2) best estimate = the last good value 1,200: all 1,200 Nm3 × 40 = 48,000 MJ
        SourceHourAccount b = account(PART98, "stack", Map.of("fuelQuantity", samples.get("fuelQuantity"),
                "hhv", samples.get("hhv")), MissingDataContext.NONE);
        assertThat(b.emissions().get(0).massKg()).isCloseTo(48_000 / MJ_PER_MMBTU * 59.00, within(1e-6));
        assertThat(b.fills()).singleElement().satisfies(f -> assertThat(f.fallback()).isEqualTo(MissingDataRule.LAST_GOOD_VALUE));
    }

    @Test
    void aWholeSilentHourIsFilledFromTheHistoryWithZeroAvailability() {
        // no sample at all; history: fuel last 1,000 Nm3/h, HHV last 38 and next 42 → fuel 1,000 Nm3 × 40 = 40,000 MJ
        MissingDataContext history = new MissingDataContext(Map.of(
                "fuelQuantity", new MissingDataContext.InputHistory(1000.0, null, ReferencePeriod.NONE),
                "hhv", new MissingDataContext.InputHistory(38.0, 42.0, ReferencePeriod.NONE)));
        SourceHourAccount a = account(PART98, "stack", Map.of(), history);
        assertThat(a.emissions().get(0).massKg()).isCloseTo(40_000 / MJ_PER_MMBTU * 59.00, within(1e-6));
        assertThat(a.emissions().get(0).availabilityPct()).isZero();
        assertThat(a.emissions().get(0).substitutedMin()).isCloseTo(60, within(1e-9));
        assertThat(a.fills()).hasSize(2).allSatisfy(f -> assertThat(f.minutes()).isCloseTo(60, within(1e-9)));
    }

    @Test
    void aGapInTheCo2RecoveredIsFilledWithTheLowerValueSinceItIsADeduction() {
        // MEE guideline, conservative value: of a deduction the lower one. Purity BAD 04:20–04:40 between 95 and 99 vol%:
        // filled with 95, so (20 × 95 + 20 × 95 + 20 × 99)/60 = 96.3333 %; 1,000 Nm3/h for the hour = 0.1 × 10^4 Nm3;
        // recovered = 0.1 × 0.963333 × 19.77 t/10^4 Nm3 = 1.904510 t, a deduction of −1,904.510 kg
        // (with the higher value it would be (20 × 95 + 40 × 99)/60 = 97.6667 %: −1,930.870 kg, more taken off)
        SiteModel china = SiteModelLoader.parse("""
                apiVersion: plumeline/v1
                site: {id: s, name: S, timezone: Asia/Shanghai, program: CN_MEE, gwp: SAR}
                servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
                units: [{id: r, name: Recovery}]
                tags:
                  - {id: product, unit: r, server: d, node: "nsu=urn:t;s=1", uom: Nm3/h}
                  - {id: purity, unit: r, server: d, node: "nsu=urn:t;s=2", uom: vol%}
                sources:
                  - {id: co2r, unit: r, category: process, method: CN_MEE_CO2_RECOVERY,
                     inputs: {recoveredGas: product, purity: purity}}
                """, "test-cn");
        SourceHourAccount a = account(china, "co2r", Map.of("recoveredGas", perMinute(m -> 1000),
                "purity", perMinute(m -> m < 20 ? 95 : m < 40 ? Double.NaN : 99)), MissingDataContext.NONE);
        assertThat(a.emissions().get(0).massKg()).isCloseTo(-1_904.510, within(1e-3));
        assertThat(a.fills()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo("purity");
            assertThat(f.value()).isEqualTo(95.0);
        });
    }

    @Test
    void anOutOfRangeFlareReadingIsFilledNotUsedAsMeasured() {
        // §98.253(b)(1)(i): 9,999 Nm3/h (above valid.max 2,000) from :30 to :40 is invalid; filled with the last good
        // 1,000: flare gas 1,000 Nm3 × 50 MJ/Nm3 = 50,000 MJ → 0.98 × 47.3909 mmBtu × 60 = 2,786.58 kg
        SourceHourAccount a = account(PART98, "flare", Map.of("flareGas", perMinute(m -> m >= 30 && m < 40 ? 9999 : 1000)),
                MissingDataContext.NONE);
        assertThat(a.emissions().get(0).massKg()).isCloseTo(2_786.58, within(0.01));
        assertThat(a.emissions().get(0).substitutedMin()).isCloseTo(10, within(1e-9));
        assertThat(a.fills()).singleElement().satisfies(f -> assertThat(f.citation()).isEqualTo("40 CFR 98.255(c)"));
    }

    @Test
    void mrrMeanPlusTwoSigmaOfTheReferencePeriod() {
        // reference hours 10, 12, 14: mean 12, sample σ = √((4 + 0 + 4)/2) = 2 → 12 + 2×2 = 16
        MissingDataRule.Value v = MissingDataRule.estimate(MissingDataRule.Estimate.MEAN_PLUS_TWO_SIGMA, 11.0, 11.0,
                ReferencePeriod.of(List.of(10.0, 12.0, 14.0)), null, true);
        assertThat(v.value()).isCloseTo(16, within(1e-12));
        assertThat(v.fallback()).isNull();
        // no reference period: the worse of the values around the gap, said so
        MissingDataRule.Value none = MissingDataRule.estimate(MissingDataRule.Estimate.MEAN_PLUS_TWO_SIGMA, 11.0, 13.0,
                ReferencePeriod.NONE, null, true);
        assertThat(none.value()).isEqualTo(13.0);
        assertThat(none.fallback()).isEqualTo(MissingDataRule.NO_REFERENCE_PERIOD);
    }

    @Test
    void anMrrCemsHourWithFourFifthsMeasuredIsTheMeanOfWhatRemainsAndBelowThatMeanPlusTwoSigma() {
        SiteModel eu = SiteModelLoader.parse("""
                apiVersion: plumeline/v1
                site: {id: s, name: S, timezone: UTC, program: EU_ETS, gwp: AR5}
                servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
                units: [{id: h, name: Heater}]
                tags:
                  - {id: flue, unit: h, server: d, node: "nsu=urn:t;s=1", uom: Nm3/h}
                  - {id: nox, unit: h, server: d, node: "nsu=urn:t;s=2", uom: mg/Nm3}
                sources:
                  - {id: stack, unit: h, category: stationary_combustion, method: POLLUTANT_MASS,
                     inputs: {stackFlow: flue, noxConcentration: nox}}
                """, "test-eu");
        // reference hours of NOx 280, 300, 320 mg/Nm3: mean 300, sample σ 20 → Art. 45(3) value 340
        MissingDataContext history = new MissingDataContext(Map.of("noxConcentration",
                new MissingDataContext.InputHistory(240.0, null, ReferencePeriod.of(List.of(280.0, 300.0, 320.0)))));
        // MRR Art. 44(2): 180 mg/Nm3 :00–:25, 240 :25–:50, BAD :50–:60 — 50 of 60 minutes (83 %) measured, so the
        // hour's mean is that of the remaining values, (25 × 180 + 25 × 240)/50 = 210, not a substitute:
        // 210 mg/Nm3 × 100,000 Nm3/h × 1e-6 = 21.0 kg NOx
        SourceHourAccount proRata = account(eu, "stack", Map.of("stackFlow", perMinute(m -> 100_000),
                "noxConcentration", perMinute(m -> m < 25 ? 180 : m < 50 ? 240 : Double.NaN)), history);
        assertThat(proRata.emissions().get(0).massKg()).isCloseTo(21.0, within(1e-9));
        assertThat(proRata.fills()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("EU_MRR_HOURLY_MEAN_OF_REMAINING");
            assertThat(f.citation()).isEqualTo("Regulation (EU) 2018/2066 Art. 44(2)");
            assertThat(f.value()).isCloseTo(210, within(1e-9));
        });
        // BAD from :45: 45 minutes (75 %) measured, under 80 %: Art. 45(3) substitutes 340 for the hour's last 15
        // minutes: (25 × 180 + 20 × 240 + 15 × 340)/60 = (4,500 + 4,800 + 5,100)/60 = 240 → 24.0 kg NOx
        SourceHourAccount substituted = account(eu, "stack", Map.of("stackFlow", perMinute(m -> 100_000),
                "noxConcentration", perMinute(m -> m < 25 ? 180 : m < 45 ? 240 : Double.NaN)), history);
        assertThat(substituted.emissions().get(0).massKg()).isCloseTo(24.0, within(1e-9));
        assertThat(substituted.fills()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("EU_MRR_MEAN_PLUS_2SIGMA");
            assertThat(f.value()).isCloseTo(340, within(1e-9));
        });
    }

    @Test
    void noneIsRefusedForAReportableSource() {
        String yaml = """
                apiVersion: plumeline/v1
                site: {id: s, name: S, timezone: UTC, program: EPA_PART98, gwp: AR5}
                """ + TAGS + """
                sources:
                  - {id: flare, unit: h, category: flare, method: EPA_Y2, substitution: NONE,
                     inputs: {flareGas: flare, hhv: {value: 50, uom: MJ/Nm3 HHV}}}
                """;
        assertThatThrownBy(() -> SiteModelLoader.parse(yaml, "test")).hasMessageContaining(
                "sources[0].substitution: NONE is only for sources with reportable: false; EPA_PART98 §98.35");
        SiteModelLoader.parse(yaml.replace("substitution: NONE,", "substitution: NONE, reportable: false,"), "test");
        assertThatThrownBy(() -> SiteModelLoader.parse(yaml.replace("substitution: NONE,",
                "missingData: {flareGas: {backup: hhv}},"), "test"))
                .hasMessageContaining("sources[0].missingData.flareGas.backup: tag 'hhv' is in 'MJ/Nm3 HHV', which does not convert");
    }
}
