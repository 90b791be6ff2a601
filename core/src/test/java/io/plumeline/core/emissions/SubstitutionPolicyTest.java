package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.emissions.SubstitutionPolicy.Substitution;
import io.plumeline.core.emissions.SubstitutionPolicy.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubstitutionPolicyTest {

    /** 1, 2, …, 100 in shuffled order: the nearest-rank 90th percentile is 90, the 95th is 95, the maximum 100. */
    private static final List<Double> LOOK_BACK = shuffled();
    private static final double MPV = 500;

    private static List<Double> shuffled() {
        List<Double> values = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        Collections.shuffle(values, new java.util.Random(3));
        return values;
    }

    private static Substitution substitute(double pma, int gap, double before, double after) {
        return SubstitutionPolicy.substitute(pma, gap, LOOK_BACK, before, after, MPV);
    }

    @Test
    void highAvailabilityShortGapTakesTheMeanOfTheHoursAround() {
        // (40 + 60) / 2 = 50, for a gap of up to 24 h
        assertThat(substitute(97, 24, 40, 60)).isEqualTo(new Substitution(50, Tier.MEAN_BEFORE_AFTER));
        assertThat(substitute(95, 1, 40, 60)).isEqualTo(new Substitution(50, Tier.MEAN_BEFORE_AFTER));
    }

    @Test
    void highAvailabilityLongGapTakesTheGreaterOfThe90thPercentileAndTheMean() {
        assertThat(substitute(97, 25, 40, 60)).isEqualTo(new Substitution(90, Tier.PERCENTILE_90));
        // (90 + 100) / 2 = 95 is above the 90th percentile (90)
        assertThat(substitute(97, 25, 90, 100)).isEqualTo(new Substitution(95, Tier.MEAN_BEFORE_AFTER));
    }

    @Test
    void availabilityBetween90And95AllowsEightHoursOfMeanThenThe95thPercentile() {
        assertThat(substitute(94.9, 8, 40, 60)).isEqualTo(new Substitution(50, Tier.MEAN_BEFORE_AFTER));
        assertThat(substitute(90, 9, 40, 60)).isEqualTo(new Substitution(95, Tier.PERCENTILE_95));
    }

    @Test
    void availabilityBetween80And90TakesTheMaximumOfTheLookBackForAnyGap() {
        assertThat(substitute(89.9, 1, 40, 60)).isEqualTo(new Substitution(100, Tier.MAXIMUM_LOOK_BACK));
        assertThat(substitute(80, 100, 40, 60)).isEqualTo(new Substitution(100, Tier.MAXIMUM_LOOK_BACK));
    }

    @Test
    void availabilityBelow80TakesTheMaximumPotentialValue() {
        assertThat(substitute(79.9, 1, 40, 60)).isEqualTo(new Substitution(MPV, Tier.MAXIMUM_POTENTIAL));
        assertThat(SubstitutionPolicy.substitute(50, 3, List.of(), 40, 60, MPV).tier()).isEqualTo(Tier.MAXIMUM_POTENTIAL);
    }

    @Test
    void pmaIsTheShareOfQualityAssuredOperatingHours() {
        // 684 of 720 h = 95 %
        assertThat(SubstitutionPolicy.pma(684, 720)).isEqualTo(95.0);
        assertThatThrownBy(() -> SubstitutionPolicy.pma(721, 720)).hasMessageContaining("721");
    }

    @Test
    void nearestRankPercentiles() {
        assertThat(SubstitutionPolicy.percentile(List.of(5.0, 1.0, 3.0), 50)).isEqualTo(3.0);
        assertThat(SubstitutionPolicy.percentile(List.of(5.0, 1.0, 3.0), 90)).isEqualTo(5.0);
        assertThat(SubstitutionPolicy.percentile(List.of(7.0), 0)).isEqualTo(7.0);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> substitute(101, 1, 0, 0)).hasMessageContaining("101");
        assertThatThrownBy(() -> substitute(97, 0, 0, 0)).hasMessageContaining("gap");
        assertThatThrownBy(() -> SubstitutionPolicy.substitute(97, 1, List.of(), 0, 0, MPV)).hasMessageContaining("look-back");
    }
}
