package io.plumeline.core.emissions;

import static io.plumeline.core.emissions.CalculationMethod.*;

import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SourceInput;
import io.plumeline.core.site.Tag;
import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitOfMeasure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hourly accounting of a source from the samples of its input tags, through the same {@link Calculator}
 * as every other calculation. The method's quantity input (fuel, flare gas or stack flow, a rate tag) is
 * integrated over the hour; every other tag input is averaged weighted by it (Eq. C-2b's fuel-weighted
 * HHV), so that fuel × HHV is the integral of flow × HHV. Only time in which every tag input has a GOOD
 * sample counts; the share of the hour it covers is the availability. Uncovered time is not filled in.
 * Flink only collects the samples and calls this.
 */
public final class HourlyEmissions {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final double NANOS_PER_HOUR = 3.6e12;

    /**
     * The input integrated over the hour, per method accounted hourly: the first of the names the source has. Its
     * integral weights the other tag inputs. Every other input in a quantity's dimension fed by a rate (a second
     * quantity: syngas, calcined coke, exported electricity) is integrated too.
     */
    private static final Map<CalculationMethod, List<String>> INTEGRATED = Map.ofEntries(
            Map.entry(EPA_C1, List.of("fuelQuantity")), Map.entry(EPA_C2A, List.of("fuelQuantity")),
            Map.entry(EPA_C5, List.of("fuelQuantity")), Map.entry(EPA_C8, List.of("fuelQuantity")),
            Map.entry(EPA_C6, List.of("stackFlow")), Map.entry(EPA_C10, List.of("heatInput")),
            Map.entry(EPA_Y1A, List.of("flareGas")), Map.entry(EPA_Y2, List.of("flareGas")), Map.entry(EPA_Y3, List.of("flareGas")),
            Map.entry(EPA_Y6, List.of("exhaustFlow")), Map.entry(EPA_Y8, List.of("cokeBurned")),
            Map.entry(EPA_Y12, List.of("sourGasFlow")), Map.entry(EPA_ZZ, List.of("greenCoke")), Map.entry(EPA_P1, List.of("feedstock")),
            Map.entry(EU_MRR_STD, List.of("fuelQuantity")), Map.entry(EU_MRR_CAT_CRACKER, List.of("airFlow")),
            Map.entry(EU_MRR_HYDROGEN, List.of("feedstock")),
            Map.entry(CN_MEE_COMBUSTION, List.of("fuelQuantity")), Map.entry(CN_MEE_FLARE, List.of("flareGas")),
            Map.entry(CN_MEE_FCC_COKE, List.of("cokeBurned")), Map.entry(CN_MEE_REFORMER_COKE, List.of("cokeBurned", "catalyst")),
            Map.entry(CN_MEE_HYDROGEN, List.of("feedstock")), Map.entry(CN_MEE_ETHYLENE_DECOKING, List.of("decokingGasFlow")),
            Map.entry(CN_MEE_CO2_RECOVERY, List.of("recoveredGas")), Map.entry(CN_MEE_ELECTRICITY, List.of("electricity")),
            Map.entry(CN_MEE_HEAT, List.of("heat")),
            Map.entry(EPA_PART75_F11, List.of("stackFlow")), Map.entry(POLLUTANT_MASS, List.of("stackFlow")));
    /** Methods whose equation takes a mean rate and a duration rather than a quantity. */
    private static final Set<CalculationMethod> RATE_TIMES_DURATION =
            Set.of(EPA_C6, EPA_Y6, EPA_PART75_F11, EU_MRR_CAT_CRACKER, CN_MEE_ETHYLENE_DECOKING, POLLUTANT_MASS);

    private static final Factors DEFAULT_FACTORS = Factors.defaults();
    /** The calculator with the factor tables shipped with core: what the Flink job accounts with. */
    public static final Calculator DEFAULT_CALCULATOR = new Calculator(DEFAULT_FACTORS);

    private HourlyEmissions() {
    }

    /**
     * The inputs of one source-hour as a calculation request, with the availability of its tag data as measured, the
     * minutes of the hour made whole by substitution (time every input is GOOD once filled, less the available time)
     * and the fills applied to each input.
     */
    public record HourlyInputs(Calculation calculation, double availabilityPct, double substitutedMin,
                               List<InputFill> fills) {

        public HourlyInputs {
            fills = List.copyOf(fills);
        }

        /** Nothing substituted. */
        public HourlyInputs(Calculation calculation, double availabilityPct) {
            this(calculation, availabilityPct, 0, List.of());
        }
    }

