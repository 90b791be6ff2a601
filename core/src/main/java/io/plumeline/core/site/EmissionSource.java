package io.plumeline.core.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An emission source: a stack, flare or process vent, with the regulatory method that computes its
 * emissions and the inputs of that method (each a tag or a constant). {@code exception} names the paragraph
 * of a rule the source relies on to use its method (e.g. {@code 98.252(a)(1)}) and {@code maxRatedHeatInput}
 * the unit's maximum rated heat input, on which the Part 98 tiers depend (see {@link MethodEligibility}).
 * {@code substitution} absent: the site program's missing-data rule ({@code PROGRAM}); {@code reportable}
 * absent: true; {@code missingData}: per input, how the program's rule fills it; {@code operatingStatus}: the tag
 * that tells whether the source operates, without which every hour is an operating hour (docs/site-model.md);
 * {@code hj212}: the stack's HJ 212 data logger identity and pollutant codes, read by the hj212-uplink; {@code load}:
 * the unit's load, by whose ranges a {@code PART75} source's flow and NOx monitors are filled; {@code potential}: per
 * input of a {@code PART75} source, its potential value in the input tag's unit (40 CFR 75 Appendix A §2.1).
 */
public record EmissionSource(String id, String unit, String category, String method, String fuel,
                             Map<String, SourceInput> inputs, String substitution, String exception,
                             SourceInput maxRatedHeatInput, Boolean reportable, Map<String, InputMissingData> missingData,
                             OperatingStatus operatingStatus, Hj212 hj212, Load load,
                             Map<String, Double> potential) {

    /** The program's own missing-data rule (docs/calculations.md, "Missing data"). */
    public static final String PROGRAM = "PROGRAM";

    public EmissionSource {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        substitution = substitution == null ? PROGRAM : substitution;
        reportable = reportable == null || reportable;
        missingData = missingData == null ? Map.of() : Map.copyOf(missingData);
        potential = potential == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(potential));
    }

    /**
     * The source operates while {@code tag}'s GOOD value is above {@code above} (in the tag's unit): a run signal
     * (1/0, {@code above: 0.5}) or a fuel flow over its idle reading.
     */
    public record OperatingStatus(String tag, Double above) {
    }

    /**
     * The stack as an HJ 212 data logger (docs/site-model.md, "HJ 212"): {@code mn} its device id, {@code st} its
     * system code (absent: 31, air pollution source), {@code platforms} the ids of the platforms it reports to (their
     * addresses and passwords are the uplink's options), {@code pollutants} each HJ 212 code with its tag and
     * {@code status} the analyser's state tag, whose values say when it is calibrated or maintained (optional).
     */
    public record Hj212(String mn, String st, List<String> platforms, Map<String, String> pollutants, AnalyserStatus status) {

        public static final String AIR_POLLUTION_SOURCE = "31";

        public Hj212 {
            st = st == null ? AIR_POLLUTION_SOURCE : st;
            platforms = platforms == null ? List.of() : List.copyOf(platforms);
            pollutants = pollutants == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pollutants));
        }
    }

    /**
     * The CEMS analyser's state as the plant reports it: {@code tag} a state tag and {@code flags} the HJ 212-2017 data
     * flag each of its values means (C calibration, M maintenance, S a manually set value, D fault, F the source
     * stopped); any other value is normal operation.
     */
    public record AnalyserStatus(String tag, Map<String, String> flags) {

        public AnalyserStatus {
            flags = flags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        }
    }

    /**
     * The unit's load: {@code tag} its gross load (electrical output, or steam load for a unit without one) and
     * {@code maximum} its maximum hourly gross load in the tag's unit, of which 40 CFR 75 Appendix C §2.1 draws ten
     * load ranges ({@code io.plumeline.core.emissions.Part75LoadRange}).
     */
    public record Load(String tag, Double maximum) {
    }

    /** How one input's gaps are filled: {@code backup}, a tag of the same quantity (a backup meter, a correlated tag). */
    public record InputMissingData(String backup) {
    }
}
