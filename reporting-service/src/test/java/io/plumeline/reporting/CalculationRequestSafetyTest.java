package io.plumeline.reporting;

import static io.plumeline.reporting.CalculationsApiTest.body;
import static io.plumeline.reporting.CalculationsApiTest.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.emissions.CalculationMethod;
import io.plumeline.core.emissions.MethodInput;
import io.plumeline.core.units.Dimension;
import io.plumeline.core.units.UnitOfMeasure;
import io.plumeline.reporting.support.ApiClient.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A calculation request that cannot be computed: 400 application/problem+json naming the field, never a 500. */
class CalculationRequestSafetyTest extends SingleSiteApiTest {

    static final String C2A_FUEL = input("fuelQuantity", 1200, "Nm3");

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("malformed JSON", "{\"method\":\"EPA_C1\",", "body", "not JSON"),
                bad("not an object", "[1, 2]", "body", "JSON object"),
                bad("empty body", "", "body", "empty"),
                bad("NaN is not JSON", "{\"method\":\"EPA_C1\",\"inputs\":{\"fuelQuantity\":{\"value\":NaN,\"uom\":\"scf\"}}}",
                        "body", "not JSON"),
                bad("no method", "{\"fuel\":\"natural_gas\",\"inputs\":{" + input("fuelQuantity", 1, "scf") + "}}",
                        "method", "EPA_C1"),
                bad("unknown method", body("EPA_C99", "natural_gas", "AR5", input("fuelQuantity", 1, "scf")),
                        "method", "EPA_C99"),
                bad("method not a string", "{\"method\":7}", "method", "EPA_C2A"),
                bad("unknown field", "{\"method\":\"EPA_C1\",\"gwpp\":\"AR5\"}", "gwpp", "gwp"),
                bad("missing input", body("EPA_C2A", "fuel_gas", "AR5", C2A_FUEL), "inputs.hhv", "is missing"),
                bad("input the method does not take", body("EPA_C1", "natural_gas", "AR5",
                        input("fuelQuantity", 1, "scf") + "," + input("hhv", 38.5, "MJ/Nm3")), "inputs.hhv", "takes no input"),
                bad("unit of another dimension", body("EPA_C2A", "fuel_gas", "AR5",
                        C2A_FUEL + "," + input("hhv", 38.5, "kg/kmol")), "inputs.hhv", "kg/kmol"),
                bad("unknown unit", body("EPA_C2A", "fuel_gas", "AR5", C2A_FUEL + "," + input("hhv", 38.5, "MJ/Nm3x")),
                        "inputs.hhv", "unknown unit 'MJ/Nm3x'"),
                bad("mass with a heating value per scf", body("EPA_C1", "natural_gas", "AR5", input("fuelQuantity", 5, "t")),
                        "inputs.fuelQuantity", "scf"),
                bad("negative", body("EPA_C2A", "fuel_gas", "AR5", input("fuelQuantity", -5, "Nm3") + ","
                        + input("hhv", 38.5, "MJ/Nm3")), "inputs.fuelQuantity", "negative"),
                bad("infinite", body("EPA_C1", "natural_gas", "AR5",
                        "\"fuelQuantity\":{\"value\":1e999,\"uom\":\"scf\"}"), "inputs.fuelQuantity", "not a number"),
                bad("an integer beyond double range", body("EPA_C1", "natural_gas", "AR5",
                        "\"fuelQuantity\":{\"value\":1" + "0".repeat(400) + ",\"uom\":\"scf\"}"), "inputs.fuelQuantity",
                        "not a number"),
                bad("value not a number", body("EPA_C1", "natural_gas", "AR5",
                        "\"fuelQuantity\":{\"value\":\"1200\",\"uom\":\"scf\"}"), "inputs.fuelQuantity", "must be a number"),
                bad("no unit", body("EPA_C1", "natural_gas", "AR5", "\"fuelQuantity\":{\"value\":1200}"),
                        "inputs.fuelQuantity", "uom"),
                bad("quantity not an object", body("EPA_C1", "natural_gas", "AR5", "\"fuelQuantity\":1200"),
                        "inputs.fuelQuantity", "{\"value\""),
                bad("unknown key in a quantity", body("EPA_C1", "natural_gas", "AR5",
                        "\"fuelQuantity\":{\"value\":1200,\"unit\":\"scf\"}"), "inputs.fuelQuantity.unit", "uom"),
                bad("inputs not an object", "{\"method\":\"EPA_C1\",\"fuel\":\"natural_gas\",\"inputs\":[1]}", "inputs", "object"),
                bad("an O2-referenced concentration without the measured O2", body("POLLUTANT_MASS", null, "AR5",
                        input("stackFlow", 5e4, "Nm3/h dry") + "," + input("noxConcentration", 150, "mg/Nm3 dry 3%O2") + ","
                        + input("duration", 1, "h")), "inputs.noxConcentration", "needs the measured stack O2: give o2 (vol% dry)"),
                bad("fraction above 1", body("EPA_C5", "fuel_gas", "AR5", input("fuelQuantity", 1e6, "scf") + ","
                        + input("carbonContent", 1.2, "kg/kg") + "," + input("molecularWeight", 18, "kg/kmol")),
                        "inputs.carbonContent", "above 1"),
                bad("unknown fuel", body("EPA_C1", "coal", "AR5", input("fuelQuantity", 1, "scf")), "fuel", "natural_gas"),
                bad("no fuel where the table needs one", body("EPA_C1", null, "AR5", input("fuelQuantity", 1, "scf")),
                        "fuel", "fuel"),
                bad("fuel not a string", "{\"method\":\"EPA_C1\",\"fuel\":3,\"inputs\":{" + input("fuelQuantity", 1, "scf") + "}}",
                        "fuel", "string"),
                bad("unknown GWP set", body("EPA_C1", "natural_gas", "AR3", input("fuelQuantity", 1, "scf")), "gwp", "AR5"),
                bad("streams for a method without them", "{\"method\":\"EPA_C1\",\"fuel\":\"natural_gas\",\"inputs\":{"
                        + input("fuelQuantity", 1, "scf") + "},\"streams\":[{\"name\":\"crude\",\"quantity\":{\"value\":1,\"uom\":\"t\"},"
                        + "\"carbonContent\":{\"value\":0.8,\"uom\":\"kg/kg\"},\"output\":false}]}", "streams", "EU_MRR_MASS_BALANCE"),
                bad("a mass balance without streams", "{\"method\":\"EU_MRR_MASS_BALANCE\",\"gwp\":\"AR5\"}", "streams",
                        "at least one"),
                bad("a stream in a gas volume", massBalance("{\"value\":100,\"uom\":\"Nm3\"}", "{\"value\":0.8,\"uom\":\"kg/kg\"}",
                        "false"), "streams[1].quantity", "Nm3"),
                bad("a stream without carbon content", massBalance("{\"value\":100,\"uom\":\"t\"}", null, "false"),
                        "streams[1].carbonContent", "missing"),
                bad("a stream without direction", massBalance("{\"value\":100,\"uom\":\"t\"}",
                        "{\"value\":0.8,\"uom\":\"kg/kg\"}", null), "streams[1].output", "true"),
                bad("a negative stream", massBalance("{\"value\":-100,\"uom\":\"t\"}", "{\"value\":0.8,\"uom\":\"kg/kg\"}",
                        "true"), "streams[1].quantity", "non-negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedNamingTheField(String what, String body, String field, String detailMentions) {
        Response response = api.post("/api/v1/calculations", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("parameter").asString()).as(response.toString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains("'" + field + "'").contains(detailMentions);
    }

    /**
     * Every method with no inputs, with each input it takes in each unit it accepts, and with fuels the tables
     * have, lack, or none: the answer is a result or a 400 naming a field, never anything else.
     */
    @ParameterizedTest
    @EnumSource(CalculationMethod.class)
    void everyMethodAnswersAResultOrAFieldNeverAFailure(CalculationMethod method) {
        List<String> bodies = new ArrayList<>();
        for (String fuel : new String[] {null, "natural_gas", "fuel_gas", "gas_diesel_oil", "nope"}) {
            bodies.add(body(method.name(), fuel, "AR6", ""));
            for (Map<String, UnitOfMeasure> units : unitChoices(method)) {
                StringJoiner inputs = new StringJoiner(",");
                units.forEach((name, unit) -> inputs.add(input(name, 0.5, unit.symbol())));
                bodies.add(body(method.name(), fuel, "AR6", inputs.toString()));
            }
        }
        for (String body : bodies) {
            Response response = api.post("/api/v1/calculations", body);
            assertThat(response.status()).as(body + " → " + response).isIn(200, 400);
            if (response.status() == 400) {
                assertThat(response.json().get("parameter").asString()).as(body + " → " + response).isNotBlank();
            }
        }
    }

    /** For each dimension of each input of {@code method}, every input given, that one in a unit of that dimension. */
    private static List<Map<String, UnitOfMeasure>> unitChoices(CalculationMethod method) {
        List<Map<String, UnitOfMeasure>> choices = new ArrayList<>();
        for (MethodInput varied : method.inputs()) {
            for (Dimension dimension : varied.dimensions()) {
                Map<String, UnitOfMeasure> units = new LinkedHashMap<>();
                for (MethodInput input : method.inputs()) {
                    Dimension d = input == varied ? dimension : input.dimensions().iterator().next();
                    units.put(input.name(), UnitOfMeasure.all().stream().filter(u -> u.dimension() == d).findFirst().orElseThrow());
                }
                choices.add(units);
            }
        }
        return choices;
    }

    @Test
    void anUnknownSiteIsRefusedWithTheChoices() {
        Response response = api.post("/api/v1/calculations", body("EPA_C1", "natural_gas", null,
                input("fuelQuantity", 1, "scf")), "site", "atlantis");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("parameter").asString()).isEqualTo("site");
        assertThat(response.json().get("detail").asString()).contains("atlantis", SITE);
    }

