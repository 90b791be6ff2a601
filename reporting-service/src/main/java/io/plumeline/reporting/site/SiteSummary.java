package io.plumeline.reporting.site;

import io.plumeline.core.site.SiteModel;

/**
 * A served site as {@code GET /api/v1/sites} lists it; {@code locale} is the language its people read (en or
 * zh-CN), the web UI's default.
 */
public record SiteSummary(String id, String name, String timezone, String program, String gwp, String locale, int tags,
                          int sources) {

    static SiteSummary of(SiteModel model) {
        var site = model.site();
        return new SiteSummary(site.id(), site.name(), site.timezone(), site.program(), site.gwp(), site.language().toLanguageTag(),
                model.tags().size(), model.sources().size());
    }
}
