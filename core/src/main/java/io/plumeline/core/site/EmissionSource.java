package io.plumeline.core.site;

import java.util.Map;

/**
 * An emission source: a stack, flare or process vent, with the regulatory method that computes its
 * emissions and the inputs of that method (each a tag or a constant). {@code exception} names the paragraph
 * of a rule the source relies on to use its method (e.g. {@code 98.252(a)(1)}) and {@code maxRatedHeatInput}
 * the unit's maximum rated heat input, on which the Part 98 tiers depend (see {@link MethodEligibility}).
 * {@code substitution} absent: the site program's missing-data rule ({@code PROGRAM}); {@code reportable}
 * absent: true; {@code missingData}: per input, how the program's rule fills it; {@code operatingStatus}: the tag
 * that tells whether the source operates, without which every hour is an operating hour (docs/site-model.md).
 */
public record EmissionSource(String id, String unit, String category, String method, String fuel,
                             Map<String, SourceInput> inputs, String substitution, String exception,
                             SourceInput maxRatedHeatInput, Boolean reportable, Map<String, InputMissingData> missingData,
                             OperatingStatus operatingStatus) {

    /** The program's own missing-data rule (docs/calculations.md, "Missing data"). */
    public static final String PROGRAM = "PROGRAM";

    public EmissionSource {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        substitution = substitution == null ? PROGRAM : substitution;
        reportable = reportable == null || reportable;
        missingData = missingData == null ? Map.of() : Map.copyOf(missingData);
    }

    /**
     * The source operates while {@code tag}'s GOOD value is above {@code above} (in the tag's unit): a run signal
     * (1/0, {@code above: 0.5}) or a fuel flow over its idle reading.
     */
    public record OperatingStatus(String tag, Double above) {
    }

    /** How one input's gaps are filled: {@code backup}, a tag of the same quantity (a backup meter, a correlated tag). */
    public record InputMissingData(String backup) {
    }
}
