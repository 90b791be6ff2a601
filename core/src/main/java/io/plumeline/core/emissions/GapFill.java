package io.plumeline.core.emissions;

import io.plumeline.core.emissions.MissingDataContext.InputHistory;
import io.plumeline.core.emissions.MissingDataRule.Rule;
import io.plumeline.core.emissions.StepIntegral.Interval;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fills one input's gaps in an hour under its program's rule, as substitute samples in the gaps: where the backup
 * tag is GOOD with its readings, elsewhere with {@link MissingDataRule#estimate}. A substitute sample every
 * {@code maxHold} keeps the filled series a step function of the same hold rule as the measured one, so the
 * hour is integrated by {@link StepIntegral} whether filled or not.
 */
final class GapFill {

    /** The input's samples with its gaps filled, and what was filled. */
    record Filled(List<Sample> samples, List<InputFill> fills) {
    }

    /** How an input is filled: its rule, its backup tag (or null), its tag's conservative limit and direction. */
    record Spec(String input, String uom, Rule rule, String backupTag, Double limit, boolean higherIsConservative) {
    }

    private GapFill() {
    }

    /**
     * Fills {@code input} of {@code source} under {@code rule}: its backup tag's samples (under
     * {@link HourlyEmissions#backupKey}) converted to the input tag's unit, the conservative end of its valid range.
     */
    static Filled forInput(SiteModel model, EmissionSource source, CalculationMethod method, MissingDataRule rule,
                           String input, List<Sample> measured, Map<String, List<Sample>> samplesByInput, Instant from,
                           Instant to, Duration maxHold, MissingDataContext context) {
        Tag tag = model.tag(source.inputs().get(input).tag()).orElseThrow();
        // a higher value gives more emissions for every input but the moisture C-7 takes off a dry concentration and
        // the measured O2 an O2-referenced concentration is diluted by, C_ref × (20.9 − O2)/(20.9 − O2_ref); of a
        // deduction (CO2 recovered) a higher value takes more off the total, so there the lower one is conservative
        boolean higher = (!input.equals("moisture") && !input.equals("o2")) != (method.accounting() == Accounting.DEDUCTION);
        Tag.ValidRange valid = tag.valid();
        Double limit;
        if (higher) limit = valid == null ? null : valid.max();
        else limit = valid == null || valid.min() == null ? Double.valueOf(0) : valid.min();
        EmissionSource.InputMissingData md = source.missingData().get(input);
        String backupTag = md == null ? null : md.backup();
        List<Sample> backup = null;
        if (backupTag != null) {
            double factor = model.tag(backupTag).orElseThrow().unitOfMeasure().factorTo(tag.unitOfMeasure());
            backup = samplesByInput.getOrDefault(HourlyEmissions.backupKey(input), List.of()).stream()
                    .map(s -> s.isGood() && valid(model.tag(backupTag).orElseThrow(), s.value())
                            ? new Sample(s.ts(), s.value() * factor) : new Sample(s.ts(), null)).toList();
        }
        long measuredNanos = StepIntegral.goodIntervals(from, to, measured.stream().sorted(Comparator.comparing(Sample::ts))
                .toList(), maxHold).stream().mapToLong(Interval::nanos).sum();
        double share = (double) measuredNanos / Duration.between(from, to).toNanos();
        Spec spec = new Spec(input, tag.uom(), rule.ruleFor(method, input, share), backupTag, limit, higher);
        return fill(spec, measured, backup, from, to, maxHold, context.of(input));
    }

    private static boolean valid(Tag tag, double value) {
        return value >= 0 && (tag.valid() == null || tag.valid().contains(value));
    }

    /**
     * {@code measured}: the input's samples with invalid readings as null; {@code backup}: the backup tag's samples
     * converted to the input tag's unit (null without a backup).
     */
    static Filled fill(Spec spec, List<Sample> measured, List<Sample> backup, Instant from, Instant to, Duration maxHold,
                       InputHistory history) {
        List<Sample> sorted = measured.stream().sorted(Comparator.comparing(Sample::ts)).toList();
        List<Interval> gaps = StepIntegral.complement(from, to, StepIntegral.goodIntervals(from, to, sorted, maxHold));
        List<Sample> substitutes = new ArrayList<>();
        List<Interval> filled = new ArrayList<>();
        Map<String, double[]> byRule = new LinkedHashMap<>(); // key → {nanos, value × nanos, filled ? 1 : 0}
        // MRR Art. 44(2): the hour is what was measured of it, and no backup or estimate takes part
        boolean hourlyMean = spec.rule().estimate() == MissingDataRule.Estimate.MEAN_OF_REMAINING;
        MissingDataRule.Value hourMean = hourlyMean ? meanOfRemaining(sorted, from, to, maxHold) : null;
        for (Interval gap : gaps) {
            List<Interval> backed = backup == null || hourlyMean ? List.of()
                    : StepIntegral.goodIntervals(gap.from(), gap.to(), backup, maxHold);
            for (Interval piece : backed) {
                List<Sample> s = backupSubstitutes(piece, backup, maxHold);
                add(byRule, InputFill.BACKUP_TAG + "|", piece.nanos(), integral(s, piece), true);
                substitutes.addAll(s);
                filled.add(piece);
            }
            List<Interval> rest = StepIntegral.complement(gap.from(), gap.to(), backed);
            if (rest.isEmpty()) continue;
            Double before = lastGoodBefore(sorted, gap.from());
            Double after = firstGoodFrom(sorted, gap.to(), to);
            MissingDataRule.Value value = hourlyMean ? hourMean : MissingDataRule.estimate(spec.rule().estimate(),
                    before != null ? before : history.lastBefore(), after != null ? after : history.firstAfter(),
                    history.reference(), spec.limit(), spec.higherIsConservative());
            for (Interval piece : rest) {
                boolean has = value.value() != null;
                add(byRule, spec.rule().id() + "|" + (value.fallback() == null ? "" : value.fallback()), piece.nanos(),
                        has ? value.value() * piece.nanos() : 0, has);
                if (!has) continue;
                for (Instant t = piece.from(); t.isBefore(piece.to()); t = t.plus(maxHold)) substitutes.add(new Sample(t, value.value()));
                filled.add(piece);
            }
        }
        List<Sample> samples = new ArrayList<>(sorted.stream().filter(s -> !inAny(s.ts(), filled)).toList());
        samples.addAll(substitutes);
        samples.sort(Comparator.comparing(Sample::ts));
        return new Filled(samples, fills(spec, byRule));
    }

    /** The time-weighted mean of the GOOD values held in [from, to). */
    private static MissingDataRule.Value meanOfRemaining(List<Sample> sorted, Instant from, Instant to, Duration maxHold) {
        StepIntegral.Result held = StepIntegral.ofProduct(from, to, List.of(sorted), maxHold);
        return new MissingDataRule.Value(held.valueHours() * 3.6e12 / held.covered().toNanos(), null);
    }

    /** The backup's value held at the start of the piece, at each of its readings in it, and every maxHold. */
    private static List<Sample> backupSubstitutes(Interval piece, List<Sample> backup, Duration maxHold) {
        TreeSet<Instant> times = new TreeSet<>();
        for (Instant t = piece.from(); t.isBefore(piece.to()); t = t.plus(maxHold)) times.add(t);
        backup.stream().map(Sample::ts).filter(t -> !t.isBefore(piece.from()) && t.isBefore(piece.to())).forEach(times::add);
        List<Sample> sortedBackup = backup.stream().sorted(Comparator.comparing(Sample::ts)).toList();
        List<Sample> out = new ArrayList<>();
        for (Instant t : times) {
            Sample held = null;
            for (Sample b : sortedBackup) {
                if (b.ts().isAfter(t)) break;
                held = b;
            }
            out.add(new Sample(t, held.value()));
        }
        return out;
    }

    /** ∫ value dt (value × nanos) of consecutive substitutes over the piece. */
    private static double integral(List<Sample> substitutes, Interval piece) {
        double sum = 0;
        for (int i = 0; i < substitutes.size(); i++) {
            Instant end = i + 1 < substitutes.size() ? substitutes.get(i + 1).ts() : piece.to();
            sum += substitutes.get(i).value() * Duration.between(substitutes.get(i).ts(), end).toNanos();
        }
        return sum;
    }

    private static void add(Map<String, double[]> byRule, String key, long nanos, double valueNanos, boolean filled) {
        double[] acc = byRule.computeIfAbsent(key, k -> new double[] {0, 0, filled ? 1 : 0});
        acc[0] += nanos;
        acc[1] += valueNanos;
    }

    private static List<InputFill> fills(Spec spec, Map<String, double[]> byRule) {
        List<InputFill> fills = new ArrayList<>();
        byRule.forEach((key, acc) -> {
            String id = key.substring(0, key.indexOf('|'));
            String fallback = key.substring(key.indexOf('|') + 1);
            boolean backup = id.equals(InputFill.BACKUP_TAG);
            fills.add(new InputFill(spec.input(), id, backup ? spec.rule().citation() + ": backup tag '" + spec.backupTag() + "'"
                    : spec.rule().citation(), acc[0] / 6e10, acc[2] == 1 ? acc[1] / acc[0] : null, spec.uom(),
                    fallback.isEmpty() ? null : fallback));
        });
        return fills;
    }

    private static Double lastGoodBefore(List<Sample> sorted, Instant t) {
        Double last = null;
        for (Sample s : sorted) {
            if (!s.ts().isBefore(t)) break;
            if (s.isGood()) last = s.value();
        }
        return last;
    }

    private static Double firstGoodFrom(List<Sample> sorted, Instant t, Instant hourEnd) {
        return sorted.stream().filter(s -> s.isGood() && !s.ts().isBefore(t) && s.ts().isBefore(hourEnd))
                .findFirst().map(Sample::value).orElse(null);
    }

    private static boolean inAny(Instant t, List<Interval> intervals) {
        return intervals.stream().anyMatch(i -> !t.isBefore(i.from()) && t.isBefore(i.to()));
    }
}
