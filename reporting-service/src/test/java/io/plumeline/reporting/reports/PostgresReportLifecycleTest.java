package io.plumeline.reporting.reports;

import io.plumeline.stack.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lifecycle on PostgreSQL, the production database: Debian's PostgreSQL started by local-stack's
 * {@link PostgresServer} on a free port with a cluster of its own (this fails, saying why, when it cannot start).
 * Flyway creates the same schema there as on H2.
 */
class PostgresReportLifecycleTest extends ReportLifecycleContract {

    static final String DATABASE = "reports_pg";
    private static PostgresServer postgres;

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.startTemporary();
        }
        return postgres;
    }

    @DynamicPropertySource
    static void postgresDataSource(DynamicPropertyRegistry registry) {
        registry.add("plumeline.influx.database", () -> DATABASE);
        registry.add("spring.datasource.url", () -> postgres().jdbcUrl());
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @Override
    String database() {
        return DATABASE;
    }
}
