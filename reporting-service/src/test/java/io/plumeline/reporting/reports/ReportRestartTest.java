package io.plumeline.reporting.reports;

import static io.plumeline.reporting.reports.ReportFixture.monthStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.ReportingApplication;
import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import io.plumeline.stack.Folders;
import io.plumeline.stack.Ports;
import io.plumeline.stack.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The service and its PostgreSQL going away for real, one after the other: the service stopped between generate and
 * approve (the next start approves the same draft, nothing lost), then PostgreSQL stopped under the running service
 * (503 problem+json, never 500, nothing half-done) and started again on the same data (the service carries on).
 */
class ReportRestartTest {

    static final String DATABASE = "reports_restart";

    @Test
    void aRestartBetweenGenerateAndApproveLosesNothingAndADatabaseOutageIs503() throws Exception {
        Path dir = Files.createTempDirectory("plumeline-restart-");
        int pgPort = Ports.free();
        PostgresServer postgres = PostgresServer.start(dir, pgPort, PostgresServer.DEFAULT_START_TIMEOUT, false);
        ConfigurableApplicationContext service = null;
        try {
            new ReportFixture(DATABASE).hours(monthStart("2026-03"), 3, 2400, 500).write();
            service = start(postgres);
            ApiClient api = client(service);
            JsonNode draft = api.post("/api/v1/reports", "", "period", "2026-03").json();
            String id = draft.get("id").asString();
            service.close();

            service = start(postgres);
            api = client(service);
            JsonNode after = api.get("/api/v1/reports/" + id).json();
            assertThat(after.get("status").asString()).isEqualTo("draft");
            assertThat(after.get("co2eKg").asDouble()).isEqualTo(draft.get("co2eKg").asDouble());
            Response approved = api.as("reviewer").post("/api/v1/reports/" + id + "/approve", "");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

            postgres.close();
            for (Response down : new Response[] {api.get("/api/v1/reports"), api.post("/api/v1/reports/" + id + "/submit", ""),
                    api.get("/api/v1/audit/verify")}) {
                assertThat(down.status()).as(down.toString()).isEqualTo(503);
                assertThat(down.isProblem()).isTrue();
                assertThat(down.json().get("title").asString()).isEqualTo("Database unavailable");
            }

            postgres = PostgresServer.start(dir, pgPort, PostgresServer.DEFAULT_START_TIMEOUT, false);
            // The pool finds PostgreSQL again within a few connection attempts; until then it is still 503.
            Response status = api.get("/api/v1/reports/" + id);
            for (long until = System.nanoTime() + Duration.ofSeconds(60).toNanos(); status.status() == 503
                    && System.nanoTime() < until; status = api.get("/api/v1/reports/" + id)) {
                Thread.sleep(500);
            }
            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            assertThat(status.json().get("status").asString()).as("the refused submit changed nothing").isEqualTo("approved");
            Response submitted = api.post("/api/v1/reports/" + id + "/submit", "");
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
            JsonNode verified = api.get("/api/v1/audit/verify").json();
            assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("entries").asLong()).as("GENERATED, APPROVED, SUBMITTED").isEqualTo(3);
        } finally {
            if (service != null) {
                service.close();
            }
            postgres.close();
            Folders.deleteRecursively(dir);
        }
    }

    private static ConfigurableApplicationContext start(PostgresServer postgres) {
        return new SpringApplicationBuilder(ReportingApplication.class).run("--server.port=0",
                "--server.address=" + Ports.LOOPBACK,
                "--plumeline.sites=" + SiteFiles.path("dalian.yaml"),
                "--plumeline.influx.url=" + InfluxTestServer.shared().url(), "--plumeline.influx.database=" + DATABASE,
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=", "--spring.datasource.hikari.connection-timeout="
                        + Duration.ofSeconds(2).toMillis());
    }

    private static ApiClient client(ConfigurableApplicationContext service) {
        return new ApiClient(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }
}
