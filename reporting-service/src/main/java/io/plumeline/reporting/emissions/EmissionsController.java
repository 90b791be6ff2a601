package io.plumeline.reporting.emissions;

import io.plumeline.reporting.api.QueryParameters;
import io.plumeline.reporting.site.SiteCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EmissionsController {

    private final SiteCatalog sites;
    private final EmissionsService emissions;

    public EmissionsController(SiteCatalog sites, EmissionsService emissions) {
        this.sites = sites;
        this.emissions = emissions;
    }

    @GetMapping("/api/v1/emissions")
    public EmissionsReport emissions(@RequestParam(required = false) String site,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String source,
                                     @RequestParam(required = false) String gas,
                                     @RequestParam(required = false) String interval) {
        var model = sites.resolve(site);
        var range = QueryParameters.range(from, to);
        return emissions.emissions(model, range, source, gas, ReportInterval.parse(interval));
    }
}
