package io.plumeline.reporting.products;

import io.plumeline.reporting.api.QueryParameters;
import io.plumeline.reporting.site.SiteCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProductsController {

    private final SiteCatalog sites;
    private final ProductIntensityService intensity;

    public ProductsController(SiteCatalog sites, ProductIntensityService intensity) {
        this.sites = sites;
        this.intensity = intensity;
    }

    @GetMapping("/api/v1/products/intensity")
    public ProductIntensityReport intensity(@RequestParam(required = false) String site,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String product) {
        var model = sites.resolve(site);
        return intensity.intensity(model, QueryParameters.range(from, to), product);
    }
}
