package io.plumeline.reporting.influx;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health of the InfluxDB the API reads from, by its {@code /ping}; shown as {@code influx} under /actuator/health. */
@Component("influx")
public class InfluxHealthIndicator implements HealthIndicator {

    private final InfluxClient influx;

    public InfluxHealthIndicator(InfluxClient influx) {
        this.influx = influx;
    }

    /** A failed ping is a state, not an incident: it is reported in the health, without a stack trace per probe. */
    @Override
    public Health health() {
        Health.Builder builder = Health.unknown().withDetail("url", influx.url()).withDetail("database", influx.database());
        try {
            return builder.up().withDetail("version", influx.ping()).build();
        } catch (InfluxUnavailableException | InfluxQueryException e) {
            return builder.down().withDetail("error", e.getMessage()).build();
        }
    }
}
