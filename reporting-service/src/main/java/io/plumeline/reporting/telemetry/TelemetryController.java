package io.plumeline.reporting.telemetry;

import io.plumeline.reporting.api.QueryParameters;
import io.plumeline.reporting.site.SiteCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TelemetryController {

    private final SiteCatalog sites;
    private final TelemetryService telemetry;

    public TelemetryController(SiteCatalog sites, TelemetryService telemetry) {
        this.sites = sites;
        this.telemetry = telemetry;
    }

    @GetMapping("/api/v1/telemetry")
    public TelemetrySeries telemetry(@RequestParam(required = false) String site,
                                     @RequestParam(required = false) String tag,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String step) {
        var model = sites.resolve(site);
        String tagId = QueryParameters.required("tag", tag);
        var range = QueryParameters.range(from, to);
        return step == null
                ? telemetry.raw(model, tagId, range)
                : telemetry.stepped(model, tagId, range, QueryParameters.step("step", step));
    }
}
