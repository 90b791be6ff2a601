package io.plumeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SiteAndHealthApiTest extends SingleSiteApiTest {

    @Test
    void theOneSiteIsListedAndServedWithoutSiteParameter() {
        JsonNode sites = api.get("/api/v1/sites").json();
        assertThat(sites).hasSize(1);
        assertThat(sites.get(0).get("id").asString()).isEqualTo(SITE);
        assertThat(sites.get(0).get("timezone").asString()).isEqualTo("Asia/Shanghai");

        Response site = api.get("/api/v1/site");
        assertThat(site.status()).as(site.toString()).isEqualTo(200);
        JsonNode body = site.json();
        assertThat(body.get("site").get("id").asString()).isEqualTo(SITE);
        assertThat(body.get("tags")).extracting(t -> t.get("id").asString())
                .contains("heater-1.fuel_gas_flow", "boiler-1.fuel_gas_hhv");
        assertThat(body.get("tags").get(0).has("node")).as("OPC UA node ids stay out of the API").isFalse();
        assertThat(body.get("sources")).extracting(s -> s.get("id").asString())
                .containsExactly("heater-1.stack", "boiler-1.stack");
        assertThat(body.get("sources").get(0).get("inputs").get("fuelQuantity").get("tag").asString())
                .isEqualTo("heater-1.fuel_gas_flow");
        assertThat(body.get("sources").get(0).get("inputs").get("hhv").get("tag").asString())
                .isEqualTo("heater-1.fuel_gas_hhv");
        assertThat(api.get("/api/v1/site", "site", SITE).json()).isEqualTo(body);
    }

    @Test
    void healthIsUpWithInfluxDb() {
        Response response = api.get("/actuator/health");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode influx = response.json().get("components").get("influx");
        assertThat(influx.get("status").asString()).isEqualTo("UP");
        assertThat(influx.get("details").get("version").asString()).startsWith("1.");
    }
}
