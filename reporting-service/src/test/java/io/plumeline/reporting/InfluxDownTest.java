package io.plumeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** InfluxDB unreachable (nothing listens on its port): queries answer 503 and health is DOWN, the service stays up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InfluxDownTest {

    static final int DEAD_PORT = io.plumeline.stack.Ports.free();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml").toString());
        registry.add("plumeline.influx.url", () -> "http://127.0.0.1:" + DEAD_PORT);
    }

    @Test
    void queriesAnswer503ProblemNamingInfluxDb() {
        ApiClient api = new ApiClient(port);
        for (Response response : new Response[] {
                api.get("/api/v1/telemetry", "tag", "heater-1.fuel_gas_flow", "from", "2026-01-01T00:00:00Z",
                        "to", "2026-01-01T01:00:00Z"),
                api.get("/api/v1/emissions", "from", "2026-01-01T00:00:00Z", "to", "2026-01-02T00:00:00Z", "interval", "P1D")}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("detail").asString()).contains("InfluxDB", "127.0.0.1:" + DEAD_PORT);
        }
    }

    @Test
    void badInputIsStill400() {
        Response response = new ApiClient(port).get("/api/v1/telemetry", "tag", "nope", "from", "2026-01-01T00:00:00Z",
                "to", "2026-01-01T01:00:00Z");
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void healthIsDown() {
        Response response = new ApiClient(port).get("/actuator/health");

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(response.json().get("components").get("influx").get("status").asString()).isEqualTo("DOWN");
    }

    @Test
    void theSiteModelIsServedWithoutInfluxDb() {
        assertThat(new ApiClient(port).get("/api/v1/site").status()).isEqualTo(200);
    }
}
