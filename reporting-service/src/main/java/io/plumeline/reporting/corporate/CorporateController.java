package io.plumeline.reporting.corporate;

import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodEmissions;
import io.plumeline.core.reporting.ReportingPeriod;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.reports.PeriodParameter;
import io.plumeline.reporting.reports.ReportCalculator;
import io.plumeline.reporting.site.SiteCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's fleet: one period of every site served, by site, program and gas. */
@RestController
public class CorporateController {

    private final SiteCatalog sites;
    private final ReportCalculator calculator;

    public CorporateController(SiteCatalog sites, ReportCalculator calculator) {
        this.sites = sites;
        this.calculator = calculator;
    }

    @GetMapping("/api/v1/corporate/emissions")
    public CorporateEmissions emissions(@RequestParam(required = false) String period) {
        ReportingPeriod reportingPeriod = PeriodParameter.parse(period);
        List<CorporateEmissions.SiteTotal> bySite = new ArrayList<>();
        for (SiteModel model : sites.all()) {
            PeriodEmissions rollup = calculator.rollup(model, reportingPeriod);
            var site = model.site();
            bySite.add(new CorporateEmissions.SiteTotal(site.id(), site.name(), site.program(), ReportCalculator.gwp(model, reportingPeriod).id(),
                    site.timezone(), reportingPeriod.start(site.zone()), reportingPeriod.end(site.zone()),
                    rollup.co2eKg(), CorporateEmissions.Scopes.of(rollup), rollup.byGas()));
        }
        Map<String, List<CorporateEmissions.SiteTotal>> programs = new TreeMap<>();
        bySite.forEach(s -> programs.computeIfAbsent(s.program(), p -> new ArrayList<>()).add(s));
        List<CorporateEmissions.ProgramTotal> byProgram = new ArrayList<>();
        programs.forEach((program, members) -> {
            List<GasTotal> gases = GasTotal.combine(members.stream().map(CorporateEmissions.SiteTotal::byGas).toList());
            byProgram.add(new CorporateEmissions.ProgramTotal(program,
                    members.stream().map(CorporateEmissions.SiteTotal::site).toList(), GasTotal.co2eKg(gases),
                    CorporateEmissions.Scopes.sum(members.stream().map(CorporateEmissions.SiteTotal::scopes).toList()), gases));
        });
        List<GasTotal> fleet = GasTotal.combine(bySite.stream().map(CorporateEmissions.SiteTotal::byGas).toList());
        return new CorporateEmissions(reportingPeriod.toString(), GasTotal.co2eKg(fleet),
                CorporateEmissions.Scopes.sum(bySite.stream().map(CorporateEmissions.SiteTotal::scopes).toList()), fleet,
                byProgram, bySite);
    }
}
