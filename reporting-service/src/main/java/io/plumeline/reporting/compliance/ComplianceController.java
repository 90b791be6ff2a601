package io.plumeline.reporting.compliance;

import io.plumeline.core.reporting.ReportingPeriod;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.QueryParameters;
import io.plumeline.reporting.site.SiteCatalog;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The compliance desk: {@code GET /api/v1/compliance/periods?year=}. */
@RestController
public class ComplianceController {

    private final SiteCatalog sites;
    private final ComplianceDeskService desk;

    public ComplianceController(SiteCatalog sites, ComplianceDeskService desk) {
        this.sites = sites;
        this.desk = desk;
    }

    @GetMapping("/api/v1/compliance/periods")
    public ComplianceDesk periods(@RequestParam(required = false) String site, @RequestParam(required = false) String year) {
        var model = sites.resolve(site);
        return desk.year(model, year == null ? LocalDate.now(model.site().zone()).getYear() : year(year));
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= ReportingPeriod.FIRST_YEAR && year <= ReportingPeriod.LAST_YEAR) return year;
        } catch (NumberFormatException e) {
            // refused below with the range
        }
        throw new BadParameterException("year", "'" + QueryParameters.shorten(text) + "' is not a year from "
                + ReportingPeriod.FIRST_YEAR + " to " + ReportingPeriod.LAST_YEAR);
    }
}
