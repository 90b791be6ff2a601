package io.plumeline.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.emissions.Sample;
import io.plumeline.core.site.SiteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamMassIntegralTest {

    static final Instant HOUR = Instant.parse("2026-11-26T05:00:00Z");

    @Test
    void eachStreamIsItsFlowIntegratedOverTheHourInTonnes() {
        SiteModel model = Refinery.model();
        // crude: 600 t/h carried in from before the hour, 630 t/h from :30 → 615 t
        // naphtha: 100 t/h from :00, BAD from :45 → 75 t (the gap is no flow)
        // kerosene: a negative reading (meter noise) counts as 0
        Map<String, List<Sample>> byTag = Map.of(
                "cdu-1.crude_feed", List.of(new Sample(HOUR.minusSeconds(1), 600.0), new Sample(HOUR.plusSeconds(1800), 630.0)),
                "cdu-1.naphtha_flow", List.of(new Sample(HOUR, 100.0), new Sample(HOUR.plusSeconds(2700), null)),
                "cdu-1.kerosene_flow", List.of(new Sample(HOUR, -0.5)));

        Map<String, Double> masses = StreamMassIntegral.of(model, HOUR, byTag, Duration.ofHours(2));

        assertThat(masses).containsOnlyKeys("crude-in", "naphtha", "kerosene-out", "diesel-out", "residue",
                "reformate-out", "lpg-out", "fcc-gasoline-out", "fcc-lpg-out", "lco", "slurry-out", "dry-gas-out", "coke",
                "hydrogen", "dht-diesel-out", "sulfur-out");
        assertThat(masses.get("crude-in")).isCloseTo(615.0, within(1e-9));
        assertThat(masses.get("naphtha")).isCloseTo(75.0, within(1e-9));
        assertThat(masses.get("kerosene-out")).isZero();
        assertThat(masses.get("diesel-out")).isZero();
    }

    @Test
    void aKilogramFlowBecomesTonnes() {
        SiteModel model = RecycleTest.loop();
        Map<String, Double> masses = StreamMassIntegral.of(model, HOUR,
                Map.of("recycle", List.of(new Sample(HOUR, 25_000.0))), Duration.ofHours(2));
        assertThat(masses.get("recycle")).isCloseTo(25.0, within(1e-12));
    }
}
