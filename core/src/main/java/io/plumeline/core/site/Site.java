package io.plumeline.core.site;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The site itself: its id, time zone (periods are in it), regulatory program, default GWP set, and the
 * language its people read (the web UI's and the PDF's default; {@code en} when not given), and for a Part 98
 * facility the subparts (source categories) it reports under: {@code Y} makes it a petroleum refinery, whose
 * fuel gas rule (40 CFR 98.252(a)) then applies.
 */
public record Site(String id, String name, String timezone, String program, String gwp, String locale,
                   List<String> subparts) {

    public Site {
        subparts = subparts == null ? List.of() : List.copyOf(subparts);
    }

    public Site(String id, String name, String timezone, String program, String gwp, String locale) {
        this(id, name, timezone, program, gwp, locale, null);
    }

    /** The languages the web UI and the PDF copy of record are written in. */
    public static final Set<String> LOCALES = Set.of("en", "zh-CN");

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public Locale language() {
        return Locale.forLanguageTag(locale == null ? "en" : locale);
    }
}
