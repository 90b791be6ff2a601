package io.plumeline.reporting.corporate;

import static io.plumeline.reporting.support.Contract3Lines.hourlyEmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A fleet of Dalian (Asia/Shanghai, UTC+8, EPA_PART98) and Rotterdam (Europe/Amsterdam, UTC+1 in March, EU_ETS).
 * 2026-02-28T22:00Z is already March in Dalian but still February in Rotterdam, so it counts for one and not
 * the other: each site's period is taken in its own time zone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorporateApiTest {

    static final String DATABASE = "reports_fleet";
    static final String DALIAN = "dalian-refinery";
    static final String ROTTERDAM = "rotterdam-terminal";
    static final Instant BOTH_SEE_AS_FEBRUARY = Instant.parse("2026-02-28T15:00:00Z");
    static final Instant MARCH_IN_DALIAN_ONLY = Instant.parse("2026-02-28T22:00:00Z");
    static final Instant MARCH_IN_BOTH = Instant.parse("2026-02-28T23:00:00Z");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml") + "," + SiteFiles.path("rotterdam.yaml"));
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    @BeforeAll
    static void writeBothSites() {
        InfluxTestServer.write(DATABASE, List.of(
                hourlyEmission(DALIAN, "boiler-1", "boiler-1.stack", "CO2", BOTH_SEE_AS_FEBRUARY, 111, 111, 100, 0),
                hourlyEmission(DALIAN, "boiler-1", "boiler-1.stack", "CO2", MARCH_IN_DALIAN_ONLY, 1000, 1000, 100, 0),
                hourlyEmission(DALIAN, "boiler-1", "boiler-1.stack", "CH4", MARCH_IN_DALIAN_ONLY, 0.5, 14, 100, 0),
                hourlyEmission(DALIAN, "boiler-1", "boiler-1.stack", "CO2", MARCH_IN_BOTH, 2000, 2000, 100, 0),
                hourlyEmission(ROTTERDAM, "boiler-7", "boiler-7.stack", "CO2", MARCH_IN_DALIAN_ONLY, 300, 300, 100, 0),
                hourlyEmission(ROTTERDAM, "boiler-7", "boiler-7.stack", "CO2", MARCH_IN_BOTH, 400, 400, 100, 0),
                hourlyEmission(ROTTERDAM, "boiler-7", "boiler-7.stack", "N2O", MARCH_IN_BOTH, 0.01, 2.65, 100, 0)));
    }

    @Test
    void theFleetRollsUpEachSiteInItsOwnTimeZoneBySiteProgramAndGas() {
        Response response = new ApiClient(port).as("engineer").get("/api/v1/corporate/emissions", "period", "2026-03");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode fleet = response.json();
        double dalian = 1000 + 0.5 * 28 + 2000;
        double rotterdam = 400 + 0.01 * 265;

        JsonNode sites = fleet.get("bySite");
        assertThat(sites).hasSize(2);
        assertThat(sites.get(0).get("site").asString()).isEqualTo(DALIAN);
        assertThat(sites.get(0).get("from").asString()).isEqualTo("2026-02-28T16:00:00Z");
        assertThat(sites.get(0).get("co2eKg").asDouble()).isCloseTo(dalian, within(1e-9));
        assertThat(sites.get(1).get("site").asString()).isEqualTo(ROTTERDAM);
        assertThat(sites.get(1).get("from").asString()).isEqualTo("2026-02-28T23:00:00Z");
        assertThat(sites.get(1).get("timeZone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(sites.get(1).get("co2eKg").asDouble()).isCloseTo(rotterdam, within(1e-9));

        assertThat(fleet.get("byProgram").valueStream().map(p -> p.get("program").asString() + "=" + p.get("sites")))
                .containsExactly("EPA_PART98=[\"" + DALIAN + "\"]", "EU_ETS=[\"" + ROTTERDAM + "\"]");
        assertThat(fleet.get("co2eKg").asDouble()).isCloseTo(dalian + rotterdam, within(1e-9));
        JsonNode byGas = fleet.get("byGas");
        assertThat(byGas.valueStream().map(g -> g.get("gas").asString())).containsExactly("CO2", "CH4", "N2O");
        assertThat(byGas.get(0).get("massKg").asDouble()).isCloseTo(1000 + 2000 + 400, within(1e-9));
    }

    @Test
    void aFleetReportNeedsAPeriodAndAStoredReportItsSite() {
        ApiClient api = new ApiClient(port);
        Response missing = api.get("/api/v1/corporate/emissions");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("parameter").asString()).isEqualTo("period");
        Response noSite = api.post("/api/v1/reports", "", "period", "2026-03");
        assertThat(noSite.status()).as(noSite.toString()).isEqualTo(400);
        assertThat(noSite.json().get("detail").asString()).contains("'site'", DALIAN, ROTTERDAM);
        assertThat(api.as("regulator").get("/api/v1/corporate/emissions", "period", "2026-03").status()).isEqualTo(403);
    }
}
