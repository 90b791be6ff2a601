package io.plumeline.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reporting service: contract 5's REST API over the site models it is given and the telemetry and
 * emissions that the Flink jobs wrote to InfluxDB.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}
