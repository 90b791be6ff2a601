package io.plumeline.reporting.reports;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code plumeline.reports.cjk-fonts}: TrueType fonts (.ttf, or .ttc collections, the first font of which is
 * used) for the Chinese PDF, tried in order; the defaults are where Debian's fonts-wqy-microhei,
 * fonts-wqy-zenhei and fonts-arphic-uming put them.
 */
@ConfigurationProperties("plumeline.reports")
public record ReportsProperties(List<Path> cjkFonts) {

    static final List<Path> DEBIAN_CJK_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    public ReportsProperties {
        cjkFonts = cjkFonts == null || cjkFonts.isEmpty() ? DEBIAN_CJK_FONTS : List.copyOf(cjkFonts);
    }
}
