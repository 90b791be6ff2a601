package io.plumeline.reporting.site;

import static io.plumeline.reporting.api.QueryParameters.shorten;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.reporting.api.BadParameterException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The site models this deployment serves, loaded once at start: a file that does not load stops the
 * service with the loader's message rather than serving a site half-known.
 */
@Service
public class SiteCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SiteCatalog.class);

    private final Map<String, SiteModel> sites = new LinkedHashMap<>();
    private final Map<String, String> hashes = new LinkedHashMap<>();

    public SiteCatalog(SiteProperties properties) {
        if (properties.sites().isEmpty()) {
            throw new IllegalStateException("plumeline.sites is required: the site model files to serve, comma-separated");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path file : properties.sites()) {
            SiteModel model = SiteModelLoader.load(file);
            Path previous = files.putIfAbsent(model.site().id(), file);
            if (previous != null) {
                throw new IllegalStateException("plumeline.sites: site id '" + model.site().id()
                        + "' is in both " + previous + " and " + file);
            }
            sites.put(model.site().id(), model);
            hashes.put(model.site().id(), SiteModelLoader.contentHash(file));
            LOG.info("Serving site {} ({} tags, {} sources) from {}", model.site().id(), model.tags().size(),
                    model.sources().size(), file);
        }
    }

    /** SHA-256 of the site model file as loaded: names the exact model a report was computed under. */
    public String contentHash(String siteId) {
        return hashes.get(siteId);
    }

    public List<SiteModel> all() {
        return List.copyOf(sites.values());
    }

    /**
     * The site a request means: the one named by {@code site=}, or the only one when the deployment serves
     * one site and the parameter is left out.
     */
    public SiteModel resolve(String siteParameter) {
        if (siteParameter == null || siteParameter.isBlank()) {
            if (sites.size() == 1) {
                return sites.values().iterator().next();
            }
            throw new BadParameterException("site", "is required: this service serves " + sites.size()
                    + " sites, one of " + sites.keySet());
        }
        SiteModel model = sites.get(siteParameter);
        if (model == null) {
            throw new BadParameterException("site", "unknown site '" + shorten(siteParameter) + "'; one of " + sites.keySet());
        }
        return model;
    }
}
