package io.plumeline.reporting.live;

import static io.plumeline.reporting.support.Contract3Lines.badReading;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
import static io.plumeline.reporting.support.Contract3Lines.uncertainReading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.Contract3Lines;
import io.plumeline.reporting.support.InfluxTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The live endpoints over points written as the Flink job writes them: readings of several qualities, minutes of
 * {@code emission_rate} in {@code raw}, {@code alerts} in {@code forever}. The newest point wins, whatever came
 * before it; a tag without readings is listed without a value.
 */
class LiveApiTest extends LiveSiteTest {

    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);

    @BeforeAll
    static void writePoints() {
        InfluxTestServer.write(DATABASE, List.of(
                goodReading(SITE, "heater-1", "heater-1.fuel_gas_flow", T0, 1200.0),
                goodReading(SITE, "heater-1", "heater-1.fuel_gas_flow", T0.plusSeconds(1), 1210.5),
                goodReading(SITE, "heater-1", "heater-1.fuel_gas_hhv", T0, 38.0),
                badReading(SITE, "heater-1", "heater-1.fuel_gas_hhv", T0.plusSeconds(2)),
                uncertainReading(SITE, "boiler-1", "boiler-1.fuel_gas_flow", T0.plusSeconds(3), 800.25),
                Contract3Lines.emissionRate(SITE, "heater-1", "heater-1.stack", "CO2", T0, 2500.0),
                Contract3Lines.emissionRate(SITE, "heater-1", "heater-1.stack", "CO2", T0.plusSeconds(60), 2600.0),
                Contract3Lines.emissionRate(SITE, "heater-1", "heater-1.stack", "CO2e", T0.plusSeconds(60), 2612.0),
                Contract3Lines.emissionRate(SITE, "heater-1", "heater-1.stack", "CH4", T0.plusSeconds(60), 0.12),
                Contract3Lines.emissionRate(SITE, "boiler-1", "boiler-1.stack", "CO2", T0, 1700.0),
                Contract3Lines.alert(SITE, "heater-1.fuel_gas_flow", "PT1H:1000", T0.plusSeconds(60), 1100.0, 1000.0),
                Contract3Lines.alert(SITE, "heater-1.fuel_gas_flow", "PT1H:1000", T0.plusSeconds(120), 1150.0, 1000.0),
                Contract3Lines.alert(SITE, "boiler-1.fuel_gas_flow", "PT1H:700", T0.plusSeconds(180), 750.0, 700.0)));
    }

    @Test
    void eachTagShowsItsNewestReadingWithItsQuality() {
        JsonNode tags = ok(api.get("/api/v1/live/tags")).get("tags");

        assertThat(tags).extracting(t -> t.get("tag").asString()).containsExactly("heater-1.fuel_gas_flow",
                "heater-1.fuel_gas_hhv", "boiler-1.fuel_gas_flow", "boiler-1.fuel_gas_hhv");
        assertThat(tags.get(0).get("value").asDouble()).isEqualTo(1210.5);
        assertThat(tags.get(0).get("quality").asString()).isEqualTo("GOOD");
        assertThat(tags.get(0).get("uom").asString()).isEqualTo("Nm3/h");
        assertThat(Instant.parse(tags.get(0).get("ts").asString())).isEqualTo(T0.plusSeconds(1));
        assertThat(tags.get(1).get("value").isNull()).as("the newest hhv reading is BAD").isTrue();
        assertThat(tags.get(1).get("quality").asString()).isEqualTo("BAD");
        assertThat(tags.get(2).get("quality").asString()).isEqualTo("UNCERTAIN");
        assertThat(tags.get(2).get("value").asDouble()).isEqualTo(800.25);
        assertThat(tags.get(3).get("ts").isNull()).as("never read").isTrue();
        assertThat(tags.get(3).get("quality").isNull()).isTrue();
    }

    @Test
    void oneUnitsTags() {
        JsonNode live = ok(api.get("/api/v1/live/tags", "unit", "boiler-1"));
        assertThat(live.get("unit").asString()).isEqualTo("boiler-1");
        assertThat(live.get("tags")).extracting(t -> t.get("tag").asString())
                .containsExactly("boiler-1.fuel_gas_flow", "boiler-1.fuel_gas_hhv");
    }

    @Test
    void ratesAreTheNewestMinuteOfEachSourceAndGas() {
        JsonNode rates = ok(api.get("/api/v1/live/rates")).get("rates");

        assertThat(rates).extracting(r -> r.get("source").asString() + "/" + r.get("gas").asString() + "="
                + r.get("kgPerH").asDouble()).containsExactly("heater-1.stack/CO2=2600.0", "heater-1.stack/CH4=0.12",
                "heater-1.stack/CO2e=2612.0", "boiler-1.stack/CO2=1700.0");
        assertThat(Instant.parse(rates.get(0).get("ts").asString())).isEqualTo(T0.plusSeconds(60));
        assertThat(rates.get(3).get("unit").asString()).isEqualTo("boiler-1");

        assertThat(ok(api.get("/api/v1/live/rates", "source", "boiler-1.stack")).get("rates")).hasSize(1);
        assertThat(ok(api.get("/api/v1/live/rates", "unit", "heater-1")).get("rates")).hasSize(3);
    }

    @Test
    void alertsNewestFirstFilteredAndBounded() {
        JsonNode alerts = ok(api.get("/api/v1/live/alerts")).get("alerts");
        assertThat(alerts).extracting(a -> a.get("tag").asString()).containsExactly("boiler-1.fuel_gas_flow",
                "heater-1.fuel_gas_flow", "heater-1.fuel_gas_flow");
        JsonNode newest = alerts.get(0);
        assertThat(newest.get("limit").asString()).isEqualTo("PT1H:700");
        assertThat(newest.get("value").asDouble()).isEqualTo(750.0);
        assertThat(newest.get("max").asDouble()).isEqualTo(700.0);
        assertThat(newest.get("unit").asString()).isEqualTo("boiler-1");

        assertThat(ok(api.get("/api/v1/live/alerts", "limit", "1")).get("alerts")).hasSize(1);
        assertThat(ok(api.get("/api/v1/live/alerts", "unit", "heater-1")).get("alerts")).hasSize(2);
        assertThat(ok(api.get("/api/v1/live/alerts", "tag", "heater-1.fuel_gas_flow", "unit", "boiler-1")).get("alerts"))
                .as("a tag outside the unit").isEmpty();
        assertThat(ok(api.get("/api/v1/live/alerts", "from", T0.plusSeconds(90).toString(),
                "to", T0.plusSeconds(150).toString())).get("alerts")).extracting(a -> a.get("value").asDouble())
                .containsExactly(1150.0);
    }

    @Test
    void aDatabaseWithoutLivePointsGivesEmptyLists() {
        Response response = api.get("/api/v1/live/rates", "unit", "cdu-1");
        assertThat(ok(response).get("rates")).isEmpty();
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
