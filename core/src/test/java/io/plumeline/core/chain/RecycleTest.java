package io.plumeline.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.core.site.SiteModelLoader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecycleTest {

    private static final Instant HOUR = Instant.parse("2026-11-26T05:00:00Z");

    /** A reactor feeding a splitter, which returns part of its output to the reactor. */
    private static final String LOOP = """
            apiVersion: plumeline/v1
            site: {id: loop-site, name: Loop, timezone: UTC, program: EPA_PART98, gwp: AR5}
            servers:
              - {id: dcs-1, endpoint: "opc.tcp://127.0.0.1:4840/plumeline"}
            units:
              - {id: reactor-1, name: Reactor}
              - {id: splitter-1, name: Splitter}
            tags:
              - {id: feed, unit: reactor-1, server: dcs-1, node: "nsu=urn:loop;s=feed", uom: t/h}
              - {id: effluent, unit: reactor-1, server: dcs-1, node: "nsu=urn:loop;s=effluent", uom: t/h}
              - {id: offgas, unit: reactor-1, server: dcs-1, node: "nsu=urn:loop;s=offgas", uom: t/h}
              - {id: heavy, unit: splitter-1, server: dcs-1, node: "nsu=urn:loop;s=heavy", uom: t/h}
              - {id: light, unit: splitter-1, server: dcs-1, node: "nsu=urn:loop;s=light", uom: t/h}
              - {id: recycle, unit: splitter-1, server: dcs-1, node: "nsu=urn:loop;s=recycle", uom: kg/h}
            streams:
              - {id: feed, to: reactor-1, massFlow: feed}
              - {id: effluent, from: reactor-1, to: splitter-1, massFlow: effluent}
              - {id: offgas, from: reactor-1, product: fuel_gas, massFlow: offgas}
              - {id: heavy, from: splitter-1, product: p1, massFlow: heavy}
              - {id: light, from: splitter-1, product: p2, massFlow: light}
              - {id: recycle, from: splitter-1, to: reactor-1, massFlow: recycle}
            """;

    static SiteModel loop() {
        return SiteModelLoader.parse(LOOP, "loop.yaml");
    }

    @Test
    void aRecycleIsSolvedAsALinearSystem() {
        /*
         * Hand calculation. Masses (t): feed 100 and recycle 25 into the reactor; the reactor sends effluent 110
         * to the splitter and offgas 15 out as fuel_gas; the splitter sends heavy 55 (p1), light 30 (p2) and
         * recycle 25 back. Own CO2e: reactor E_R = 1000 kg, splitter E_S = 500 kg.
         * Mass shares: reactor effluent 110/125 = 0.88, offgas 15/125 = 0.12;
         *              splitter heavy 55/110 = 1/2, light 30/110 = 3/11, recycle 25/110 = 5/22.
         * Holdings: x_R = 1000 + 5/22 x_S and x_S = 500 + 0.88 x_R.
         *   x_R = 1000 + 5/22 * 500 + (5/22 * 0.88) x_R = 1000 + 1250/11 + 0.2 x_R
         *   => x_R = (12250/11) / 0.8 = 15312.5/11 = 1392.0454...
         *   x_S = 500 + 0.88 * 15312.5/11 = 500 + 13475/11 = 500 + 1225 = 1725
         * Products: fuel_gas = 0.12 x_R = 1837.5/11 = 167.045...; p1 = x_S / 2 = 862.5; p2 = 3/11 x_S = 5175/11.
         * Check: (1837.5 + 5175)/11 + 862.5 = 637.5 + 862.5 = 1500 = E_R + E_S. Recycle carries 5/22 x_S = 8625/22.
         * The recycle tag is in kg/h, but the caller integrates every stream to t, so it passes 25.
         */
        Map<String, Double> masses = Map.of("feed", 100.0, "effluent", 110.0, "offgas", 15.0, "heavy", 55.0,
                "light", 30.0, "recycle", 25.0);

        ChainAllocation result = new ProductionChain(loop())
                .allocate(new ChainHour(HOUR, masses, Map.of("reactor-1", 1000.0, "splitter-1", 500.0)));

        assertThat(result.unitCo2eKg().get("reactor-1")).isCloseTo(15312.5 / 11, within(1e-9));
        assertThat(result.unitCo2eKg().get("splitter-1")).isCloseTo(1725.0, within(1e-9));
        assertThat(result.streamCo2eKg().get("recycle")).isCloseTo(8625.0 / 22, within(1e-9));
        assertThat(result.streamCo2eKg().get("feed")).isZero();
        assertThat(result.product("fuel_gas").orElseThrow().co2eKg()).isCloseTo(1837.5 / 11, within(1e-9));
        assertThat(result.product("p1").orElseThrow().co2eKg()).isCloseTo(862.5, within(1e-9));
        assertThat(result.product("p2").orElseThrow().co2eKg()).isCloseTo(5175.0 / 11, within(1e-9));
        assertThat(result.product("p1").orElseThrow().intensityKgPerT()).isCloseTo(862.5 / 55, within(1e-12));
        assertThat(result.product("fuel_gas").orElseThrow().intensityKgPerT()).isCloseTo(1837.5 / 11 / 15, within(1e-12));
        assertThat(result.productsCo2eKg()).isCloseTo(1500.0, within(1500 * 1e-9));
        assertThat(result.unallocated()).isEmpty();
    }

    @Test
    void aLoopThatNothingLeavesIsRefusedAtLoadNamingItsUnits() {
        String closed = LOOP.replace("  - {id: offgas, from: reactor-1, product: fuel_gas, massFlow: offgas}\n", "")
                .replace("  - {id: heavy, from: splitter-1, product: p1, massFlow: heavy}\n", "")
                .replace("  - {id: light, from: splitter-1, product: p2, massFlow: light}\n", "");
        assertThatThrownBy(() -> SiteModelLoader.parse(closed, "closed.yaml"))
                .isInstanceOf(SiteModelException.class)
                .satisfies(e -> assertThat(((SiteModelException) e).problems()).containsExactly(
                        "streams: units [reactor-1, splitter-1] send all their output to each other and none of it"
                                + " leaves the site; give one of them a product stream"));
    }

    @Test
    void anHourInWhichAllOutputIsRecycledIsRefusedNamingTheUnits() {
        Map<String, Double> masses = new HashMap<>(Map.of("feed", 0.0, "effluent", 40.0, "offgas", 0.0, "heavy", 0.0,
                "light", 0.0, "recycle", 40.0));
        ProductionChain chain = new ProductionChain(loop());

        assertThatThrownBy(() -> chain.allocate(new ChainHour(HOUR, masses, Map.of("reactor-1", 800.0))))
                .isInstanceOf(ChainException.class)
                .hasMessageStartingWith("hour 2026-11-26T05:00:00Z: units [reactor-1, splitter-1] send all their output"
                        + " to each other and nothing leaves them");

        // The same hour with a trickle leaving is solvable: everything ends in that trickle.
        masses.put("light", 1e-3);
        ChainAllocation result = chain.allocate(new ChainHour(HOUR, masses, Map.of("reactor-1", 800.0)));
        assertThat(result.product("p2").orElseThrow().co2eKg()).isCloseTo(800.0, within(800 * 1e-9));
    }

    @Test
    void whatReachesAUnitWithoutOutputsIsUnallocatedThere() {
        SiteModel model = Refinery.edited(
                "  - {id: flare-1, name: Main flare}\n", "  - {id: flare-1, name: Main flare}\n  - {id: slop-1, name: Slop tank}\n",
                "{id: residue, from: cdu-1, to: fcc-1,", "{id: residue, from: cdu-1, to: slop-1,");
        Map<String, Double> masses = new HashMap<>(Refinery.downstreamOf(100));
        masses.putAll(Map.of("crude-in", 400.0, "naphtha", 100.0, "kerosene-out", 50.0, "diesel-out", 150.0,
                "reformate-out", 85.0, "lpg-out", 15.0));

        ChainAllocation result = new ProductionChain(model)
                .allocate(new ChainHour(HOUR, masses, Map.of("heater-1", 4000.0, "heater-2", 1000.0)));

        // The CDU passes 100/400 of its 4000 kg into the slop tank, where it stops.
        assertThat(result.unallocated()).containsExactly(new Unallocated("slop-1", 1000.0, Unallocated.Reason.NO_OUTPUT_STREAM));
        assertThat(result.productsCo2eKg()).isCloseTo(4000.0, within(1e-9 * 5000));
        // the cracker, cut off from the residue, has nothing to pass on to its slurry (fuel oil)
        assertThat(result.product("fuel_oil").orElseThrow().co2eKg()).isZero();
    }
}
