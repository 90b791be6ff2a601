package io.plumeline.flink;

import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.StepIntegral;
import io.plumeline.core.emissions.StepIntegral.Interval;
import io.plumeline.core.emissions.SubstitutionPolicy;
import io.plumeline.core.emissions.SubstitutionPolicy.Substitution;
import io.plumeline.core.emissions.SubstitutionPolicy.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fills the gaps of one input in one hour with the value §75.33 gives (core's {@link SubstitutionPolicy}),
 * so that the hour is computed as if the monitor had run. A gap is time in which the input has no GOOD
 * value held (a BAD reading, or silence beyond the max hold). The look-back is the input's hourly values
 * ({@link HourlyValues}); the PMA is its quality-assured hours over its operating hours. "The hour before
 * and the hour after" of the mean tier are, inside an hour, the GOOD values before and after the gap;
 * a gap that runs to the end of the hour uses the value before it (a reading within the allowed lateness
 * recomputes the hour). With no look-back yet (a new source), the mean of before and after is used, as
 * §75.31 does for the initial period.
 */
final class Part75Substitution {

    /** An hour counts as quality-assured in the look-back when the input was GOOD for at least this long. */
    static final Duration QUALITY_ASSURED = Duration.ofMinutes(45);

    private Part75Substitution() {
    }

    record Filled(List<Sample> samples, Tier tier) {
    }

    /**
     * The input's samples with every gap in [from, to) filled by substituted samples, and the most
     * conservative tier used (null when the input had no gap, the samples then come back unchanged).
     */
    static Filled fill(Instant from, Instant to, List<Sample> samples, Duration maxHold, HourlyValues lookBack,
                       double maximumPotential) {
        List<Sample> sorted = samples.stream().sorted(Comparator.comparing(Sample::ts)).toList();
        List<Interval> gaps = StepIntegral.complement(from, to, StepIntegral.goodIntervals(from, to, sorted, maxHold));
        if (gaps.isEmpty()) return new Filled(samples, null);
        long hourStart = from.toEpochMilli();
        List<Sample> filled = new ArrayList<>(sorted.stream().filter(Sample::isGood).toList());
        Duration step = maxHold.compareTo(Duration.ofMinutes(1)) < 0 ? maxHold : Duration.ofMinutes(1);
        Tier worst = null;
        for (Interval gap : gaps) {
            Substitution s = substitution(gap, sorted, lookBack, hourStart, maximumPotential);
            for (Instant t = gap.from(); t.isBefore(gap.to()); t = t.plus(step)) filled.add(new Sample(t, s.value()));
            if (worst == null || s.tier().ordinal() > worst.ordinal()) worst = s.tier();
        }
        filled.sort(Comparator.comparing(Sample::ts));
        return new Filled(filled, worst);
    }

    private static Substitution substitution(Interval gap, List<Sample> sorted, HourlyValues lookBack, long hourStart,
                                             double maximumPotential) {
        Double before = null;
        Double after = null;
        for (Sample s : sorted) {
            if (!s.isGood()) continue;
            if (s.ts().isBefore(gap.from())) before = s.value();
            else if (after == null && !s.ts().isBefore(gap.to())) after = s.value();
        }
        if (before == null) before = lookBack.lastQualityAssuredBefore(hourStart);
        if (before == null) before = after;
        if (after == null) after = before;
        int operating = lookBack.countBefore(hourStart);
        if (operating == 0) {
            return before == null ? new Substitution(maximumPotential, Tier.MAXIMUM_POTENTIAL)
                    : new Substitution((before + after) / 2, Tier.MEAN_BEFORE_AFTER);
        }
        List<Double> qa = lookBack.qualityAssuredBefore(hourStart);
        double pma = SubstitutionPolicy.pma(qa.size(), operating);
        if (before == null && pma >= 80) {
            // no GOOD value anywhere to average: the look-back's own value stands for both sides
            before = after = SubstitutionPolicy.percentile(qa, 100);
        }
        return SubstitutionPolicy.substitute(pma, lookBack.gapHoursBefore(hourStart) + 1, qa,
                before == null ? maximumPotential : before, after == null ? maximumPotential : after, maximumPotential);
    }

    /** The input's hourly value for the look-back: its mean over GOOD time, null when not quality-assured. */
    static Double hourlyValue(Instant from, Instant to, List<Sample> samples, Duration maxHold) {
        StepIntegral.Result r = StepIntegral.ofProduct(from, to, List.of(samples), maxHold);
        if (r.covered().compareTo(QUALITY_ASSURED) < 0) return null;
        return r.valueHours() / (r.covered().toNanos() / 3.6e12);
    }
}
