package io.plumeline.flink;

import io.plumeline.core.emissions.Sample;
import java.io.Serializable;
import java.time.Instant;

/**
 * A reading of a stream's mass-flow tag as the production chain sees it: {@code value} is null when not GOOD.
 *
 * <p>Kept in keyed state ({@code HourlyChain}'s {@code streamCarryIn}, and in {@link ChainHourState}). Checkpoints
 * and savepoints name this class: moved to another package or renamed, it would make the running job's savepoints
 * unrestorable (docs/processes.md, "The hour family").
 */
public record StreamSample(String site, String tag, Instant ts, Double value) implements Serializable {

    public Sample sample() {
        return new Sample(ts, value);
    }
}
