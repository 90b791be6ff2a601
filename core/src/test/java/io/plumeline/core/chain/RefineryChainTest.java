package io.plumeline.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.site.SiteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RefineryChainTest {

    private static final Instant H0 = Instant.parse("2026-11-26T04:00:00Z");

    /**
     * Synthetic hour: CDU products and naphtha split a crude feed; the reformer splits the naphtha; the residue goes
     * on to the cracker, the LCO hydrotreater and its hydrogen at the example's nominal yields.
     */
    private static Map<String, Double> masses(Random r) {
        double naphtha = 80 + 40 * r.nextDouble();
        double kerosene = 60 + 30 * r.nextDouble();
        double diesel = 120 + 60 * r.nextDouble();
        double residue = 150 + 50 * r.nextDouble();
        double reformate = naphtha * (0.82 + 0.05 * r.nextDouble());
        Map<String, Double> masses = new HashMap<>(Refinery.downstreamOf(residue));
        masses.putAll(Map.of("crude-in", naphtha + kerosene + diesel + residue, "naphtha", naphtha, "kerosene-out", kerosene,
                "diesel-out", diesel, "reformate-out", reformate, "lpg-out", naphtha - reformate));
        return masses;
    }

    private static HourlyEmission row(String unit, String source, String gas, Instant hour, double co2eKg) {
        return new HourlyEmission("dalian-refinery", unit, source, gas, "EPA_C2A", hour, co2eKg, co2eKg, 100, 0,
                HourlyEmission.lineageId("dalian-refinery", source, gas, hour));
    }

    @Test
    void eachProductCarriesItsUpstreamUnitsAndTheHourIsConserved() {
        ProductionChain chain = new ProductionChain(Refinery.model());
        Random r = new Random(42);
        for (int h = 0; h < 24; h++) {
            Instant hour = H0.plus(Duration.ofHours(h));
            Map<String, Double> m = masses(r);
            Map<String, Double> co2e = new LinkedHashMap<>();
            co2e.put("heater-1", 30_000 + 10_000 * r.nextDouble());
            co2e.put("heater-2", 15_000 + 5_000 * r.nextDouble());
            co2e.put("boiler-1", 40_000 * r.nextDouble());
            co2e.put("flare-1", 2_000 * r.nextDouble());
            co2e.put("fcc-1", 20_000 + 8_000 * r.nextDouble());
            co2e.put("hgu-1", 6_000 + 2_000 * r.nextDouble());
            co2e.put("sru-1", 300 + 200 * r.nextDouble());
            Map<String, String> sources = Map.of("heater-1", "heater-1.stack", "heater-2", "heater-2.stack",
                    "boiler-1", "boiler-1.stack", "flare-1", "flare-1.tip", "fcc-1", "fcc-1.regenerator",
                    "hgu-1", "hgu-1.reformer", "sru-1", "sru-1.claus");
            List<HourlyEmission> rows = new ArrayList<>();
            co2e.forEach((unit, kg) -> {
                // The single-gas row must not count next to the CO2e total of the same source.
                rows.add(row(unit, sources.get(unit), "CO2", hour, kg * 0.99));
                rows.add(row(unit, sources.get(unit), HourlyEmission.CO2E, hour, kg));
            });

            ChainAllocation result = chain.allocate(ChainHour.of(hour, m, rows));

            // Forward by hand: the heaters are charged to their parents; the CDU's CO2e is split by mass over its
            // four outputs, and the reformer passes on its heater's CO2e plus what the naphtha brought.
            double cduOut = m.get("naphtha") + m.get("kerosene-out") + m.get("diesel-out") + m.get("residue");
            double cduPerT = co2e.get("heater-1") / cduOut;
            double reformerPerT = (co2e.get("heater-2") + cduPerT * m.get("naphtha")) / m.get("naphtha");
            // The cracker holds its regenerator's CO2e and the residue's, and splits it by value (coke worth 0); the
            // hydrotreater passes on the LCO's share and all of the hydrogen plant's, which sends only hydrogen.
            double fccValue = 0;
            for (Map.Entry<String, Double> v : Refinery.FCC_VALUE.entrySet()) fccValue += m.get(v.getKey()) * v.getValue();
            double fccPerValue = (co2e.get("fcc-1") + cduPerT * m.get("residue")) / fccValue;
            double dht = fccPerValue * 650 * m.get("lco") + co2e.get("hgu-1");
            assertProduct(result, "jet_fuel", m.get("kerosene-out"), cduPerT * m.get("kerosene-out"));
            assertProduct(result, "diesel", m.get("diesel-out") + m.get("dht-diesel-out"), cduPerT * m.get("diesel-out") + dht);
            assertProduct(result, "fuel_oil", m.get("slurry-out"), fccPerValue * 420 * m.get("slurry-out"));
            assertProduct(result, "gasoline", m.get("reformate-out") + m.get("fcc-gasoline-out"),
                    reformerPerT * m.get("reformate-out") + fccPerValue * 800 * m.get("fcc-gasoline-out"));
            assertProduct(result, "lpg", m.get("lpg-out") + m.get("fcc-lpg-out"),
                    reformerPerT * m.get("lpg-out") + fccPerValue * 550 * m.get("fcc-lpg-out"));
            assertProduct(result, "fuel_gas", m.get("dry-gas-out"), fccPerValue * 300 * m.get("dry-gas-out"));
            assertProduct(result, "sulfur", m.get("sulfur-out"), co2e.get("sru-1"));
            assertThat(result.streamCo2eKg().get("coke")).isZero();

            double all = co2e.values().stream().mapToDouble(Double::doubleValue).sum();
            double inChain = all - co2e.get("boiler-1") - co2e.get("flare-1");
            assertThat(result.sourcesCo2eKg()).isCloseTo(all, within(1e-6));
            assertThat(result.productsCo2eKg()).isCloseTo(inChain, within(1e-9 * inChain));
            assertThat(result.unallocated()).containsExactlyInAnyOrder(
                    new Unallocated("boiler-1", co2e.get("boiler-1"), Unallocated.Reason.OUTSIDE_CHAIN),
                    new Unallocated("flare-1", co2e.get("flare-1"), Unallocated.Reason.OUTSIDE_CHAIN));
            assertThat(result.productsCo2eKg() + result.unallocatedCo2eKg())
                    .isCloseTo(result.sourcesCo2eKg(), within(1e-9 * result.sourcesCo2eKg()));
            assertThat(result.products()).allSatisfy(p -> {
                assertThat(p.site()).isEqualTo("dalian-refinery");
                assertThat(p.hourStart()).isEqualTo(hour);
            });
        }
    }

    private static void assertProduct(ChainAllocation result, String product, double massT, double co2eKg) {
        ProductIntensity p = result.product(product).orElseThrow();
        assertThat(p.massT()).isCloseTo(massT, within(1e-12 * massT));
        assertThat(p.co2eKg()).isCloseTo(co2eKg, within(1e-9 * co2eKg));
        assertThat(p.intensityKgPerT()).isCloseTo(co2eKg / massT, within(1e-9 * co2eKg / massT));
    }

    @Test
    void heatersAreChargedToTheUnitTheyFireAndUtilitiesToNoChain() {
        ProductionChain chain = new ProductionChain(Refinery.model());
        assertThat(chain.chargedTo("heater-1")).contains("cdu-1");
        assertThat(chain.chargedTo("heater-2")).contains("reformer-1");
        assertThat(chain.chargedTo("cdu-1")).contains("cdu-1");
        assertThat(chain.chargedTo("boiler-1")).isEmpty();
    }

    @Test
    void energyAndEconomicBasesWeighEachStreamByItsFactor() {
        SiteModel model = Refinery.edited(
                Refinery.CDU, "{id: cdu-1, name: Crude distillation unit, allocation: {basis: energy,"
                        + " factors: {naphtha: 44.9, kerosene-out: 43.8, diesel-out: 43.0, residue: 40.5}}}",
                Refinery.REFORMER, "{id: reformer-1, name: Catalytic reformer, allocation: {basis: economic,"
                        + " factors: {reformate-out: 900, lpg-out: 600}}}");
        Map<String, Double> m = masses(new Random(7));
        double heater1 = 36_000;
        double heater2 = 18_000;

        ChainAllocation result = new ProductionChain(model)
                .allocate(new ChainHour(H0, m, Map.of("heater-1", heater1, "heater-2", heater2)));

        // Energy basis at the CDU: a stream's share is its mass x GJ/t over the unit's total GJ.
        double gj = m.get("naphtha") * 44.9 + m.get("kerosene-out") * 43.8 + m.get("diesel-out") * 43.0
                + m.get("residue") * 40.5;
        double naphthaKg = heater1 * m.get("naphtha") * 44.9 / gj;
        assertThat(result.streamCo2eKg().get("kerosene-out")).isCloseTo(heater1 * m.get("kerosene-out") * 43.8 / gj, within(1e-9));
        assertThat(result.streamCo2eKg().get("residue")).isCloseTo(heater1 * m.get("residue") * 40.5 / gj, within(1e-9));
        assertThat(result.streamCo2eKg().get("naphtha")).isCloseTo(naphthaKg, within(1e-9));
        // Economic basis at the reformer: by mass x value per tonne (its streams: the cracker makes gasoline and LPG too).
        double value = m.get("reformate-out") * 900 + m.get("lpg-out") * 600;
        double reformate = (heater2 + naphthaKg) * m.get("reformate-out") * 900 / value;
        double lpg = result.streamCo2eKg().get("lpg-out");
        assertThat(result.streamCo2eKg().get("reformate-out")).isCloseTo(reformate, within(1e-9));
        assertThat(lpg).isCloseTo(heater2 + naphthaKg - reformate, within(1e-9));
        // The bases matter: a tonne of reformate carries 1.5 times a tonne of LPG, not the same.
        assertThat(reformate / m.get("reformate-out") / (lpg / m.get("lpg-out"))).isCloseTo(1.5, within(1e-12));
        assertThat(result.productsCo2eKg()).isCloseTo(heater1 + heater2, within(1e-9 * (heater1 + heater2)));
    }

    @Test
    void aUnitThatSendsNothingInAnHourKeepsItsEmissionsAsUnallocated() {
        ProductionChain chain = new ProductionChain(Refinery.model());
        Map<String, Double> m = new HashMap<>(masses(new Random(3)));
        m.put("crude-in", m.get("crude-in") - m.get("naphtha"));
        m.put("naphtha", 0.0);
        m.put("reformate-out", 0.0);
        m.put("lpg-out", 0.0);
        m.put("fcc-gasoline-out", 0.0);   // and the cracker makes no gasoline either

        ChainAllocation result = chain.allocate(new ChainHour(H0, m, Map.of("heater-1", 30_000.0, "heater-2", 2_500.0)));

        assertThat(result.unallocated()).containsExactly(
                new Unallocated("reformer-1", 2_500.0, Unallocated.Reason.NO_OUTPUT_THIS_HOUR));
        assertThat(result.product("gasoline").orElseThrow().massT()).isZero();
        assertThat(result.product("gasoline").orElseThrow().co2eKg()).isZero();
        assertThat(result.product("gasoline").orElseThrow().intensityKgPerT()).isNaN();
        assertThat(result.productsCo2eKg()).isCloseTo(30_000.0, within(1e-9 * 30_000));
    }

    @Test
    void refusesAnHourWhoseStreamsOrUnitsDoNotMatchTheModel() {
        ProductionChain chain = new ProductionChain(Refinery.model());
        Map<String, Double> m = new HashMap<>(masses(new Random(5)));
        m.remove("naphtha");
        m.put("kerosene-out", -1.0);
        m.put("gasoil-out", 3.0);
        assertThatThrownBy(() -> chain.allocate(new ChainHour(H0, m, Map.of("heater-9", 1.0))))
                .isInstanceOf(ChainException.class)
                .hasMessageStartingWith("hour 2026-11-26T04:00:00Z: ")
                .hasMessageContaining("stream 'naphtha' has no mass")
                .hasMessageContaining("stream 'kerosene-out' has mass -1.0 t")
                .hasMessageContaining("stream 'gasoil-out' is not in the site model");
        m.put("naphtha", 1.0);
        m.put("kerosene-out", 1.0);
        m.remove("gasoil-out");
        assertThatThrownBy(() -> chain.allocate(new ChainHour(H0, m, Map.of("heater-9", 1.0))))
                .isInstanceOf(ChainException.class)
                .hasMessageContaining("unit 'heater-9' of the emissions is not in the site model");
    }
}
