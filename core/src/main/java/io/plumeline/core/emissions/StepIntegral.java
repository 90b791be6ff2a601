package io.plumeline.core.emissions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Time-weighted integration of sampled inputs. Each input is a step function: a sample holds its value
 * from its timestamp until the next sample, but no longer than {@code maxHold}, so a silent instrument
 * shows as a gap instead of a frozen value. A sample before {@code from} carries into the period.
 */
public final class StepIntegral {

    private static final double NANOS_PER_HOUR = 3.6e12;

    private StepIntegral() {
    }

    /** The integral over [from, to) of the product of the inputs, and how long every input was GOOD. */
    public record Result(double valueHours, Duration covered) {

        /** The product's mean over the time it was covered (NaN when it never was). */
        public double mean() {
            return valueHours / (covered.toNanos() / NANOS_PER_HOUR);
        }
    }

    public static Result ofProduct(Instant from, Instant to, List<List<Sample>> inputs, Duration maxHold) {
        List<List<Sample>> sorted = inputs.stream()
                .map(s -> s.stream().sorted(Comparator.comparing(Sample::ts)).toList()).toList();
        TreeSet<Instant> breaks = new TreeSet<>(List.of(from, to));
        for (List<Sample> series : sorted) {
            for (Sample s : series) {
                addWithin(breaks, s.ts(), from, to);
                addWithin(breaks, s.ts().plus(maxHold), from, to);
            }
        }
        List<Instant> points = new ArrayList<>(breaks);
        int[] cursor = new int[sorted.size()];
        double integral = 0;
        long coveredNanos = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            Instant a = points.get(i);
            long nanos = Duration.between(a, points.get(i + 1)).toNanos();
            Double product = productAt(a, sorted, cursor, maxHold);
            if (product != null) {
                integral += product * nanos / NANOS_PER_HOUR;
                coveredNanos += nanos;
            }
        }
        return new Result(integral, Duration.ofNanos(coveredNanos));
    }

    /** A stretch of time [from, to): where a series held a GOOD value, or a gap in it. */
    public record Interval(Instant from, Instant to) {
        public long nanos() {
            return Duration.between(from, to).toNanos();
        }
    }

    /** The stretches of [from, to) in which {@code samples} held a GOOD value, under the same hold rule as {@link #ofProduct}. */
    public static List<Interval> goodIntervals(Instant from, Instant to, List<Sample> samples, Duration maxHold) {
        List<Sample> sorted = samples.stream().sorted(Comparator.comparing(Sample::ts)).toList();
        List<Interval> good = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Sample s = sorted.get(i);
            if (!s.isGood()) continue;
            Instant end = s.ts().plus(maxHold);
            if (i + 1 < sorted.size() && sorted.get(i + 1).ts().isBefore(end)) end = sorted.get(i + 1).ts();
            Instant a = s.ts().isBefore(from) ? from : s.ts();
            Instant b = end.isAfter(to) ? to : end;
            if (!a.isBefore(b)) continue;
            if (!good.isEmpty() && good.get(good.size() - 1).to().equals(a)) {
                good.set(good.size() - 1, new Interval(good.get(good.size() - 1).from(), b));
            } else {
                good.add(new Interval(a, b));
            }
        }
        return good;
    }

    /** The stretches of [from, to) not in {@code covered} (sorted, disjoint). */
    public static List<Interval> complement(Instant from, Instant to, List<Interval> covered) {
        List<Interval> gaps = new ArrayList<>();
        Instant at = from;
        for (Interval c : covered) {
            if (at.isBefore(c.from())) gaps.add(new Interval(at, c.from()));
            if (c.to().isAfter(at)) at = c.to();
        }
        if (at.isBefore(to)) gaps.add(new Interval(at, to));
        return gaps;
    }

    private static void addWithin(TreeSet<Instant> breaks, Instant t, Instant from, Instant to) {
        if (t.isAfter(from) && t.isBefore(to)) breaks.add(t);
    }

    /** Product of the values held at {@code t}; cursors advance monotonically as t only grows. */
    private static Double productAt(Instant t, List<List<Sample>> inputs, int[] cursor, Duration maxHold) {
        double product = 1;
        for (int k = 0; k < inputs.size(); k++) {
            List<Sample> series = inputs.get(k);
            while (cursor[k] < series.size() && !series.get(cursor[k]).ts().isAfter(t)) cursor[k]++;
            Sample held = cursor[k] == 0 ? null : series.get(cursor[k] - 1);
            if (held == null || !held.isGood() || !t.isBefore(held.ts().plus(maxHold))) return null;
            product *= held.value();
        }
        return product;
    }
}
