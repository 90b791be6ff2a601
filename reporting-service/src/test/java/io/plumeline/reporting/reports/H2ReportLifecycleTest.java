package io.plumeline.reporting.reports;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lifecycle on the embedded default, H2 (in memory here: config/application.properties of the tests). */
class H2ReportLifecycleTest extends ReportLifecycleContract {

    static final String DATABASE = "reports_h2";

    @DynamicPropertySource
    static void influxDatabase(DynamicPropertyRegistry registry) {
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    @Override
    String database() {
        return DATABASE;
    }
}
