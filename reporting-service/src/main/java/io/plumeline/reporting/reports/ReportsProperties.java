package io.plumeline.reporting.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code plumeline.reports.*}. {@code cjk-fonts}: TrueType fonts (.ttf, or .ttc collections, the first font of
 * which is used) for the Chinese PDF, tried in order; the defaults are where Debian's fonts-wqy-microhei,
 * fonts-wqy-zenhei and fonts-arphic-uming put them. {@code four-eyes}: see {@link FourEyes}.
 */
@ConfigurationProperties("plumeline.reports")
public record ReportsProperties(List<Path> cjkFonts, @DefaultValue FourEyes fourEyes) {

    static final List<Path> DEBIAN_CJK_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    public ReportsProperties {
        cjkFonts = cjkFonts == null || cjkFonts.isEmpty() ? DEBIAN_CJK_FONTS : List.copyOf(cjkFonts);
    }

    /**
     * Review finding M9, {@code plumeline.reports.four-eyes.enabled} (default true) for every site, and
     * {@code plumeline.reports.four-eyes.sites.<site id>=true|false} for one: the user who generated a report
     * revision cannot approve it, and its approver cannot submit it.
     */
    public record FourEyes(@DefaultValue("true") boolean enabled, Map<String, Boolean> sites) {

        public FourEyes {
            sites = sites == null ? Map.of() : Map.copyOf(sites);
        }

        public boolean requiredAt(String site) {
            return sites.getOrDefault(site, enabled);
        }
    }
}
