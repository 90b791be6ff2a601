package io.plumeline.flink.accounting;

import io.plumeline.core.emissions.Part75Availability;
import io.plumeline.core.emissions.Part75HourValidity;
import io.plumeline.core.emissions.Part75LoadRange;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.StepIntegral;
import io.plumeline.core.emissions.SubstitutionPolicy;
import io.plumeline.core.emissions.SubstitutionPolicy.Direction;
import io.plumeline.core.emissions.SubstitutionPolicy.Substitution;
import io.plumeline.core.emissions.SubstitutionPolicy.Tier;
import io.plumeline.flink.HourlyValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One input of one hour of a {@code PART75} source as Part 75 sees it: an hour, not minutes. A valid hour (40 CFR
 * 75.10(d)(1), core's {@link Part75HourValidity}) is measured; when it has gaps between its readings its value, the
 * average of its valid readings, holds for the whole hour. An invalid hour is missing data as a whole: the value
 * the rule gives holds for the whole hour, whatever readings it had: the §75.31 initial period until 720 (2,160 for a
 * flow) quality-assured hours, then §75.33 by the PMA of §75.32 (core's {@link Part75Availability},
 * {@link SubstitutionPolicy}). The history is the input's hourly values ({@link HourlyValues}); "the hour before and
 * the hour after the missing data period" are its quality-assured hourly values, the one after known only when the
 * hour is computed again after a later one (else the one before stands for both). Moisture and O2 are substituted on
 * their low side ({@link Direction}). A flow or NOx monitor of a source with a load is filled by the hour's load range
 * instead (§75.33(c) Table 2, §75.31(c); core's {@link Part75LoadRange}), from the hours recorded with theirs.
 */
final class Part75Substitution {

    /** An hour counts as quality-assured in a reference period when the input was GOOD for at least this long. */
    static final Duration QUALITY_ASSURED = Duration.ofMinutes(45);
    private static final long HOUR_MS = 3_600_000L;

    private Part75Substitution() {
    }

    record Filled(List<Sample> samples, Tier tier) {
    }

    /**
     * The input's samples as the hour is computed from, and the tier that made the hour whole: null for a valid hour
     * without gaps (its samples come back unchanged).
     *
     * @param loadRange the hour's load range for a load-based input (a flow or NOx monitor of a source with a load),
     *                  null for every other input
     */
    static Filled fill(Instant from, Instant to, List<Sample> samples, Duration maxHold, HourlyValues lookBack,
                       boolean flow, Direction direction, double potential, Integer loadRange) {
        OptionalDouble valid = Part75HourValidity.hourlyValue(from, samples);
        if (valid.isPresent()) {
            List<StepIntegral.Interval> good = StepIntegral.goodIntervals(from, to, samples, maxHold);
            if (StepIntegral.complement(from, to, good).isEmpty()) return new Filled(samples, null);
            return new Filled(whole(from, to, samples, maxHold, valid.getAsDouble()), Tier.VALID_HOUR_AVERAGE);
        }
        Substitution s = substitution(from.toEpochMilli(), lookBack, flow, direction, potential, loadRange);
        return new Filled(whole(from, to, samples, maxHold, s.value()), s.tier());
    }

    /** The value of a missing hour: §75.31 in the initial period, else §75.33 by the PMA of §75.32. */
    private static Substitution substitution(long hourStart, HourlyValues history, boolean flow, Direction direction,
                                             double potential, Integer loadRange) {
        // a load-based NOx concentration monitor counts 2,160 hours and is filled like a flow monitor (§75.31(a), (c))
        boolean flowOrNox = flow || loadRange != null;
        int required = flowOrNox ? Part75Availability.FLOW_HOURS : Part75Availability.CONCENTRATION_HOURS;
        Double before = history.lastQualityAssuredBefore(hourStart);
        Double after = history.firstQualityAssuredAfter(hourStart);
        // §75.33(a): quality-assured hours from no earlier than 26,280 clock hours before the missing hour
        long since = hourStart - Part75Availability.INITIAL_PERIOD_CLOCK_HOURS * HOUR_MS;
        if (Part75Availability.initialPeriod(history.qualityAssuredHoursBefore(hourStart),
                history.clockHoursSinceFirst(hourStart), required)) {
            List<Double> previous = loadRange == null ? history.qualityAssuredBetween(since, hourStart)
                    : atLoad(history.latestQualityAssuredWithLoad(since, hourStart, Integer.MAX_VALUE), loadRange);
            return SubstitutionPolicy.initial(direction, flowOrNox, before, after, previous, potential);
        }
        int window = Math.min(Part75Availability.window(history.operatingHoursBefore(hourStart)),
                history.countBefore(hourStart));
        double pma = Part75Availability.percent(history.qualityAssuredOfLatest(hourStart, window), window);
        if (loadRange != null) {
            return SubstitutionPolicy.substituteAtLoad(pma, history.gapHoursBefore(hourStart) + 1,
                    atLoad(history.latestQualityAssuredWithLoad(since, hourStart, required), loadRange), potential);
        }
        // no quality-assured hour kept at all only with a PMA of 0 %, whose tier is the potential value anyway
        double hourBefore = before == null ? potential : before;
        return SubstitutionPolicy.substitute(direction, pma, history.gapHoursBefore(hourStart) + 1,
                history.latestQualityAssured(since, hourStart, required), hourBefore,
                after == null ? hourBefore : after, potential);
    }

    private static List<Double> atLoad(HourlyValues.LoadedValues lookBack, int loadRange) {
        return Part75LoadRange.valuesAt(loadRange, lookBack.ranges(), lookBack.values());
    }

    /**
     * {@code value} for the whole hour: the GOOD samples with a sample of {@code value} at the hour's start, every
     * minute (or max hold, when shorter) and at each of the hour's own readings. A substitute sorts after the reading
     * of its instant and so is the one held; a recompute from the lineage (the GOOD readings and the substitutes)
     * gives the same series.
     */
    private static List<Sample> whole(Instant from, Instant to, List<Sample> samples, Duration maxHold, double value) {
        List<Sample> good = samples.stream().filter(Sample::isGood).sorted(Comparator.comparing(Sample::ts)).toList();
        List<Sample> filled = new ArrayList<>(good);
        Duration step = maxHold.compareTo(Duration.ofMinutes(1)) < 0 ? maxHold : Duration.ofMinutes(1);
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) filled.add(new Sample(t, value));
        for (Sample s : good) {
            boolean inHour = !s.ts().isBefore(from) && s.ts().isBefore(to);
            if (inHour && (s.ts().toEpochMilli() - from.toEpochMilli()) % step.toMillis() != 0) {
                filled.add(new Sample(s.ts(), value));
            }
        }
        filled.sort(Comparator.comparing(Sample::ts));
        return filled;
    }

    /** The input's hourly value for a reference period: its mean over GOOD time, null when not quality-assured. */
    static Double hourlyValue(Instant from, Instant to, List<Sample> samples, Duration maxHold) {
        StepIntegral.Result r = StepIntegral.ofProduct(from, to, List.of(samples), maxHold);
        if (r.covered().compareTo(QUALITY_ASSURED) < 0) return null;
        return r.mean();
    }
}
