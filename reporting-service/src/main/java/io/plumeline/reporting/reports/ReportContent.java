package io.plumeline.reporting.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plumeline.core.reporting.ChinaGuidelineTotal;
import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodChange;
import io.plumeline.core.reporting.PeriodEmissions.GroupTotal;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.time.Instant;
import java.util.List;

/**
 * A period report as computed and, once generated, stored and never recomputed: the JSON export is this. Every
 * field is machine-readable and language-neutral (ids, ISO-8601 instants, numbers in kg unrounded); the PDF
 * is where it is written for people. {@code chinaGuideline}: for a {@code CN_MEE} site, the parts and the total of
 * the petrochemical guideline's equation (1), indirect and deducted apart from direct; absent for every other
 * program, whose content is as it was before it existed.
 */
public record ReportContent(String site, String siteName, String period, Instant from, Instant to, String timeZone,
                            String program, String gwp, Inputs inputs, Totals totals, List<SourceTotal> bySource,
                            List<GroupTotal> byUnit, List<GroupTotal> byMethod, List<Exceedance> exceedances,
                            PeriodChange previousPeriod,
                            @JsonInclude(JsonInclude.Include.NON_NULL) ChinaGuidelineTotal chinaGuideline) {

    /** What the numbers were computed under: the site model file, the factor tables its methods read, the GWP set. */
    public record Inputs(String siteModelSha256, List<Versioned> factorTables, Versioned gwp) {
    }

    public record Versioned(String id, String version) {
    }

    public record Totals(double co2eKg, List<GasTotal> byGas) {
    }

    /**
     * A permit limit a tag went over in the period: {@code count} alert points (minutes whose rolling average over
     * {@code averaging} was above {@code limit}), the highest such average, and the first and last of them.
     */
    public record Exceedance(String tag, Double limit, String averaging, int count, Double maxValue, Instant first,
                             Instant last) {
    }
}
