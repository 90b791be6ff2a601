package io.plumeline.reporting.web;

import io.plumeline.reporting.security.SecurityProperties;
import io.plumeline.reporting.site.SiteCatalog;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ui/settings}: what the web UI needs before anyone has signed in, so that the sign-in page speaks
 * the site's language and offers the right way in: the sign-in mode ({@code basic}: the form; {@code jwt}: the
 * operator's identity proxy) and the default language (the first served site's locale). No plant data.
 */
@RestController
public class UiSettingsController {

    private final SecurityProperties security;
    private final SiteCatalog sites;

    public UiSettingsController(SecurityProperties security, SiteCatalog sites) {
        this.security = security;
        this.sites = sites;
    }

    public record UiSettings(String mode, String locale) {
    }

    @GetMapping("/ui/settings")
    public UiSettings settings() {
        return new UiSettings(security.mode().name().toLowerCase(Locale.ROOT),
                sites.all().get(0).site().language().toLanguageTag());
    }
}
