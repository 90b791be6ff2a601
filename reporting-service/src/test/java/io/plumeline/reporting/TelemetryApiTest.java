package io.plumeline.reporting;

import io.plumeline.reporting.support.InfluxTestServer;
import static io.plumeline.reporting.support.Contract3Lines.RECENT_DAY;
import static io.plumeline.reporting.support.Contract3Lines.badReading;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
import static io.plumeline.reporting.support.Contract3Lines.uncertainReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.reporting.support.ApiClient.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TelemetryApiTest extends SingleSiteApiTest {

    static final Instant T0 = RECENT_DAY.plusSeconds(4 * 3600).plusMillis(500);
    static final String FLOW = "heater-1.fuel_gas_flow";
    static final String HHV = "heater-1.fuel_gas_hhv";
    /** One reading a second; readings 2 and 3 BAD (sensor failure), 7 UNCERTAIN. */
    static final int READINGS = 10;
    static final List<Integer> BAD = List.of(2, 3);
    static final int UNCERTAIN = 7;

    static double flow(int i) {
        return 1200.25 + 3.5 * i;
    }

    @BeforeAll
    static void writeReadings() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < READINGS; i++) {
            Instant ts = T0.plusSeconds(i);
            lines.add(BAD.contains(i) ? badReading(SITE, "heater-1", FLOW, ts)
                    : i == UNCERTAIN ? uncertainReading(SITE, "heater-1", FLOW, ts, flow(i))
                    : goodReading(SITE, "heater-1", FLOW, ts, flow(i)));
            lines.add(goodReading(SITE, "heater-1", HHV, ts, 38.5));
        }
        InfluxTestServer.write(DATABASE, lines);
    }

    /**
     * A reading of heater-1.stack's fuel gas flow 200 days old is past the raw retention (90 days) but in the copy the
     * job keeps for Part 98's records (retention policy record, 3 years): the API reads it from there.
     */
    @Test
    void aReportableSourcesTagIsReadFromTheCopyKeptForTheRecord() {
        Instant old = RECENT_DAY.minus(java.time.Duration.ofDays(200)).plusSeconds(3600);
        InfluxTestServer.shared().query(DATABASE, "CREATE RETENTION POLICY \"record\" ON \"" + DATABASE
                + "\" DURATION 1096d REPLICATION 1 SHARD DURATION 7d");
        InfluxTestServer.write(DATABASE, "record", List.of(goodReading(SITE, "heater-1", FLOW, old, 1333.0)));

        Response response = api.get("/api/v1/telemetry", "tag", FLOW, "from", old.minusSeconds(60).toString(),
                "to", old.plusSeconds(60).toString());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("points")).hasSize(1);
        assertThat(response.json().get("points").get(0).get("value").asDouble()).isEqualTo(1333.0);
    }

    @Test
    void rawReadingsComeBackWithTheirUnitTimesAndValues() {
        Response response = api.get("/api/v1/telemetry", "tag", FLOW, "from", T0.toString(),
                "to", T0.plusSeconds(READINGS).toString());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("tag").asString()).isEqualTo(FLOW);
        assertThat(body.get("uom").asString()).isEqualTo("Nm3/h");
        JsonNode points = body.get("points");
        assertThat(points).hasSize(READINGS);
        for (int i = 0; i < READINGS; i++) {
            JsonNode point = points.get(i);
            assertThat(Instant.parse(point.get("ts").asString())).isEqualTo(T0.plusSeconds(i));
            if (BAD.contains(i)) {
                assertThat(point.get("value").isNull()).as("BAD reading %d has a null value", i).isTrue();
                assertThat(point.get("quality").asString()).isEqualTo("BAD");
            } else {
                assertThat(point.get("value").asDouble()).isEqualTo(flow(i));
                assertThat(point.get("quality").asString()).isEqualTo(i == UNCERTAIN ? "UNCERTAIN" : "GOOD");
            }
        }
    }

    @Test
    void toIsExclusiveAndOtherTagsStayOut() {
        Response response = api.get("/api/v1/telemetry", "tag", FLOW, "from", T0.plusSeconds(1).toString(),
                "to", T0.plusSeconds(5).toString());

        JsonNode points = response.json().get("points");
        assertThat(points).hasSize(4);
        assertThat(Instant.parse(points.get(0).get("ts").asString())).isEqualTo(T0.plusSeconds(1));
        assertThat(points.get(0).get("value").asDouble()).isEqualTo(flow(1));
    }

    @Test
    void stepsAreMeansWithTheQualityOfTheirReadings() {
        // Steps of 2 s aligned on whole seconds: [0,1] good, [2,3] bad only, [4,5] good, [6,7] one uncertain, [8,9] good.
        Instant from = T0.minusMillis(500);
        Response response = api.get("/api/v1/telemetry", "tag", FLOW, "from", from.toString(),
                "to", from.plusSeconds(READINGS).toString(), "step", "PT2S");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("step").asString()).isEqualTo("PT2S");
        JsonNode points = body.get("points");
        assertThat(points).hasSize(5);
        for (int step = 0; step < 5; step++) {
            JsonNode point = points.get(step);
            assertThat(Instant.parse(point.get("ts").asString())).isEqualTo(from.plusSeconds(2L * step));
            int first = 2 * step;
            int second = first + 1;
            if (BAD.contains(first) && BAD.contains(second)) {
                assertThat(point.get("value").isNull()).isTrue();
                assertThat(point.get("quality").asString()).isEqualTo("BAD");
            } else {
                assertThat(point.get("value").asDouble()).isCloseTo((flow(first) + flow(second)) / 2, within(1e-9));
                boolean allGood = first != UNCERTAIN && second != UNCERTAIN;
                assertThat(point.get("quality").asString()).isEqualTo(allGood ? "GOOD" : "UNCERTAIN");
            }
        }
    }

    @Test
    void aRangeWithoutReadingsHasNoPoints() {
        Response response = api.get("/api/v1/telemetry", "tag", FLOW, "from", "2020-01-01T00:00:00Z",
                "to", "2020-01-02T00:00:00Z");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("points")).isEmpty();
    }
}
