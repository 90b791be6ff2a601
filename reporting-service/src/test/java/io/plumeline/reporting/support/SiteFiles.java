package io.plumeline.reporting.support;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The site model files under src/test/resources/sites. */
public final class SiteFiles {

    private SiteFiles() {
    }

    public static Path path(String name) {
        try {
            return Path.of(SiteFiles.class.getResource("/sites/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test site model '" + name + "' is missing from src/test/resources/sites", e);
        }
    }
}
