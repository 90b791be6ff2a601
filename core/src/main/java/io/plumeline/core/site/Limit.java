package io.plumeline.core.site;

import java.time.Duration;

/** A permit limit on a tag, checked against its rolling average over {@code averaging}. */
public record Limit(String tag, Double max, String averaging) {

    public Duration averagingPeriod() {
        return Duration.parse(averaging == null ? "PT1H" : averaging);
    }
}
