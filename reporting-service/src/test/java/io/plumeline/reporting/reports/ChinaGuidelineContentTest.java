package io.plumeline.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.reporting.ChinaGuidelineTotal;
import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodChange;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report of another program is written as before the guideline's parts existed; a CN_MEE one keeps them stored. */
class ChinaGuidelineContentTest {

    static final SourceTotal HEATER = new SourceTotal("heater-1.stack", "heater-1", "EPA_C2A",
            List.of(new GasTotal("CO2", 1000, 1000)), 1000, 100.0, 0, 0, 1, 0);

    static ReportContent content(String program, ChinaGuidelineTotal guideline) {
        return new ReportContent("s", "S", "2026-03", Instant.parse("2026-02-28T16:00:00Z"),
                Instant.parse("2026-03-31T16:00:00Z"), "Asia/Shanghai", program, "AR5",
                new ReportContent.Inputs("0".repeat(64), List.of(), new ReportContent.Versioned("AR5", "2026-1")),
                new ReportContent.Totals(1000, HEATER.gases()), List.of(HEATER), List.of(), List.of(), List.of(),
                new PeriodChange("2026-02", 0, 1000, null), guideline);
    }

    @Test
    void anotherProgramsFilesHaveNoTraceOfIt() {
        ReportContent part98 = content("EPA_PART98", null);
        assertThat(ReportJson.write(part98)).doesNotContain("chinaGuideline");
        String csv = new String(CsvExport.render(part98), StandardCharsets.UTF_8);
        assertThat(csv).startsWith(String.join(",", CsvExport.HEADER) + "\r\n").doesNotContain("guideline");
        assertThat(new String(XmlExport.render(part98, ReportIdentity.now(Instant.parse("2026-04-01T00:00:00Z"), "compliance")), StandardCharsets.UTF_8))
                .doesNotContain("chinaGuideline");
    }

    @Test
    void theStoredContentReadsBackWithItsParts() {
        SourceTotal recovery = new SourceTotal("co2r-1.product", "co2r-1", "CN_MEE_CO2_RECOVERY",
                List.of(new GasTotal("CO2", -80, -80)), -80, null, 0, 0, 1, 0);
        ChinaGuidelineTotal guideline = ChinaGuidelineTotal.of(List.of(recovery), id -> "process");
        ReportContent stored = ReportJson.content(ReportJson.write(content("CN_MEE", guideline)));
        assertThat(stored.chinaGuideline()).isEqualTo(guideline);
        assertThat(stored.chinaGuideline().totalKg()).isEqualTo(-80);
    }
}