    /** Review finding L5: the body limit is 1 MB (application.properties); 2 MB of spaces is a valid JSON prefix. */
    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String huge = " ".repeat(2 * 1024 * 1024) + body("EPA_C1", "natural_gas", "AR5", input("fuelQuantity", 1, "scf"));
        Response declared = api.post("/api/v1/calculations", huge);
        assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
        assertThat(declared.isProblem()).isTrue();
        assertThat(declared.json().get("detail").asString()).contains("plumeline.api.max-request-body");

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/calculations"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("engineer:engineer-pw".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("chunked");

        String small = "  " + body("EPA_C1", "natural_gas", "AR5", input("fuelQuantity", 1000, "scf"));
        HttpResponse<String> fine = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/calculations"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("engineer:engineer-pw".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small.getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fine.statusCode()).as("a chunked body within the limit: " + fine.body()).isEqualTo(200);
    }

    @Test
    void getIsNotAllowed() {
        Response response = api.get("/api/v1/calculations");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }

    private static Arguments bad(String what, String body, String field, String detailMentions) {
        return Arguments.of(what, body, field, detailMentions);
    }

    /** A mass balance whose second stream (streams[1]) has the given parts; null leaves a part out. */
    private static String massBalance(String quantity, String carbonContent, String output) {
        StringBuilder second = new StringBuilder("{\"name\":\"coke\"");
        if (quantity != null) second.append(",\"quantity\":").append(quantity);
        if (carbonContent != null) second.append(",\"carbonContent\":").append(carbonContent);
        if (output != null) second.append(",\"output\":").append(output);
        second.append('}');
        return "{\"method\":\"EU_MRR_MASS_BALANCE\",\"gwp\":\"AR5\",\"streams\":["
                + "{\"name\":\"crude\",\"quantity\":{\"value\":1000,\"uom\":\"t\"},\"carbonContent\":{\"value\":0.85,\"uom\":\"kg/kg\"},"
                + "\"output\":false}," + second + "]}";
    }
}
