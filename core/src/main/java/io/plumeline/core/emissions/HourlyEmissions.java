package io.plumeline.core.emissions;

import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SourceInput;
import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitOfMeasure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hourly accounting of a source from the samples of its input tags: the rate inputs are integrated over
 * the hour, the result is the mass per gas with the data availability of the hour. Flink only collects the
 * samples and calls this; the reporting service calls the same code, so there is one implementation.
 */
public final class HourlyEmissions {

    private static final Duration HOUR = Duration.ofHours(1);

    private HourlyEmissions() {
    }

    public static boolean supports(EmissionSource source) {
        return CalculationMethod.EPA_C2A.name().equals(source.method());
    }

    /**
     * EPA_C2A: heat input = ∫ fuel flow × measured HHV dt over the hour; CO2 = heat input × EF (Table C-1).
     * {@code samplesByInput} holds, per input name fed by a tag, its samples in the hour and the last one
     * before it. Uncovered time is not filled in: it lowers the availability.
     */
    public static List<HourlyEmission> compute(SiteModel model, EmissionSource source, Instant hourStart,
                                               Map<String, List<Sample>> samplesByInput, Duration maxHold,
                                               FactorTable factors) {
        if (!supports(source)) {
            throw new IllegalArgumentException("hourly accounting of method " + source.method() + " is not implemented");
        }
        EnergyBasis basis = EnergyBasis.of(unitOf(model, source.inputs().get("fuelQuantity")));
        List<List<Sample>> series = new ArrayList<>();
        double constantFactor = 1;
        for (Map.Entry<String, String> input : Map.of("fuelQuantity", basis.rate, "hhv", basis.heatingValue).entrySet()) {
            SourceInput spec = source.inputs().get(input.getKey());
            double toBasis = unitOf(model, spec).factorTo(UnitOfMeasure.of(input.getValue()));
            if (spec.isTag()) {
                series.add(scaled(samplesByInput.getOrDefault(input.getKey(), List.of()), toBasis));
            } else {
                constantFactor *= spec.value() * toBasis;
            }
        }
        StepIntegral.Result energy = StepIntegral.ofProduct(hourStart, hourStart.plus(HOUR), series, maxHold);
        double heatInputMmBtu = new Quantity(energy.valueHours() * constantFactor, UnitOfMeasure.of(basis.energy))
                .in("mmBtu");
        double co2 = EpaSubpartC.co2Kg(heatInputMmBtu, factors.factorKgPerMmBtu(source.fuel(), "CO2"));
        double availability = 100.0 * energy.covered().toNanos() / HOUR.toNanos();
        String site = model.site().id();
        return List.of(new HourlyEmission(site, source.unit(), source.id(), "CO2", source.method(), hourStart,
                co2, co2, availability, 0, HourlyEmission.lineageId(site, source.id(), "CO2", hourStart)));
    }

    private static UnitOfMeasure unitOf(SiteModel model, SourceInput input) {
        return input.isTag() ? model.tag(input.tag()).orElseThrow().unitOfMeasure() : UnitOfMeasure.of(input.uom());
    }

    private static List<Sample> scaled(List<Sample> samples, double factor) {
        return samples.stream().map(s -> s.isGood() ? new Sample(s.ts(), s.value() * factor) : s).toList();
    }

    /** Units in which fuel rate × heating value gives energy without a change of reference conditions. */
    private record EnergyBasis(String rate, String heatingValue, String energy) {
        static EnergyBasis of(UnitOfMeasure fuelRate) {
            return switch (fuelRate.dimension()) {
                case GAS_VOLUME_RATE -> new EnergyBasis("Nm3/h", "MJ/Nm3", "MJ");
                case MASS_RATE -> new EnergyBasis("kg/h", "MJ/kg", "MJ");
                case VOLUME_RATE -> new EnergyBasis("gal/h", "mmBtu/gal", "mmBtu");
                default -> throw new IllegalArgumentException("fuel quantity in '" + fuelRate
                        + "' is not a rate that can be integrated over the hour");
            };
        }
    }
}
