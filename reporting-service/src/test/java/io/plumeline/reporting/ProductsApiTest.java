package io.plumeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.Contract3Lines;
import io.plumeline.reporting.support.InfluxTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Hourly product intensity as the Flink job writes it, read back through {@code GET /api/v1/products/intensity}. */
class ProductsApiTest extends RefineryApiTest {

    static final Instant H0 = Instant.parse("2026-11-26T04:00:00Z");
    static final List<String> PRODUCTS = List.of("diesel", "fuel_oil", "gasoline", "jet_fuel", "lpg");

    static double massT(int hour, String product) {
        return hour == 1 && product.equals("gasoline") ? 0 : 50 + 10 * PRODUCTS.indexOf(product) + hour;
    }

    static double co2eKg(int hour, String product) {
        return hour == 1 && product.equals("gasoline") ? 0 : 3000.25 + 100 * PRODUCTS.indexOf(product) + 7 * hour;
    }

    @BeforeAll
    static void writeProductHours() {
        List<String> lines = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            for (String p : PRODUCTS) {
                lines.add(Contract3Lines.productIntensity(SITE, p, H0.plus(Duration.ofHours(h)), massT(h, p), co2eKg(h, p)));
            }
        }
        lines.add(Contract3Lines.productIntensity("other-site", "diesel", H0, 1, 1));
        InfluxTestServer.write(DATABASE, lines);
    }

    @Test
    void everyProductHourComesBackInOrder() {
        Response r = api.get("/api/v1/products/intensity", "from", "2026-11-26T04:00:00Z", "to", "2026-11-26T07:00:00Z");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("site").asString()).isEqualTo(SITE);
        JsonNode rows = body.get("rows");
        assertThat(rows).hasSize(15);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            int h = i / 5;
            String product = PRODUCTS.get(i % 5);
            assertThat(row.get("product").asString()).isEqualTo(product);
            assertThat(Instant.parse(row.get("start").asString())).isEqualTo(H0.plus(Duration.ofHours(h)));
            assertThat(row.get("massT").asDouble()).isEqualTo(massT(h, product));
            assertThat(row.get("co2eKg").asDouble()).isEqualTo(co2eKg(h, product));
            if (massT(h, product) > 0) {
                assertThat(row.get("intensityKgPerT").asDouble()).isEqualTo(co2eKg(h, product) / massT(h, product));
            } else {
                assertThat(row.has("intensityKgPerT")).as("no ratio without mass").isFalse();
            }
        }
    }

    @Test
    void oneProductAndTheRangeAreHonoured() {
        Response r = api.get("/api/v1/products/intensity", "site", SITE, "from", "2026-11-26T05:00:00Z",
                "to", "2026-11-26T07:00:00Z", "product", "diesel");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("rows")).hasSize(2).allSatisfy(row -> assertThat(row.get("product").asString()).isEqualTo("diesel"));
        assertThat(r.json().get("rows").get(0).get("start").asString()).isEqualTo("2026-11-26T05:00:00Z");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem(api.get("/api/v1/products/intensity", "from", "2026-11-26T04:00:00Z", "to", "2026-11-26T07:00:00Z",
                "product", "kerosene' OR '1'='1"), "product", "unknown product");
        assertProblem(api.get("/api/v1/products/intensity", "from", "yesterday", "to", "2026-11-26T07:00:00Z"), "from",
                "not an ISO-8601 instant");
        assertProblem(api.get("/api/v1/products/intensity", "from", "2026-11-26T07:00:00Z", "to", "2026-11-26T04:00:00Z"),
                "to", "must be after from");
        assertProblem(api.get("/api/v1/products/intensity", "from", "2024-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"),
                "to", "at most");
        assertProblem(api.get("/api/v1/products/intensity", "to", "2026-11-26T07:00:00Z"), "from", "is required");
        assertProblem(api.get("/api/v1/products/intensity", "site", "nowhere", "from", "2026-11-26T04:00:00Z",
                "to", "2026-11-26T07:00:00Z"), "site", "unknown site");
    }

    static void assertProblem(Response r, String parameter, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().get("parameter").asString()).isEqualTo(parameter);
        assertThat(r.json().get("detail").asString()).contains(detail);
    }
}
