package io.plumeline.flink;

import io.plumeline.core.emissions.Sample;
import java.io.Serializable;
import java.time.Instant;

/** A reading as one input of one emission source sees it; {@code value} is null when the reading was not GOOD. */
public record SourceSample(String source, String input, Instant ts, Double value) implements Serializable {

    public Sample sample() {
        return new Sample(ts, value);
    }
}
