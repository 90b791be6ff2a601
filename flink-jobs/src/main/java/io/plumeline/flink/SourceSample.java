package io.plumeline.flink;

import io.plumeline.core.emissions.Sample;
import java.io.Serializable;
import java.time.Instant;

/**
 * A reading as one input of one emission source sees it: {@code value} is null when the reading was not
 * GOOD; the tag and the quality stay for a reading that comes too late and is stored as such.
 */
public record SourceSample(String source, String input, String tag, Instant ts, Double value, String quality)
        implements Serializable {

    public Sample sample() {
        return new Sample(ts, value);
    }
}
