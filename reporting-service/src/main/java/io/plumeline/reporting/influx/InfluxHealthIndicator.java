package io.plumeline.reporting.influx;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health of the InfluxDB the API reads from, by its {@code /ping}; shown as {@code influx} under /actuator/health. */
@Component("influx")
public class InfluxHealthIndicator extends AbstractHealthIndicator {

    private final InfluxClient influx;

    public InfluxHealthIndicator(InfluxClient influx) {
        super("InfluxDB health check failed");
        this.influx = influx;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("url", influx.url()).withDetail("database", influx.database());
        builder.up().withDetail("version", influx.ping());
    }
}
