package io.plumeline.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.emissions.SubstitutionPolicy.Direction;
import io.plumeline.core.emissions.SubstitutionPolicy.Substitution;
import io.plumeline.core.emissions.SubstitutionPolicy.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        return SubstitutionPolicy.substitute(Direction.HIGHER, pma, gap, LOOK_BACK, before, after, MPV);
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
        assertThat(SubstitutionPolicy.substitute(Direction.HIGHER, 50, 3, List.of(), 40, 60, MPV).tier()).isEqualTo(Tier.MAXIMUM_POTENTIAL);
    }

    @Test
    void theInitialPeriodTakesTheMeanOfTheHoursAroundTheMissingPeriod() {
        // §75.31(b)(1): (40 + 60) / 2 = 50; the hour after not known yet: (40 + 40) / 2 = 40
        assertThat(SubstitutionPolicy.initial(Direction.HIGHER, false, 40.0, 60.0, List.of(), MPV))
                .isEqualTo(new Substitution(50, Tier.INITIAL_MEAN_BEFORE_AFTER));
        assertThat(SubstitutionPolicy.initial(Direction.HIGHER, false, 40.0, null, List.of(), MPV))
                .isEqualTo(new Substitution(40, Tier.INITIAL_MEAN_BEFORE_AFTER));
    }

    @Test
    void theInitialPeriodOfAFlowTakesTheMeanOfAllPreviousValues() {
        // §75.57 Table 4a code 7(c): (1,000 + 1,100 + 1,300) / 3 = 1,133.33…, whatever the hours around the gap
        assertThat(SubstitutionPolicy.initial(Direction.HIGHER, true, 900.0, 950.0, List.of(1000.0, 1100.0, 1300.0), MPV).value())
                .isCloseTo(3400.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theInitialPeriodWithoutPriorDataTakesTheMaximumPotential() {
        // §75.31(b)(2): no prior quality-assured data
        assertThat(SubstitutionPolicy.initial(Direction.HIGHER, false, null, null, List.of(), MPV))
                .isEqualTo(new Substitution(MPV, Tier.MAXIMUM_POTENTIAL));
        assertThat(SubstitutionPolicy.initial(Direction.HIGHER, true, null, null, List.of(), MPV))
                .isEqualTo(new Substitution(MPV, Tier.MAXIMUM_POTENTIAL));
    }

    /**
     * Moisture and O2 on their low side, §75.37(d)(1) and §75.36(d): "the lesser of", the 10th and 5th percentiles,
     * the minimum, the minimum potential (here 0.5), over the look-back 1, 2, …, 100 (10th percentile 10, 5th 5,
     * minimum 1). (40 + 60) / 2 = 50 for a short gap, as for SO2; the 10th percentile, 10, is below it for a long one;
     * (6 + 8) / 2 = 7 is below the 10th percentile and stays.
     */
    @ParameterizedTest
    @CsvSource({"97, 24, 40, 60, 50, MEAN_BEFORE_AFTER", "97, 25, 40, 60, 10, PERCENTILE_10",
            "97, 25, 6, 8, 7, MEAN_BEFORE_AFTER", "92, 9, 40, 60, 5, PERCENTILE_5", "85, 1, 40, 60, 1, MINIMUM_LOOK_BACK",
            "79, 1, 40, 60, 0.5, MINIMUM_POTENTIAL"})
    void moistureAndO2AreSubstitutedOnTheirLowSide(double pma, int gap, double before, double after, double value,
                                                   Tier tier) {
        assertThat(SubstitutionPolicy.substitute(Direction.LOWER, pma, gap, LOOK_BACK, before, after, 0.5))
                .isEqualTo(new Substitution(value, tier));
    }

    @Test
    void theInitialPeriodWithoutPriorMoistureTakesTheMinimumPotential() {
        // §75.37(b): no prior quality-assured moisture data, the minimum potential moisture
        assertThat(SubstitutionPolicy.initial(Direction.LOWER, false, null, null, List.of(), 0.5))
                .isEqualTo(new Substitution(0.5, Tier.MINIMUM_POTENTIAL));
    }

    @Test
    void eachTierCarriesItsMethodOfDeterminationCode() {
        // §75.57 Table 4a: 06 hour before and after, 07 initial missing data procedures, 08 90th/10th, 09 95th/5th
        assertThat(Tier.MEAN_BEFORE_AFTER.modc()).isEqualTo("06");
        assertThat(Tier.INITIAL_MEAN_OF_PREVIOUS.modc()).isEqualTo("07");
        assertThat(Tier.PERCENTILE_10.modc()).isEqualTo(Tier.PERCENTILE_90.modc()).isEqualTo("08");
        assertThat(Tier.PERCENTILE_5.modc()).isEqualTo("09");
        assertThat(Tier.VALID_HOUR_AVERAGE.modc()).isEqualTo(Tier.MEASURED).isEqualTo("01");
        // from what the row and the lineage record say: no tier, a measured hour
        assertThat(Tier.modcOf(null)).isEqualTo("01");
        assertThat(Tier.modcOf("PERCENTILE_95")).isEqualTo("09");
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
        assertThatThrownBy(() -> SubstitutionPolicy.substitute(Direction.HIGHER, 97, 1, List.of(), 0, 0, MPV)).hasMessageContaining("look-back");
    }
}
