package io.plumeline.reporting.site;

import io.plumeline.core.site.SiteModelException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a site model that does not load into the loader's own message at start, without a stack trace. */
class SiteModelFailureAnalyzer extends AbstractFailureAnalyzer<SiteModelException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SiteModelException cause) {
        return new FailureAnalysis("A site model in plumeline.sites does not load:\n" + cause.getMessage(),
                "Fix the site model file named above, or remove it from plumeline.sites.", cause);
    }
}
