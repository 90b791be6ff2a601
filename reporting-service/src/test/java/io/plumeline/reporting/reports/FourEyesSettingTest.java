package io.plumeline.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** plumeline.reports.four-eyes: on for every site unless a site says otherwise, or off for all but some. */
class FourEyesSettingTest {

    @Test
    void aSiteSettingOutranksTheDefault() {
        ReportsProperties.FourEyes onButOne = new ReportsProperties.FourEyes(true, Map.of("small-terminal", false));
        assertThat(onButOne.requiredAt("dalian-refinery")).isTrue();
        assertThat(onButOne.requiredAt("small-terminal")).isFalse();
        ReportsProperties.FourEyes offButOne = new ReportsProperties.FourEyes(false, Map.of("dalian-refinery", true));
        assertThat(offButOne.requiredAt("dalian-refinery")).isTrue();
        assertThat(offButOne.requiredAt("small-terminal")).isFalse();
        assertThat(new ReportsProperties(null, new ReportsProperties.FourEyes(true, null)).fourEyes().requiredAt("any"))
                .isTrue();
    }
}
