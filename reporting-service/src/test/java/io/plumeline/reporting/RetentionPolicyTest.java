package io.plumeline.reporting;

import static io.plumeline.reporting.support.Contract3Lines.RECENT_DAY;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
import static io.plumeline.reporting.support.Contract3Lines.hourlyEmission;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Raw readings and results live in the retention policies the properties name (here {@code hot} and
 * {@code cold} rather than the defaults {@code raw} and {@code forever}); a policy not created yet reads as no data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionPolicyTest {

    static final String DATABASE = "lifecycle";
    static final String SITE = "dalian-refinery";
    static final String TAG = "heater-1.fuel_gas_flow";
    static final String SOURCE = "heater-1.stack";
    static final Instant HOUR = RECENT_DAY;
    static final String FROM = HOUR.toString();
    static final String TO = HOUR.plusSeconds(3600).toString();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml").toString());
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
        registry.add("plumeline.influx.telemetry-retention-policy", () -> "hot");
        registry.add("plumeline.influx.results-retention-policy", () -> "cold");
    }

    @Test
    void eachMeasurementIsReadFromItsPolicyAndAMissingPolicyIsNoData() {
        ApiClient api = new ApiClient(port);
        InfluxTestServer.shared().createDatabase(DATABASE);
        // Written before the policies exist, into the database's own default (autogen): not where the job writes.
        InfluxTestServer.write(DATABASE, "autogen", List.of(goodReading(SITE, "heater-1", TAG, HOUR, 1.0),
                hourlyEmission(SITE, "heater-1", SOURCE, "CO2", HOUR, 1.0, 1.0, 100, 0)));

        assertThat(points(api)).as("no policy 'hot' yet").isEmpty();
        assertThat(rows(api)).as("no policy 'cold' yet").isEmpty();

        InfluxTestServer.createPolicies(DATABASE, "hot", "cold");
        InfluxTestServer.write(DATABASE, "hot", List.of(goodReading(SITE, "heater-1", TAG, HOUR.plusSeconds(1), 2.0),
                hourlyEmission(SITE, "heater-1", SOURCE, "CO2", HOUR, 2.0, 2.0, 100, 0)));
        InfluxTestServer.write(DATABASE, "cold", List.of(goodReading(SITE, "heater-1", TAG, HOUR.plusSeconds(2), 3.0),
                hourlyEmission(SITE, "heater-1", SOURCE, "CO2", HOUR, 3.0, 3.0, 100, 0)));

        assertThat(points(api)).extracting(p -> p.get("value").asDouble()).containsExactly(2.0);
        assertThat(rows(api)).extracting(r -> r.get("massKg").asDouble()).containsExactly(3.0);
    }

    private static List<JsonNode> points(ApiClient api) {
        Response response = api.get("/api/v1/telemetry", "tag", TAG, "from", FROM, "to", TO);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("points").values().stream().toList();
    }

    private static List<JsonNode> rows(ApiClient api) {
        Response response = api.get("/api/v1/emissions", "from", FROM, "to", TO);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("rows").values().stream().toList();
    }
}
