package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HourlyEmissionsTest {

    private static final SiteModel MODEL = SiteModelLoader.parse("""
            apiVersion: plumeline/v1
            site: {id: s, name: S, timezone: UTC, program: EPA_PART98, gwp: AR5}
            servers: [{id: d, endpoint: "opc.tcp://127.0.0.1:4840"}]
            units: [{id: h, name: Heater}]
            tags:
              - {id: flow, unit: h, server: d, node: "nsu=urn:t;s=f", uom: Nm3/h}
              - {id: hhv, unit: h, server: d, node: "nsu=urn:t;s=h", uom: MJ/Nm3}
              - {id: flow_scf, unit: h, server: d, node: "nsu=urn:t;s=fs", uom: scf/h}
            sources:
              - {id: stack, unit: h, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                 inputs: {fuelQuantity: flow, hhv: hhv}}
              - {id: stack-scf, unit: h, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,
                 inputs: {fuelQuantity: flow_scf, hhv: {value: 38.5, uom: MJ/Nm3}}}
            """, "test");
    private static final Instant HOUR = Instant.parse("2026-11-26T04:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(5);

    private static List<Sample> every(Duration step, double value) {
        List<Sample> samples = new ArrayList<>();
        for (Instant t = HOUR; t.isBefore(HOUR.plusSeconds(3600)); t = t.plus(step)) samples.add(new Sample(t, value));
        return samples;
    }

    private static HourlyEmission compute(String source, Map<String, List<Sample>> samples) {
        return HourlyEmissions.compute(MODEL, MODEL.source(source).orElseThrow(), HOUR, samples, HOLD).get(0);
    }

    @Test
    void workedExampleFour() {
        // 1,200 Nm3/h for an hour at 38.5 MJ/Nm3 = 46,200 MJ = 43.789 mmBtu; × 59.00 kg/mmBtu = 2,583.56 kg CO2
        HourlyEmission co2 = compute("stack", Map.of("fuelQuantity", every(Duration.ofSeconds(1), 1200),
                "hhv", every(Duration.ofMinutes(1), 38.5)));
        assertThat(co2.massKg()).isCloseTo(2583.56, within(0.01));
        assertThat(co2.co2eKg()).isEqualTo(co2.massKg());
        assertThat(co2.availabilityPct()).isCloseTo(100.0, within(1e-9));
        assertThat(co2.gas()).isEqualTo("CO2");
        assertThat(co2.lineageId()).isEqualTo(HourlyEmission.lineageId("s", "stack", "CO2", HOUR));
    }

    @Test
    void aFlowInScfAndAHeatingValuePerNm3GiveTheSameEnergy() {
        // 1,200 Nm3/h = 45,466.8 scf/h (× 37.889); the constant HHV stays per Nm3: same 2,583.56 kg
        double scfPerHour = 1200 * io.plumeline.core.units.Quantity.of(1, "Nm3").in("scf");
        HourlyEmission co2 = compute("stack-scf", Map.of("fuelQuantity", every(Duration.ofSeconds(10), scfPerHour)));
        assertThat(co2.massKg()).isCloseTo(2583.56, within(0.01));
    }

    @Test
    void aTwentyMinuteBadGapLeavesTwoThirdsAvailable() {
        List<Sample> flow = new ArrayList<>(every(Duration.ofMinutes(1), 1200));
        for (int m = 20; m < 40; m++) flow.set(m, new Sample(HOUR.plusSeconds(60L * m), null));
        HourlyEmission co2 = compute("stack", Map.of("fuelQuantity", flow, "hhv", every(Duration.ofMinutes(1), 38.5)));
        assertThat(co2.availabilityPct()).isCloseTo(66.667, within(0.001));
        // EPA_PART98 §98.35(b)(2): the fuel gap is filled with the last good value (1,200 Nm3/h): the whole hour counts
        assertThat(co2.massKg()).isCloseTo(2583.56, within(0.01));
        assertThat(co2.substitutedMin()).isCloseTo(20, within(1e-9));
    }

    @Test
    void aSampleBeforeTheHourCarriesIntoIt() {
        List<Sample> flow = new ArrayList<>(every(Duration.ofMinutes(1), 1200));
        flow.remove(0);
        HourlyEmission without = compute("stack", Map.of("fuelQuantity", flow, "hhv", every(Duration.ofMinutes(1), 38.5)));
        assertThat(without.availabilityPct()).isCloseTo(100.0 * 59 / 60, within(1e-9));
        flow.add(new Sample(HOUR.minusSeconds(30), 1200.0));
        HourlyEmission with = compute("stack", Map.of("fuelQuantity", flow, "hhv", every(Duration.ofMinutes(1), 38.5)));
        assertThat(with.availabilityPct()).isCloseTo(100.0, within(1e-9));
        assertThat(with.massKg()).isCloseTo(2583.56, within(0.01));
    }

    @Test
    void aSilentInstrumentIsAGapAfterTheMaximumHold() {
        // one reading at the top of the hour and nothing after: held for 5 minutes only
        HourlyEmission co2 = compute("stack", Map.of("fuelQuantity", List.of(new Sample(HOUR, 1200.0)),
                "hhv", every(Duration.ofMinutes(1), 38.5)));
        assertThat(co2.availabilityPct()).isCloseTo(100.0 * 5 / 60, within(1e-9));
    }

    @Test
    void splittingTheHourGivesTheSameTotalAndDoublingTheRateDoublesTheMass() {
        List<Sample> flow = new ArrayList<>();
        for (int s = 0; s < 3600; s += 7) flow.add(new Sample(HOUR.plusSeconds(s), 1000 + 300 * Math.sin(s / 500.0)));
        List<Sample> hhv = every(Duration.ofSeconds(90), 40.0);
        Instant half = HOUR.plusSeconds(1234);
        double whole = StepIntegral.ofProduct(HOUR, HOUR.plusSeconds(3600), List.of(flow, hhv), HOLD).valueHours();
        double first = StepIntegral.ofProduct(HOUR, half, List.of(flow, hhv), HOLD).valueHours();
        double second = StepIntegral.ofProduct(half, HOUR.plusSeconds(3600), List.of(flow, hhv), HOLD).valueHours();
        assertThat(first + second).isCloseTo(whole, within(whole * 1e-12));

        List<Sample> doubled = flow.stream().map(s -> new Sample(s.ts(), 2 * s.value())).toList();
        double twice = compute("stack", Map.of("fuelQuantity", doubled, "hhv", hhv)).massKg();
        assertThat(twice).isCloseTo(2 * compute("stack", Map.of("fuelQuantity", flow, "hhv", hhv)).massKg(), within(1e-9));
    }
}
