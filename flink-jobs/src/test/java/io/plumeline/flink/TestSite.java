package io.plumeline.flink;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;

/** The test site model (src/test/resources/test-site.yaml) and readings of its tags. */
final class TestSite {

    static final String SITE = "test-refinery";
    static final String FLOW = "heater-1.fuel_gas_flow";
    static final String HHV = "heater-1.fuel_gas_hhv";
    static final String CRUDE = "cdu-1.crude feed,a=b";
    static final String SOURCE = "heater-1.stack";
    static final long GOOD = 0;
    static final long BAD_SENSOR_FAILURE = 0x808E0000L;
    static final long UNCERTAIN = 0x40000000L;

    private TestSite() {
    }

    static Path file() {
        return file("/test-site.yaml");
    }

    /** The test site with heater-1.stack under {@code substitution: PART75}. */
    static SiteModelText part75() {
        return SiteModelText.read(file("/test-site-part75.yaml"));
    }

    private static Path file(String resource) {
        try {
            return Path.of(TestSite.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SiteModelText model() {
        return SiteModelText.read(file());
    }

    static Reading reading(String tag, Instant ts, Double value, long status) {
        return Reading.of(SITE, tag, ts, value, status, ts.plusMillis(12), 1);
    }

    static RawMessage message(Reading reading, long offset) {
        return RawMessage.of("plumeline.telemetry", 0, offset, ReadingJson.toBytes(reading));
    }
}
