package io.plumeline.reporting.site;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
public class SiteController {

    private final SiteCatalog catalog;

    public SiteController(SiteCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/sites")
    public List<SiteSummary> sites() {
        return catalog.all().stream().map(SiteSummary::of).toList();
    }

    @GetMapping("/site")
    public SiteView site(@RequestParam(required = false) String site) {
        return SiteView.of(catalog.resolve(site));
    }
}
