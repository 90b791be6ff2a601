package io.plumeline.flink;

import io.plumeline.core.emissions.Sample;
import java.io.Serializable;
import java.time.Instant;

/**
 * A reading as one input of one emission source sees it: {@code value} is null when the reading was not
 * GOOD; the tag and the quality stay for a reading that comes too late and is stored as such.
 *
 * <p>Kept in keyed state ({@code SourceHourAccounting}'s {@code carryIn} and {@code lastGood}, and in
 * {@link SourceHour}). Checkpoints and savepoints name this class: moved to another package or renamed, it would make
 * the running job's savepoints unrestorable (docs/processes.md, "The hour family").
 */
public record SourceSample(String source, String input, String tag, Instant ts, Double value, String quality)
        implements Serializable {

    public Sample sample() {
        return new Sample(ts, value);
    }
}
