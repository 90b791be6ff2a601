package io.plumeline.reporting;

import static io.plumeline.reporting.support.Contract3Lines.RECENT_DAY;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
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

/** A fleet deployment (two sites) reading a database that does not exist when the service starts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MultiSiteApiTest {

    static final String DATABASE = "fleet";
    static final String DALIAN = "dalian-refinery";
    static final String ROTTERDAM = "rotterdam-terminal";
    static final String FROM = RECENT_DAY.toString();
    static final String TO = RECENT_DAY.plusSeconds(60).toString();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml") + "," + SiteFiles.path("rotterdam.yaml"));
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    @Test
    void everyEndpointNeedsSiteAndNamesTheChoices() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/sites").json()).extracting(s -> s.get("id").asString())
                .containsExactly(DALIAN, ROTTERDAM);
        for (Response response : List.of(api.get("/api/v1/site"),
                api.get("/api/v1/telemetry", "tag", "boiler-7.fuel_gas_flow", "from", FROM, "to", TO),
                api.get("/api/v1/emissions", "from", FROM, "to", TO))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("detail").asString()).contains("'site'", DALIAN, ROTTERDAM);
        }
    }

    @Test
    void aCalculationWithoutGwpNeedsSiteToTakeItsSet() {
        ApiClient api = new ApiClient(port);
        String body = "{\"method\":\"EPA_C1\",\"fuel\":\"natural_gas\","
                + "\"inputs\":{\"fuelQuantity\":{\"value\":1.0E8,\"uom\":\"scf\"}}}";

        Response withoutSite = api.post("/api/v1/calculations", body);
        assertThat(withoutSite.status()).as(withoutSite.toString()).isEqualTo(400);
        assertThat(withoutSite.json().get("parameter").asString()).isEqualTo("gwp");
        assertThat(withoutSite.json().get("detail").asString()).contains("'gwp'", DALIAN, ROTTERDAM);

        Response rotterdam = api.post("/api/v1/calculations", body, "site", ROTTERDAM);
        assertThat(rotterdam.status()).as(rotterdam.toString()).isEqualTo(200);
        assertThat(rotterdam.json().get("gwp").asString()).isEqualTo("AR5");
    }

    @Test
    void tagsAreTheNamedSitesOwn() {
        ApiClient api = new ApiClient(port);
        Response wrongSite = api.get("/api/v1/telemetry", "site", DALIAN, "tag", "boiler-7.fuel_gas_flow",
                "from", FROM, "to", TO);
        assertThat(wrongSite.status()).isEqualTo(400);
        assertThat(wrongSite.json().get("detail").asString()).contains("boiler-7.fuel_gas_flow", DALIAN);
        JsonNode rotterdam = api.get("/api/v1/site", "site", ROTTERDAM).json();
        assertThat(rotterdam.get("site").get("timezone").asString()).isEqualTo("Europe/Amsterdam");
        JsonNode hhv = rotterdam.get("sources").get(0).get("inputs").get("ncv");
        assertThat(hhv.get("value").asDouble()).isEqualTo(38.5);
        assertThat(hhv.get("uom").asString()).isEqualTo("MJ/Nm3 LHV");
        assertThat(hhv.has("tag")).isFalse();
    }

    @Test
    void anAbsentDatabaseGivesEmptyResultsUntilDataArrives() {
        ApiClient api = new ApiClient(port);
        Response before = api.get("/api/v1/telemetry", "site", ROTTERDAM, "tag", "boiler-7.fuel_gas_flow",
                "from", FROM, "to", TO);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().get("points")).isEmpty();
        Response emissions = api.get("/api/v1/emissions", "site", ROTTERDAM, "from", FROM, "to", TO, "interval", "P1D");
        assertThat(emissions.status()).as(emissions.toString()).isEqualTo(200);
        assertThat(emissions.json().get("rows")).isEmpty();

        Instant ts = Instant.parse(FROM).plusSeconds(5);
        InfluxTestServer.write(DATABASE, List.of(
                goodReading(ROTTERDAM, "boiler-7", "boiler-7.fuel_gas_flow", ts, 777.0),
                goodReading(DALIAN, "boiler-1", "boiler-1.fuel_gas_flow", ts, 111.0)));

        Response after = api.get("/api/v1/telemetry", "site", ROTTERDAM, "tag", "boiler-7.fuel_gas_flow",
                "from", FROM, "to", TO);
        assertThat(after.json().get("points")).hasSize(1);
        assertThat(after.json().get("points").get(0).get("value").asDouble()).isEqualTo(777.0);
        assertThat(after.json().get("site").asString()).isEqualTo(ROTTERDAM);
    }
}
