package io.plumeline.core.site;

import java.time.ZoneId;
import java.util.Set;
import java.util.Locale;

/**
 * The site itself: its id, time zone (periods are in it), regulatory program, default GWP set, and the
 * language its people read (the web UI's and the PDF's default; {@code en} when not given).
 */
public record Site(String id, String name, String timezone, String program, String gwp, String locale) {

    /** The languages the web UI and the PDF copy of record are written in. */
    public static final Set<String> LOCALES = Set.of("en", "zh-CN");

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public Locale language() {
        return Locale.forLanguageTag(locale == null ? "en" : locale);
    }
}
