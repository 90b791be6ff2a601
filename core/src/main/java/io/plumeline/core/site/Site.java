package io.plumeline.core.site;

import java.time.ZoneId;

/** The site itself: its id, time zone (periods are in it), regulatory program and default GWP set. */
public record Site(String id, String name, String timezone, String program, String gwp) {

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