    /**
     * The key under which {@code samplesByInput} holds the samples of {@code input}'s backup tag (site model
     * {@code missingData.<input>.backup}), as read: in the backup tag's own unit.
     */
    public static String backupKey(String input) {
        return input + ".backup";
    }

    /**
     * The tags whose readings the job hands over with the source's inputs though no input reads them, by key: each
     * input's backup tag ({@link #backupKey}), the operating-status tag ({@link OperatingHours#STATUS_KEY}) and the
     * load tag ({@link Part75LoadRange#LOAD_KEY}).
     */
    public static Map<String, String> auxiliaryTags(EmissionSource source) {
        Map<String, String> tags = new LinkedHashMap<>();
        source.missingData().forEach((input, md) -> {
            if (md.backup() != null) tags.put(backupKey(input), md.backup());
        });
        if (source.operatingStatus() != null) tags.put(OperatingHours.STATUS_KEY, source.operatingStatus().tag());
        if (source.load() != null) tags.put(Part75LoadRange.LOAD_KEY, source.load().tag());
        return tags;
    }

    /**
     * The keys under which a tag's readings reach the source: its inputs that read the tag (a tag may feed the same
     * source twice) and its {@link #auxiliaryTags}, by tag.
     */
    public static Map<String, List<String>> keysByTag(EmissionSource source) {
        Map<String, List<String>> byTag = new LinkedHashMap<>();
        source.inputs().forEach((input, spec) -> {
            if (spec.isTag()) byTag.computeIfAbsent(spec.tag(), t -> new ArrayList<>()).add(input);
        });
        auxiliaryTags(source).forEach((key, tag) -> byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(key));
        return byTag;
    }

    /** Whether the source's method is accounted hourly (every method but the mass balance). */
    public static boolean accounts(EmissionSource source) {
        return CalculationMethod.find(source.method()).map(INTEGRATED::containsKey).orElse(false);
    }

    /** Every gas of the source in the hour, with the factor tables shipped with core. */
    public static List<HourlyEmission> compute(SiteModel model, EmissionSource source, Instant hourStart,
                                               Map<String, List<Sample>> samplesByInput, Duration maxHold) {
        return compute(model, source, hourStart, samplesByInput, maxHold, DEFAULT_CALCULATOR);
    }

    /**
     * One {@link HourlyEmission} per gas the method gives (CO2, then CH4 and N2O for Tier 1–3, pollutants for
     * POLLUTANT_MASS), CO2e per the site's GWP set, then, when the method gives a greenhouse gas, the hour's
     * {@link HourlyEmission#CO2E} total. {@code samplesByInput} holds, per input name fed by a tag, its samples
     * in the hour and the last one before it. {@link SourceHourAccount} gives the working with them.
     */
    public static List<HourlyEmission> compute(SiteModel model, EmissionSource source, Instant hourStart,
                                               Map<String, List<Sample>> samplesByInput, Duration maxHold,
                                               Calculator calculator) {
        return SourceHourAccount.of(model, source, hourStart, samplesByInput, maxHold, calculator).emissions();
    }

    /**
     * Fails, naming the source, when an accounted source cannot be computed (a fuel missing from the factor
     * tables, a default the fuel does not have): at start, not at the first hour.
     */
    public static void check(SiteModel model, Calculator calculator) {
        Instant any = Instant.EPOCH;
        for (EmissionSource source : model.sources()) {
            if (!accounts(source)) continue;
            try {
                calculator.calculate(inputs(model, source, any, Map.of(), HOUR).calculation());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("source '" + source.id() + "' (" + source.method()
                        + ") cannot be accounted: " + e.getMessage(), e);
            }
        }
    }

    /** The calculation request of one source-hour with nothing known beyond the hour ({@link MissingDataContext#NONE}). */
    public static HourlyInputs inputs(SiteModel model, EmissionSource source, Instant hourStart,
                                      Map<String, List<Sample>> samplesByInput, Duration maxHold) {
        return inputs(model, source, hourStart, samplesByInput, maxHold, MissingDataContext.NONE);
    }

    /**
     * The calculation request of one source-hour (docs/calculations.md, "Missing data"). Each input counts on its own
     * coverage: the integrated input over the time it is GOOD, every other input weighted by it over the time that
     * input is GOOD, so that a missing HHV never removes fuel. Under the program's rule ({@code substitution:
     * PROGRAM}) each input's gaps are first filled ({@link GapFill}) and readings outside the tag's {@code valid}
     * range are gaps too (§98.253(b)(1)(i) for Part 98 flares, MRR Art. 44(2) "outside the measuring range"). A
     * negative sample of the integrated rate counts as zero (a flow meter's noise around no flow); a negative sample
     * of any other input is no valid reading and counts as a gap. The availability is the share of the hour in which
     * every tag input was GOOD as measured.
     */
    public static HourlyInputs inputs(SiteModel model, EmissionSource source, Instant hourStart,
                                      Map<String, List<Sample>> samplesByInput, Duration maxHold, MissingDataContext context) {
        return inputs(model, source, hourStart, samplesByInput, maxHold, context, true);
    }

