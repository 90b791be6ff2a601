package io.plumeline.reporting;

import io.plumeline.reporting.support.InfluxTestServer;
import static io.plumeline.reporting.support.Contract3Lines.RECENT_DAY;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.support.ApiClient.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad and hostile parameters: always 400 application/problem+json naming the parameter, never a 500. */
class RequestSafetyTest extends SingleSiteApiTest {

    static final String TAG = "heater-1.fuel_gas_flow";
    static final Instant WRITTEN = RECENT_DAY;
    static final String FROM = WRITTEN.toString();
    static final String TO = WRITTEN.plusSeconds(3600).toString();

    @BeforeAll
    static void writeAReading() {
        InfluxTestServer.write(DATABASE, List.of(goodReading(SITE, "heater-1", TAG, WRITTEN, 42.0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x' OR 1=1 --", "\"; DROP DATABASE plumeline", "heater-1.fuel_gas_flow' OR tag =~ /.*/ --",
            "heater-1.fuel_gas_flow\\", "nope"})
    void hostileOrUnknownTagsAreRefusedByName(String tag) {
        Response response = api.get("/api/v1/telemetry", "tag", tag, "from", FROM, "to", TO);

        assertBadParameter(response, "tag");
        assertThat(response.json().get("detail").asString()).contains("unknown tag").contains(tag);
        assertThat(stillThere()).as("the database and its readings survive").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"heater-1.stack' OR '1'='1", "\"; DROP DATABASE plumeline", "unknown.stack"})
    void hostileOrUnknownSourcesAreRefusedByName(String source) {
        Response response = api.get("/api/v1/emissions", "from", FROM, "to", TO, "source", source);

        assertBadParameter(response, "source");
        assertThat(response.json().get("detail").asString()).contains(source).contains("heater-1.stack");
        assertThat(stillThere()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CO2' OR 1=1 --", "co2", "NOX", "SF6", "co2e", "CO2E", "NOx' OR gas =~ /.*/ --"})
    void unknownGasesAreRefusedWithTheChoices(String gas) {
        Response response = api.get("/api/v1/emissions", "from", FROM, "to", TO, "gas", gas);

        assertBadParameter(response, "gas");
        assertThat(response.json().get("detail").asString()).contains(gas).contains("CO2", "CH4", "N2O", "NOx", "SO2", "CO", "CO2e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-01T00:00:00Z' OR time > 0 --", "yesterday", "2026-13-01T00:00:00Z", "2026-06-01",
            "2026-06-01T00:00:00", "1500000000", "+999999999-12-31T23:59:59Z", "1000-01-01T00:00:00Z"})
    void badOrAbsurdTimesAreRefused(String from) {
        Response response = api.get("/api/v1/telemetry", "tag", TAG, "from", from, "to", TO);

        assertBadParameter(response, "from");
    }

    @Test
    void fromMustComeBeforeTo() {
        assertBadParameter(api.get("/api/v1/telemetry", "tag", TAG, "from", TO, "to", FROM), "to");
        assertBadParameter(api.get("/api/v1/emissions", "from", FROM, "to", FROM), "to");
    }

    @Test
    void rangesAreBounded() {
        Response raw = api.get("/api/v1/telemetry", "tag", TAG, "from", "2026-06-01T00:00:00Z", "to", "2026-06-09T00:00:00Z");
        assertBadParameter(raw, "to");
        assertThat(raw.json().get("detail").asString()).contains("7 days").contains("step");

        Response tooManySteps = api.get("/api/v1/telemetry", "tag", TAG, "from", "2026-01-01T00:00:00Z",
                "to", "2026-06-01T00:00:00Z", "step", "PT1S");
        assertBadParameter(tooManySteps, "step");
        assertThat(tooManySteps.json().get("detail").asString()).contains("100000");

        Response decades = api.get("/api/v1/emissions", "from", "2000-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z",
                "interval", "P1M");
        assertBadParameter(decades, "to");
        assertThat(decades.json().get("detail").asString()).contains("3653 days");

        Response hourlyYears = api.get("/api/v1/emissions", "from", "2024-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z");
        assertBadParameter(hourlyYears, "to");
        assertThat(hourlyYears.json().get("detail").asString()).contains("366 days").contains("P1D");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1M", "PT0.5S", "1m", "PT1M' --", "P1M"})
    void badStepsAreRefused(String step) {
        assertBadParameter(api.get("/api/v1/telemetry", "tag", TAG, "from", FROM, "to", TO, "step", step), "step");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1W", "PT1H' --", "daily"})
    void unknownIntervalsAreRefused(String interval) {
        Response response = api.get("/api/v1/emissions", "from", FROM, "to", TO, "interval", interval);
        assertBadParameter(response, "interval");
        assertThat(response.json().get("detail").asString()).contains("PT1H", "P1D", "P1M");
    }

    @Test
    void missingParametersAreNamed() {
        assertBadParameter(api.get("/api/v1/telemetry", "from", FROM, "to", TO), "tag");
        assertBadParameter(api.get("/api/v1/telemetry", "tag", TAG, "to", TO), "from");
        assertBadParameter(api.get("/api/v1/telemetry", "tag", TAG, "from", FROM), "to");
        assertBadParameter(api.get("/api/v1/emissions", "to", TO), "from");
        assertBadParameter(api.get("/api/v1/emissions", "from", FROM, "to", ""), "to");
    }

    @Test
    void anUnknownSiteIsRefusedWithTheChoices() {
        Response response = api.get("/api/v1/site", "site", "dalian-refinery' --");
        assertBadParameter(response, "site");
        assertThat(response.json().get("detail").asString()).contains(SITE);
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        Response response = api.get("/api/v1/nothing-here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
    }

    private static void assertBadParameter(Response response, String parameter) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
        assertThat(response.json().get("detail").asString()).contains("'" + parameter + "'");
    }

    private boolean stillThere() {
        Response response = api.get("/api/v1/telemetry", "tag", TAG, "from", FROM, "to", TO);
        return response.status() == 200 && response.json().get("points").size() == 1
                && response.json().get("points").get(0).get("value").asDouble() == 42.0;
    }
}
