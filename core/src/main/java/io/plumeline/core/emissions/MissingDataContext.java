package io.plumeline.core.emissions;

import java.util.Map;

/**
 * What a missing-data rule needs from beyond the hour, per input name: the caller (the Flink job from its state, a
 * recompute from the archive) supplies it, so that the rules stay pure. {@link #NONE}: nothing known beyond the
 * hour; each rule then falls back as docs/calculations.md "Missing data" describes and names the fallback it used.
 */
public record MissingDataContext(Map<String, InputHistory> byInput) {

    public static final MissingDataContext NONE = new MissingDataContext(Map.of());

    public MissingDataContext {
        byInput = Map.copyOf(byInput);
    }

    /**
     * One input's history: its last quality-assured value before the hour, its first quality-assured value after
     * the gap when it is already known (an hour recomputed later), and its quality-assured hourly values over the
     * reference period (EU MRR Art. 45: mean + 2σ). Null or {@link ReferencePeriod#NONE} where unknown.
     */
    public record InputHistory(Double lastBefore, Double firstAfter, ReferencePeriod reference) {

        public static final InputHistory EMPTY = new InputHistory(null, null, ReferencePeriod.NONE);

        public InputHistory {
            reference = reference == null ? ReferencePeriod.NONE : reference;
        }
    }

    public InputHistory of(String input) {
        return byInput.getOrDefault(input, InputHistory.EMPTY);
    }
}
