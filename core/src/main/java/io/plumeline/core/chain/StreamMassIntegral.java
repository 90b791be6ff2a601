package io.plumeline.core.chain;

import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.StepIntegral;
import io.plumeline.core.site.MaterialStream;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitOfMeasure;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mass of each stream of the site model in one hour (t): its {@code massFlow} tag (t/h or kg/h, checked at
 * load) integrated over the hour as a step function, the same {@link StepIntegral} the emissions use. Time
 * without a GOOD value held counts as no flow (nothing is filled in); a negative reading counts as zero (a
 * flow meter's noise around no flow). The Flink job and a recompute from stored readings both call this.
 */
public final class StreamMassIntegral {

    private static final UnitOfMeasure TONNE = UnitOfMeasure.of("t");

    private StreamMassIntegral() {
    }

    /** {@code samplesByTag}: per mass-flow tag, its samples in the hour and the last one before it. */
    public static Map<String, Double> of(SiteModel model, Instant hourStart, Map<String, List<Sample>> samplesByTag,
                                         Duration maxHold) {
        Instant end = hourStart.plus(Duration.ofHours(1));
        Map<String, Double> masses = new LinkedHashMap<>();
        for (MaterialStream stream : model.streams()) {
            List<Sample> samples = samplesByTag.getOrDefault(stream.massFlow(), List.of()).stream()
                    .map(s -> s.isGood() && s.value() < 0 ? new Sample(s.ts(), 0.0) : s).toList();
            double valueHours = StepIntegral.ofProduct(hourStart, end, List.of(samples), maxHold).valueHours();
            UnitOfMeasure rate = model.tag(stream.massFlow()).orElseThrow().unitOfMeasure();
            UnitOfMeasure mass = rate.integratedOverTime().orElseThrow(() -> new ChainException("stream '" + stream.id()
                    + "': tag '" + stream.massFlow() + "' is in '" + rate + "', not a mass flow"));
            masses.put(stream.id(), new Quantity(valueHours, mass).to(TONNE).value());
        }
        return masses;
    }
}
