package io.plumeline.core.lineage;

import io.plumeline.core.emissions.Sample;
import java.time.Instant;
import java.util.List;

/**
 * What one input of a source contributed to an hour. For a tag: how many of the hour's readings were GOOD, how
 * many had no GOOD value (BAD or UNCERTAIN: a gap to the accounting), how many substituted samples filled its
 * gaps (§75.33), the first and last reading in the hour (null without any), and the quantity the equation took
 * from it: the hour's integral for the integrated input (fuel, flare gas or stack flow), the flow-weighted mean
 * for the others. {@code substitutes} are the substituted samples themselves, so that the hour can be computed
 * again from its stored readings. A constant input has no tag and no readings.
 */
public record InputTrace(String input, String tag, String uom, int good, int bad, int substituted, Instant first,
                         Instant last, double used, String usedUom, List<Sample> substitutes) {

    public InputTrace {
        substitutes = substitutes == null ? List.of() : List.copyOf(substitutes);
    }
}
