package io.plumeline.reporting.lineage;

import io.plumeline.reporting.site.SiteCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class LineageController {

    private final SiteCatalog sites;
    private final LineageService lineage;

    public LineageController(SiteCatalog sites, LineageService lineage) {
        this.sites = sites;
        this.lineage = lineage;
    }

    /** The id names its site, so {@code site=} may be left out even when the deployment serves several. */
    @GetMapping("/api/v1/lineage/{lineageId}")
    public LineageView lineage(@PathVariable String lineageId, @RequestParam(required = false) String site) {
        return lineage.lineage(lineageId, site == null || site.isBlank() ? null : sites.resolve(site));
    }
}
