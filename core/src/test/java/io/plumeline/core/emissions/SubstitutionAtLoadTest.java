package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.emissions.SubstitutionPolicy.Substitution;
import io.plumeline.core.emissions.SubstitutionPolicy.Tier;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 40 CFR 75.33(c) Table 2 for a flow monitor, with a look-back of two load ranges: twenty hours in range 8 (70–80 %
 * of the maximum load) at 1,010,000 … 1,200,000 scf/h in steps of 10,000 (their average 1,105,000, nearest-rank 90th
 * percentile the 18th value 1,180,000, 95th the 19th 1,190,000, maximum 1,200,000) and ten in range 3 at 400,000.
 */
class SubstitutionAtLoadTest {

    private static final double MPF = 2_000_000;
    private static final List<Integer> RANGES = IntStream.range(0, 30).mapToObj(i -> i < 20 ? 8 : 3).toList();
    private static final List<Double> FLOWS = IntStream.range(0, 30)
            .mapToObj(i -> i < 20 ? 1_000_000.0 + 10_000 * (i + 1) : 400_000.0).toList();

    private static Substitution at(int range, double pma, int gapHours) {
        return SubstitutionPolicy.substituteAtLoad(pma, gapHours, Part75LoadRange.valuesAt(range, RANGES, FLOWS), MPF);
    }

    @Test
    void aShortGapAtHighAvailabilityTakesTheAverageOfItsLoadRange() {
        // range 8: (1,010,000 + 1,200,000) / 2 = 1,105,000; range 3: 400,000 — not the hours around the gap
        assertThat(at(8, 97, 24)).isEqualTo(new Substitution(1_105_000, Tier.LOAD_RANGE_AVERAGE));
        assertThat(at(3, 97, 1)).isEqualTo(new Substitution(400_000, Tier.LOAD_RANGE_AVERAGE));
        assertThat(Tier.LOAD_RANGE_AVERAGE.modc()).as("40 CFR 75.57 Table 4a").isEqualTo("11");
    }

    @Test
    void aLongGapTakesTheGreaterOfTheRangesAverageAndItsPercentile() {
        assertThat(at(8, 97, 25)).isEqualTo(new Substitution(1_180_000, Tier.PERCENTILE_90));
        assertThat(at(8, 94, 8)).isEqualTo(new Substitution(1_105_000, Tier.LOAD_RANGE_AVERAGE));
        assertThat(at(8, 94, 9)).isEqualTo(new Substitution(1_190_000, Tier.PERCENTILE_95));
        // a range whose hours are all alike: its percentile is its average, which stands
        assertThat(at(3, 94, 9)).isEqualTo(new Substitution(400_000, Tier.LOAD_RANGE_AVERAGE));
    }

    @Test
    void availabilityBetween80And90TakesTheRangesMaximum() {
        assertThat(at(8, 85, 1)).isEqualTo(new Substitution(1_200_000, Tier.MAXIMUM_LOOK_BACK));
        assertThat(at(3, 85, 1)).isEqualTo(new Substitution(400_000, Tier.MAXIMUM_LOOK_BACK));
    }

    @Test
    void aRangeWithoutHoursTakesTheNearestHigherOneAndAboveTheLastTheMaximumPotentialFlow() {
        // ranges 4–7 have no hour: range 8's; ranges 1–2: range 3's; 9 and 10: nothing at or above them
        assertThat(at(5, 97, 1)).isEqualTo(new Substitution(1_105_000, Tier.LOAD_RANGE_AVERAGE));
        assertThat(at(1, 97, 1)).isEqualTo(new Substitution(400_000, Tier.LOAD_RANGE_AVERAGE));
        assertThat(at(9, 97, 1)).isEqualTo(new Substitution(MPF, Tier.MAXIMUM_POTENTIAL));
    }

    @Test
    void availabilityBelow80TakesTheMaximumPotentialFlow() {
        assertThat(at(8, 79.9, 1)).isEqualTo(new Substitution(MPF, Tier.MAXIMUM_POTENTIAL));
    }

    @Test
    void theTenRangesAreTenthsOfTheMaximumHourlyGrossLoad() {
        // Appendix C §2.1, a 200 MW unit: up to 20 MW range 1, above 20 up to 40 range 2, …, above 180 range 10
        assertThat(Part75LoadRange.of(0, 200)).isEqualTo(1);
        assertThat(Part75LoadRange.of(20, 200)).isEqualTo(1);
        assertThat(Part75LoadRange.of(20.5, 200)).isEqualTo(2);
        assertThat(Part75LoadRange.of(150, 200)).isEqualTo(8);
        assertThat(Part75LoadRange.of(160, 200)).isEqualTo(8);
        assertThat(Part75LoadRange.of(181, 200)).isEqualTo(10);
        assertThat(Part75LoadRange.of(230, 200)).as("above the maximum").isEqualTo(10);
    }
}
