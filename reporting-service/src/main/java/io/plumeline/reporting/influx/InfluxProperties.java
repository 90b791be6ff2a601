package io.plumeline.reporting.influx;

import io.plumeline.core.contracts.Measurement;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the InfluxDB holding contract 3's measurements is: {@code plumeline.influx.*}. The Flink job writes raw
 * readings ({@code telemetry}) into a retention policy that expires them ({@code raw}, 90 days by default) and
 * results ({@code emissions}, {@code alerts}) into one kept without limit ({@code forever}), and a second copy of
 * the telemetry of reportable sources' tags into one kept for the program's record period ({@code record}); the
 * names here must be the ones the job was given.
 */
@ConfigurationProperties("plumeline.influx")
public record InfluxProperties(URI url, @DefaultValue(Measurement.DATABASE) String database, String username,
                               String password,
                               // Measurement.Retention's names, repeated: an annotation takes constants, not policy()
                               @DefaultValue("raw") String telemetryRetentionPolicy,
                               @DefaultValue("forever") String resultsRetentionPolicy,
                               @DefaultValue("record") String recordRetentionPolicy) {

    public InfluxProperties {
        if (url == null) {
            throw new IllegalArgumentException("plumeline.influx.url is required, e.g. http://127.0.0.1:8086");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("plumeline.influx.url must be an http(s) URL, found '" + url + "'");
        }
        if (telemetryRetentionPolicy == null || telemetryRetentionPolicy.isBlank()) {
            throw new IllegalArgumentException("plumeline.influx.telemetry-retention-policy must name a retention policy"
                    + " (default raw)");
        }
        if (recordRetentionPolicy == null || recordRetentionPolicy.isBlank()) {
            throw new IllegalArgumentException("plumeline.influx.record-retention-policy must name a retention policy"
                    + " (default record)");
        }
        if (resultsRetentionPolicy == null || resultsRetentionPolicy.isBlank()) {
            throw new IllegalArgumentException("plumeline.influx.results-retention-policy must name a retention policy"
                    + " (default forever)");
        }
    }
}
