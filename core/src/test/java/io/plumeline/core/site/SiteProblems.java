package io.plumeline.core.site;

import java.util.List;

/** The problems a site model is refused with, each "path: message"; empty when it loads. */
final class SiteProblems {

    private SiteProblems() {
    }

    static List<String> of(String yaml) {
        try {
            SiteModelLoader.parse(yaml, "t.yaml");
        } catch (SiteModelException e) {
            return e.problems();
        }
        return List.of();
    }
}