    /**
     * The calculation request of an hour in which the source did not operate ({@link OperatingHours}): nothing
     * burned or flowed, so every tag input is zero and nothing is filled; its status data covered the hour.
     */
    public static HourlyInputs notOperating(SiteModel model, EmissionSource source, Instant hourStart, Duration maxHold) {
        HourlyInputs none = inputs(model, source, hourStart, Map.of(), maxHold, MissingDataContext.NONE, false);
        return new HourlyInputs(none.calculation(), 100.0, 0, List.of());
    }

    private static HourlyInputs inputs(SiteModel model, EmissionSource source, Instant hourStart,
                                       Map<String, List<Sample>> samplesByInput, Duration maxHold, MissingDataContext context,
                                       boolean fill) {
        CalculationMethod method = CalculationMethod.find(source.method()).orElseThrow(() ->
                new IllegalArgumentException("unknown method '" + source.method() + "' of source '" + source.id() + "'"));
        List<String> candidates = INTEGRATED.get(method);
        if (candidates == null) {
            throw new IllegalArgumentException("method " + method + " of source '" + source.id() + "' is not accounted hourly");
        }
        String integrated = candidates.stream().filter(source.inputs()::containsKey).findFirst().orElse(candidates.get(0));
        if (!source.inputs().containsKey(integrated)) {
            throw new IllegalArgumentException("source '" + source.id() + "' (" + method + ") has no input " + candidates
                    + " to account the hour by");
        }
        Instant end = hourStart.plus(HOUR);
        MissingDataRule rule = fill && EmissionSource.PROGRAM.equals(source.substitution())
                ? MissingDataRule.ofProgram(model.site().program()).orElse(null) : null;
        Map<String, List<Sample>> measured = new LinkedHashMap<>();
        source.inputs().forEach((name, spec) -> {
            if (!spec.isTag()) return;
            List<Sample> samples = samplesByInput.getOrDefault(name, List.of());
            boolean rate = name.equals(integrated) || isQuantityRate(method, name, unitOf(model, spec));
            samples = rate ? clampedAtZero(samples) : negativeAsGap(samples);
            measured.put(name, rule == null ? samples : outOfRangeAsGap(samples, model.tag(spec.tag()).orElseThrow().valid()));
        });
        double availableHours = coveredHours(hourStart, end, measured.values(), maxHold);

        Map<String, List<Sample>> used = new LinkedHashMap<>(measured);
        List<InputFill> fills = new ArrayList<>();
        if (rule != null) {
            for (Map.Entry<String, List<Sample>> input : measured.entrySet()) {
                GapFill.Filled f = GapFill.forInput(model, source, method, rule, input.getKey(), input.getValue(),
                        samplesByInput, hourStart, end, maxHold, context);
                used.put(input.getKey(), f.samples());
                fills.addAll(f.fills());
            }
        }
        double usedHours = coveredHours(hourStart, end, used.values(), maxHold);
        double substitutedMin = 60 * (usedHours - availableHours);

        SourceInput spec = source.inputs().get(integrated);
        boolean weighted = used.containsKey(integrated);
        List<Sample> flow = used.get(integrated);
        // the integrated rate over its own GOOD time; a constant rate holds for the whole hour
        double flowHours = weighted ? coveredHours(hourStart, end, List.of(flow), maxHold) : 1;
        double weight = weighted ? StepIntegral.ofProduct(hourStart, end, List.of(flow), maxHold).valueHours() : spec.value();

        Map<String, Quantity> quantities = new LinkedHashMap<>();
        UnitOfMeasure rateUnit = unitOf(model, spec);
        if (RATE_TIMES_DURATION.contains(method)) {
            quantities.put(integrated, new Quantity(weighted ? (flowHours > 0 ? weight / flowHours : 0) : spec.value(), rateUnit));
            quantities.put("duration", Quantity.of(flowHours, "h"));
        } else {
            UnitOfMeasure quantityUnit = rateUnit.integratedOverTime().orElse(null);
            if (quantityUnit == null && weighted) {
                throw new IllegalArgumentException("source '" + source.id() + "': " + integrated + " tag '" + spec.tag()
                        + "' is in '" + rateUnit + "', not a rate that can be integrated over the hour");
            }
            quantities.put(integrated, weighted ? new Quantity(weight, quantityUnit)
                    : quantityUnit == null ? spec.constant() : new Quantity(spec.value(), quantityUnit));
        }
        for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
            String name = input.getKey();
            if (name.equals(integrated)) continue;
            UnitOfMeasure unit = unitOf(model, input.getValue());
            boolean quantity = isQuantityRate(method, name, unit);
            if (!input.getValue().isTag()) {
                // a constant rate of a second quantity (exported power) over the hours the source is accounted
                quantities.put(name, quantity ? new Quantity(input.getValue().value() * usedHours, unit.integratedOverTime().orElseThrow())
                        : input.getValue().constant());
                continue;
            }
            if (quantity) {
                // a second quantity fed by a rate (syngas, calcined coke) is integrated over its own (filled) GOOD time
                quantities.put(name, new Quantity(StepIntegral.ofProduct(hourStart, end, List.of(used.get(name)), maxHold)
                        .valueHours(), unit.integratedOverTime().orElseThrow()));
                continue;
            }
            // Eq. C-2b: weighted by the (filled) flow over the time this input is GOOD
            List<Sample> x = used.get(name);
            List<List<Sample>> numerator = weighted ? List.of(x, flow) : List.of(x);
            List<List<Sample>> denominator = weighted ? List.of(indicator(x), flow) : List.of(indicator(x));
            double product = StepIntegral.ofProduct(hourStart, end, numerator, maxHold).valueHours();
            double over = StepIntegral.ofProduct(hourStart, end, denominator, maxHold).valueHours();
            quantities.put(name, new Quantity(over > 0 ? product / over : 0, unitOf(model, input.getValue())));
        }
        if (method.input("airO2").isPresent() && !quantities.containsKey("airO2")) {
            FlueGasBasis.airO2Of(model.site().program()).ifPresent(o2 -> quantities.put("airO2", Quantity.of(o2, "vol%")));
        }
        Calculation calculation = new Calculation(method, source.fuel(), GwpSet.of(model.site().gwp()), quantities, List.of());
        return new HourlyInputs(calculation, 100.0 * availableHours, substitutedMin, fills);
    }

    /**
     * Whether {@code unit} feeds input {@code name} of {@code method} as a rate of the quantity it takes (Nm3/h for a
     * gas volume): such an input is integrated over the hour like the method's first quantity, not averaged.
     */
    private static boolean isQuantityRate(CalculationMethod method, String name, UnitOfMeasure unit) {
        MethodInput spec = method.input(name).orElse(null);
        return spec != null && !spec.dimensions().contains(unit.dimension()) && unit.integratedOverTime().isPresent()
                && spec.dimensions().contains(unit.integratedOverTime().get().dimension());
    }

    /** The hours of [from, to) in which every series held a GOOD value. */
    private static double coveredHours(Instant from, Instant to, java.util.Collection<List<Sample>> series, Duration maxHold) {
        List<List<Sample>> indicators = series.stream().map(HourlyEmissions::indicator).toList();
        return StepIntegral.ofProduct(from, to, indicators, maxHold).covered().toNanos() / NANOS_PER_HOUR;
    }

    /** A series as 1 where GOOD, so that a product counts only where it is GOOD. */
    private static List<Sample> indicator(List<Sample> samples) {
        return samples.stream().map(s -> new Sample(s.ts(), s.isGood() ? 1.0 : null)).toList();
    }

    /** A reading outside the tag's valid range is no valid reading under a program's rule: a gap to fill. */
    private static List<Sample> outOfRangeAsGap(List<Sample> samples, Tag.ValidRange valid) {
        if (valid == null) return samples;
        return samples.stream().map(s -> s.isGood() && !valid.contains(s.value()) ? new Sample(s.ts(), null) : s).toList();
    }

    private static List<Sample> clampedAtZero(List<Sample> samples) {
        return samples.stream().map(s -> s.isGood() && s.value() < 0 ? new Sample(s.ts(), 0.0) : s).toList();
    }

    private static List<Sample> negativeAsGap(List<Sample> samples) {
        return samples.stream().map(s -> s.isGood() && s.value() < 0 ? new Sample(s.ts(), null) : s).toList();
    }

    private static UnitOfMeasure unitOf(SiteModel model, SourceInput input) {
        return input.isTag() ? model.tag(input.tag()).orElseThrow().unitOfMeasure() : UnitOfMeasure.of(input.uom());
    }
}
