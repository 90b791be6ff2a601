package io.plumeline.reporting.site;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code plumeline.sites}: the site model files this deployment serves, comma-separated. */
@ConfigurationProperties("plumeline")
public record SiteProperties(List<Path> sites) {

    public SiteProperties {
        sites = sites == null ? List.of() : List.copyOf(sites);
    }
}
