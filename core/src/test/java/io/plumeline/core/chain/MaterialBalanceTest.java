package io.plumeline.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaterialBalanceTest {

    private static final Instant HOUR = Instant.parse("2026-11-26T06:00:00Z");

    /**
     * CDU: 500 t in, 498 t out (0.4 %). Reformer: 100 t of naphtha in, 90 t out (10 %). The cracker and the
     * hydrotreater at the example's nominal yields on the 168 t of residue (Refinery.downstreamOf).
     */
    private static final Map<String, Double> MASSES = masses();

    private static Map<String, Double> masses() {
        Map<String, Double> masses = new java.util.HashMap<>(Refinery.downstreamOf(168));
        masses.putAll(Map.of("crude-in", 500.0, "naphtha", 100.0, "kerosene-out", 80.0, "diesel-out", 150.0,
                "reformate-out", 78.0, "lpg-out", 12.0));
        return Map.copyOf(masses);
    }

    @Test
    void comparesMassInAndOutOfEachUnitWithStreamsOnBothSides() {
        var balances = new MaterialBalance(Refinery.model()).of(HOUR, MASSES);

        // the regenerator only receives (the coke), the hydrogen plant and the SRU only send: open ends, not balanced
        assertThat(balances).extracting(UnitBalance::unit).containsExactly("cdu-1", "reformer-1", "fcc-1", "dht-1");
        UnitBalance cdu = balances.get(0);
        assertThat(cdu.hourStart()).isEqualTo(HOUR);
        assertThat(cdu.massInT()).isEqualTo(500.0);
        assertThat(cdu.massOutT()).isEqualTo(498.0);
        assertThat(cdu.imbalanceT()).isCloseTo(2.0, within(1e-12));
        assertThat(cdu.imbalanceRelative()).isCloseTo(0.004, within(1e-12));
        assertThat(cdu.flagged()).isFalse();
        UnitBalance reformer = balances.get(1);
        assertThat(reformer.imbalanceRelative()).isCloseTo(0.1, within(1e-12));
        assertThat(reformer.flagged()).isTrue();
        // the cracker's yields, coke included, add up to its 168 t of residue
        UnitBalance fcc = balances.get(2);
        assertThat(fcc.massInT()).isEqualTo(168.0);
        assertThat(fcc.imbalanceRelative()).isCloseTo(0, within(1e-12));
        // the hydrotreater, per 22 t of LCO: 22 + 0.8 t of hydrogen in, 22.6 t of diesel out: 0.2 / 22.8 = 0.877 %
        UnitBalance dht = balances.get(3);
        assertThat(dht.massInT()).isCloseTo(168 * 0.22 * 22.8 / 22, within(1e-9));
        assertThat(dht.imbalanceRelative()).isCloseTo(0.2 / 22.8, within(1e-12));
        assertThat(dht.flagged()).isFalse();
    }

    @Test
    void theThresholdIsConfigurable() {
        assertThat(new MaterialBalance(Refinery.model(), 0.005).of(HOUR, MASSES).get(0).flagged()).isFalse();
        assertThat(new MaterialBalance(Refinery.model(), 0.003).of(HOUR, MASSES).get(0).flagged()).isTrue();
        assertThat(new MaterialBalance(Refinery.model(), 0.15).of(HOUR, MASSES).get(1).flagged()).isFalse();
        assertThatThrownBy(() -> new MaterialBalance(Refinery.model(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a fraction in (0, 1), found 2.0");
    }

    @Test
    void moreOutThanInAndAMissingFeedAreFlaggedToo() {
        Map<String, Double> masses = new java.util.HashMap<>(MASSES);
        masses.put("crude-in", 0.0);
        UnitBalance cdu = new MaterialBalance(Refinery.model()).of(HOUR, masses).get(0);
        assertThat(cdu.imbalanceT()).isEqualTo(-498.0);
        assertThat(cdu.imbalanceRelative()).isEqualTo(-1.0);
        assertThat(cdu.flagged()).isTrue();
    }

    @Test
    void anIdleUnitIsBalanced() {
        Map<String, Double> masses = new java.util.HashMap<>(MASSES);
        masses.replaceAll((stream, mass) -> 0.0);
        assertThat(new MaterialBalance(Refinery.model()).of(HOUR, masses))
                .allSatisfy(b -> assertThat(b.imbalanceRelative()).isZero())
                .noneMatch(UnitBalance::flagged);
    }

    @Test
    void refusesAStreamWithoutMass() {
        Map<String, Double> masses = new java.util.HashMap<>(MASSES);
        masses.remove("lpg-out");
        masses.put("diesel-out", Double.NaN);
        assertThatThrownBy(() -> new MaterialBalance(Refinery.model()).of(HOUR, masses))
                .isInstanceOf(ChainException.class)
                .hasMessageContaining("hour 2026-11-26T06:00:00Z: ")
                .hasMessageContaining("stream 'lpg-out' has no mass")
                .hasMessageContaining("stream 'diesel-out' has mass NaN t");
    }
}
