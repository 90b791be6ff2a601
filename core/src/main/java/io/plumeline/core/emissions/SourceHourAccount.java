package io.plumeline.core.emissions;

import io.plumeline.core.emissions.HourlyEmissions.HourlyInputs;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One source-hour as accounted: the calculation request built from the samples, the calculator's result with
 * its working (the steps and the factor tables they came from) and the rows of measurement {@code emissions}.
 * The Flink job and a recompute from stored readings both come through here, so they give the same numbers.
 */
public record SourceHourAccount(HourlyInputs inputs, CalculationResult result, List<HourlyEmission> emissions,
                                boolean operating) {

    /** {@code operating} false: an hour in which the source did not operate ({@link OperatingHours}). */
    public SourceHourAccount {
        emissions = List.copyOf(emissions);
    }

    /** The hour computed from its samples, with nothing known beyond the hour ({@link MissingDataContext#NONE}). */
    public static SourceHourAccount of(SiteModel model, EmissionSource source, Instant hourStart,
                                       Map<String, List<Sample>> measured, Duration maxHold, Calculator calculator) {
        return of(model, source, hourStart, measured, maxHold, MissingDataContext.NONE, calculator);
    }

    /**
     * The hour computed from its samples; a source under its program's rule ({@code substitution: PROGRAM}) has each
     * input's gaps filled first, with {@code context} as the history the rule needs (docs/calculations.md, "Missing
     * data"); a {@code PART75} or {@code NONE} source is computed as measured, each input on its own coverage.
     */
    public static SourceHourAccount of(SiteModel model, EmissionSource source, Instant hourStart,
                                       Map<String, List<Sample>> measured, Duration maxHold, MissingDataContext context,
                                       Calculator calculator) {
        if (OperatingHours.notOperating(source.operatingStatus(), measured.get(OperatingHours.STATUS_KEY), hourStart, maxHold)) {
            return notOperating(model, source, hourStart, maxHold, calculator);
        }
        HourlyInputs inputs = HourlyEmissions.inputs(model, source, hourStart, measured, maxHold, context);
        return account(model, source, hourStart, inputs, inputs.availabilityPct(), inputs.substitutedMin(), calculator, true);
    }

    /** The fills the program's rule applied, per input and rule (empty when nothing was filled). */
    public List<InputFill> fills() {
        return inputs.fills();
    }

    /**
     * The Part 75 path (flink-jobs' Part 75 code fills the gaps): the hour computed from {@code filled} (the measured
     * samples with their gaps substituted), labelled with the
     * availability of the {@code measured} data: the rest of the hour is substituted minutes.
     */
    public static SourceHourAccount substituted(SiteModel model, EmissionSource source, Instant hourStart,
                                                Map<String, List<Sample>> measured, Map<String, List<Sample>> filled,
                                                Duration maxHold, Calculator calculator) {
        if (OperatingHours.notOperating(source.operatingStatus(), measured.get(OperatingHours.STATUS_KEY), hourStart, maxHold)) {
            return notOperating(model, source, hourStart, maxHold, calculator);
        }
        double availability = HourlyEmissions.inputs(model, source, hourStart, measured, maxHold).availabilityPct();
        HourlyInputs inputs = HourlyEmissions.inputs(model, source, hourStart, filled, maxHold);
        return account(model, source, hourStart, inputs, availability, 60 * (100 - availability) / 100, calculator, true);
    }

    /** A non-operating hour: every gas zero, nothing substituted, marked so that no look-back takes it. */
    private static SourceHourAccount notOperating(SiteModel model, EmissionSource source, Instant hourStart, Duration maxHold,
                                                  Calculator calculator) {
        HourlyInputs inputs = HourlyEmissions.notOperating(model, source, hourStart, maxHold);
        return account(model, source, hourStart, inputs, inputs.availabilityPct(), 0, calculator, false);
    }

    /**
     * One {@link HourlyEmission} per gas the method gives, then, when the method gives a greenhouse gas, the
     * hour's {@link HourlyEmission#CO2E} total (pollutants have no GWP and are in no total).
     */
    private static SourceHourAccount account(SiteModel model, EmissionSource source, Instant hourStart, HourlyInputs inputs,
                                             double availabilityPct, double substitutedMin, Calculator calculator,
                                             boolean operating) {
        CalculationResult result = calculator.calculate(inputs.calculation());
        String site = model.site().id();
        List<HourlyEmission> emissions = new ArrayList<>();
        for (CalculationResult.GasResult gas : result.results()) {
            String symbol = gas.gas().symbol();
            emissions.add(new HourlyEmission(site, source.unit(), source.id(), symbol, source.method(), hourStart,
                    gas.massKg(), gas.co2eKg(), availabilityPct, substitutedMin,
                    HourlyEmission.lineageId(site, source.id(), symbol, hourStart)));
        }
        if (result.results().stream().anyMatch(gas -> gas.gas().greenhouse())) {
            // the Calculator's total: Σ GWP × mass over the greenhouse gases, the same the what-if answers
            emissions.add(new HourlyEmission(site, source.unit(), source.id(), HourlyEmission.CO2E, source.method(),
                    hourStart, result.co2eKg(), result.co2eKg(), availabilityPct, substitutedMin,
                    HourlyEmission.lineageId(site, source.id(), HourlyEmission.CO2E, hourStart)));
        }
        return new SourceHourAccount(inputs, result, emissions, operating);
    }
}
