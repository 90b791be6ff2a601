package io.plumeline.reporting.reports;

import io.plumeline.core.site.Site;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.QueryParameters;
import java.util.Locale;
import java.util.TreeSet;

/** The language of a PDF: {@code lang=} when given (en or zh-CN), else the site's own. */
final class ReportLanguage {

    private ReportLanguage() {
    }

    static Locale of(String lang, Site site) {
        if (lang == null || lang.isBlank()) {
            return site.language();
        }
        if (!Site.LOCALES.contains(lang.strip())) {
            throw new BadParameterException("lang", "unknown language '" + QueryParameters.shorten(lang) + "'; one of "
                    + new TreeSet<>(Site.LOCALES));
        }
        return Locale.forLanguageTag(lang.strip());
    }

    static String tag(Locale locale) {
        return locale.toLanguageTag();
    }
}
