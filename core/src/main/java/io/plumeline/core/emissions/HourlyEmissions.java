package io.plumeline.core.emissions;

import static io.plumeline.core.emissions.CalculationMethod.CN_MEE_COMBUSTION;
import static io.plumeline.core.emissions.CalculationMethod.EPA_C1;
import static io.plumeline.core.emissions.CalculationMethod.EPA_C2A;
import static io.plumeline.core.emissions.CalculationMethod.EPA_C5;
import static io.plumeline.core.emissions.CalculationMethod.EPA_C6;
import static io.plumeline.core.emissions.CalculationMethod.EPA_C8;
import static io.plumeline.core.emissions.CalculationMethod.EPA_PART75_F11;
import static io.plumeline.core.emissions.CalculationMethod.EPA_Y1A;
import static io.plumeline.core.emissions.CalculationMethod.EPA_Y3;
import static io.plumeline.core.emissions.CalculationMethod.EU_MRR_STD;
import static io.plumeline.core.emissions.CalculationMethod.POLLUTANT_MASS;

import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SourceInput;
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

    /** The input integrated over the hour, per method accounted hourly. */
    private static final Map<CalculationMethod, String> INTEGRATED = Map.ofEntries(
            Map.entry(EPA_C1, "fuelQuantity"), Map.entry(EPA_C2A, "fuelQuantity"), Map.entry(EPA_C5, "fuelQuantity"),
            Map.entry(EPA_C8, "fuelQuantity"), Map.entry(EPA_C6, "stackFlow"), Map.entry(EPA_PART75_F11, "stackFlow"),
            Map.entry(EPA_Y1A, "flareGas"), Map.entry(EPA_Y3, "flareGas"), Map.entry(EU_MRR_STD, "fuelQuantity"),
            Map.entry(CN_MEE_COMBUSTION, "fuelQuantity"), Map.entry(POLLUTANT_MASS, "stackFlow"));
    /** Methods whose equation takes a mean rate and a duration rather than a quantity. */
    private static final Set<CalculationMethod> RATE_TIMES_DURATION = Set.of(EPA_C6, EPA_PART75_F11, POLLUTANT_MASS);

    private static final Factors DEFAULT_FACTORS = Factors.defaults();
    /** The calculator with the factor tables shipped with core: what the Flink job accounts with. */
    public static final Calculator DEFAULT_CALCULATOR = new Calculator(DEFAULT_FACTORS);

    private HourlyEmissions() {
    }

    /** The inputs of one source-hour as a calculation request, with the availability of its tag data. */
    public record HourlyInputs(Calculation calculation, double availabilityPct) {
    }

    /** Whether the source's method is accounted hourly (every method but the mass balance). */
    public static boolean accounts(EmissionSource source) {
        return CalculationMethod.find(source.method()).map(INTEGRATED::containsKey).orElse(false);
    }

    /**
     * The sources the Flink job accounted before the other methods came: EPA_C2A only. Kept until
     * flink-jobs moves to {@link #accounts} and {@link #check}; its start-up check looks every source it
     * accounts up in Table C-1, which a flare (EPA_Y3, no fuel) does not have.
     */
    @Deprecated
    public static boolean supports(EmissionSource source) {
        return EPA_C2A.name().equals(source.method());
    }

    /**
     * CO2 only, with {@code c1c2} as Table C-1/C-2: the result the Flink job was built on. Kept until
     * flink-jobs moves to the overloads that give every gas.
     */
    @Deprecated
    public static List<HourlyEmission> compute(SiteModel model, EmissionSource source, Instant hourStart,
                                               Map<String, List<Sample>> samplesByInput, Duration maxHold,
                                               FactorTable c1c2) {
        return compute(model, source, hourStart, samplesByInput, maxHold,
                new Calculator(DEFAULT_FACTORS.withEpaC1C2(c1c2))).stream().filter(e -> e.gas().equals("CO2")).toList();
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

    /**
     * The calculation request of one source-hour. A negative sample of the integrated rate counts as zero
     * (a flow meter's noise around no flow); a negative sample of any other input is no valid reading and
     * counts as a gap.
     */
    public static HourlyInputs inputs(SiteModel model, EmissionSource source, Instant hourStart,
                                      Map<String, List<Sample>> samplesByInput, Duration maxHold) {
        CalculationMethod method = CalculationMethod.find(source.method()).orElseThrow(() ->
                new IllegalArgumentException("unknown method '" + source.method() + "' of source '" + source.id() + "'"));
        String integrated = INTEGRATED.get(method);
        if (integrated == null) {
            throw new IllegalArgumentException("method " + method + " of source '" + source.id() + "' is not accounted hourly");
        }
        Instant end = hourStart.plus(HOUR);
        Map<String, List<Sample>> tagged = new LinkedHashMap<>();
        source.inputs().forEach((name, spec) -> {
            if (spec.isTag()) {
                List<Sample> samples = samplesByInput.getOrDefault(name, List.of());
                tagged.put(name, name.equals(integrated) ? clampedAtZero(samples) : negativeAsGap(samples));
            }
        });

        double coveredHours = StepIntegral.ofProduct(hourStart, end, indicators(tagged), maxHold)
                .covered().toNanos() / NANOS_PER_HOUR;
        boolean weighted = tagged.containsKey(integrated);
        double weight = weighted ? integral(hourStart, end, tagged, integrated, List.of(), maxHold) : coveredHours;

        Map<String, Quantity> quantities = new LinkedHashMap<>();
        SourceInput spec = source.inputs().get(integrated);
        UnitOfMeasure rateUnit = unitOf(model, spec);
        if (RATE_TIMES_DURATION.contains(method)) {
            double meanRate = weighted ? (coveredHours > 0 ? weight / coveredHours : 0) : spec.value();
            quantities.put(integrated, new Quantity(meanRate, rateUnit));
            quantities.put("duration", Quantity.of(coveredHours, "h"));
        } else {
            UnitOfMeasure quantityUnit = rateUnit.integratedOverTime().orElse(null);
            if (quantityUnit == null && weighted) {
                throw new IllegalArgumentException("source '" + source.id() + "': " + integrated + " tag '" + spec.tag()
                        + "' is in '" + rateUnit + "', not a rate that can be integrated over the hour");
            }
            quantities.put(integrated, weighted ? new Quantity(weight, quantityUnit)
                    : quantityUnit == null ? spec.constant() : new Quantity(spec.value() * coveredHours, quantityUnit));
        }
        for (Map.Entry<String, SourceInput> input : source.inputs().entrySet()) {
            String name = input.getKey();
            if (name.equals(integrated)) continue;
            if (!input.getValue().isTag()) {
                quantities.put(name, input.getValue().constant());
                continue;
            }
            List<List<Sample>> extra = new ArrayList<>(List.of(tagged.get(name)));
            if (weighted) extra.add(tagged.get(integrated));
            double product = integral(hourStart, end, tagged, null, extra, maxHold);
            quantities.put(name, new Quantity(weight > 0 ? product / weight : 0, unitOf(model, input.getValue())));
        }
        Calculation calculation = new Calculation(method, source.fuel(), GwpSet.of(model.site().gwp()), quantities, List.of());
        return new HourlyInputs(calculation, 100.0 * coveredHours);
    }

    /** ∫ over the hour of the product of {@code extra} (or of the {@code value} series) and the indicators of all tags. */
    private static double integral(Instant from, Instant to, Map<String, List<Sample>> tagged, String value,
                                   List<List<Sample>> extra, Duration maxHold) {
        List<List<Sample>> series = indicators(tagged);
        if (value != null) series.add(tagged.get(value));
        series.addAll(extra);
        return StepIntegral.ofProduct(from, to, series, maxHold).valueHours();
    }

    /** Each tag's samples as 1 where GOOD, so that a product is only counted where every input is GOOD. */
    private static List<List<Sample>> indicators(Map<String, List<Sample>> tagged) {
        List<List<Sample>> series = new ArrayList<>();
        for (List<Sample> samples : tagged.values()) {
            series.add(samples.stream().map(s -> new Sample(s.ts(), s.isGood() ? 1.0 : null)).toList());
        }
        return series;
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
