package io.plumeline.reporting;

import static io.plumeline.reporting.support.Contract3Lines.RECENT_DAY;
import static io.plumeline.reporting.support.Contract3Lines.badReading;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.Sample;
import io.plumeline.core.emissions.SourceHourAccount;
import io.plumeline.core.lineage.InputTrace;
import io.plumeline.core.lineage.JobIdentity;
import io.plumeline.core.lineage.LineageJson;
import io.plumeline.core.lineage.LineageRecompute;
import io.plumeline.core.lineage.LineageRecord;
import io.plumeline.core.lineage.SourceHourLineage;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.InfluxTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A heater hour of the refinery stored as the job stores it (its readings, its emissions points and their lineage
 * records, made by core as the job makes them), then followed through {@code GET /api/v1/lineage/{id}} to its raw
 * readings, and computed again from those readings and the record to the stored numbers.
 */
class LineageApiTest extends RefineryApiTest {

    static final Instant HOUR = RECENT_DAY.plus(Duration.ofHours(4));
    static final Duration MAX_HOLD = Duration.ofMinutes(5);
    static final String FLOW = "heater-1.fuel_gas_flow";
    static final String HHV = "heater-1.fuel_gas_hhv";
    static String siteModelText;
    static SourceHourAccount stored;
    static LineageRecord record;

    @BeforeAll
    static void storeAnHour() throws IOException {
        siteModelText = Files.readString(REFINERY);
        SiteModel model = SiteModelLoader.parse(siteModelText, REFINERY.toString());
        EmissionSource heater = model.source("heater-1.stack").orElseThrow();
        List<String> lines = new ArrayList<>();
        Map<String, List<Sample>> measured = new HashMap<>();
        // every 10 s from 30 s before the hour; the flow BAD from :10 to :20
        for (int s = -30; s < 3600; s += 10) {
            Instant ts = HOUR.plusSeconds(s);
            boolean bad = s >= 600 && s < 1200;
            double flow = 1180.5 + 0.25 * (s % 41);
            double hhv = 38.25 + 0.125 * (s % 7);
            lines.add(bad ? badReading(SITE, "heater-1", FLOW, ts) : goodReading(SITE, "heater-1", FLOW, ts, flow));
            lines.add(goodReading(SITE, "heater-1", HHV, ts, hhv));
            if (s >= -10) {   // the job sees the last reading before the hour and those in it
                measured.computeIfAbsent("fuelQuantity", k -> new ArrayList<>()).add(new Sample(ts, bad ? null : flow));
                measured.computeIfAbsent("hhv", k -> new ArrayList<>()).add(new Sample(ts, hhv));
            }
        }
        stored = SourceHourAccount.of(model, heater, HOUR, measured, MAX_HOLD, HourlyEmissions.DEFAULT_CALCULATOR);
        record = SourceHourLineage.of(JobIdentity.of(siteModelText, "0.1.0-test"), model, heater, HOUR, measured, measured,
                MAX_HOLD, stored, null);
        String json = LineageJson.write(record);
        long nanos = HOUR.getEpochSecond() * 1_000_000_000L;
        for (HourlyEmission e : stored.emissions()) {
            lines.add("emissions,site=" + SITE + ",unit=heater-1,source=heater-1.stack,gas=" + e.gas() + ",method=EPA_C2A"
                    + " mass_kg=" + e.massKg() + ",co2e_kg=" + e.co2eKg() + ",availability_pct=" + e.availabilityPct()
                    + ",substituted_min=0,lineage_id=\"" + e.lineageId() + "\" " + nanos);
            lines.add("lineage,site=" + SITE + ",source=heater-1.stack,gas=" + e.gas() + " lineage_id=\"" + e.lineageId()
                    + "\",record=\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\" " + nanos);
        }
        InfluxTestServer.write(DATABASE, lines);
    }

    static String co2eId() {
        return HourlyEmission.lineageId(SITE, "heater-1.stack", HourlyEmission.CO2E, HOUR);
    }

    @Test
    void aLineageIdGivesItsRecordAndTheReadingsReconcileWithIt() {
        Response r = api.get("/api/v1/lineage/" + co2eId());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("lineageId").asString()).isEqualTo(co2eId());
        assertThat(body.get("source").asString()).isEqualTo("heater-1.stack");
        assertThat(body.get("gas").asString()).isEqualTo("CO2e");
        assertThat(Instant.parse(body.get("hourStart").asString())).isEqualTo(HOUR);
        LineageRecord served = LineageJson.read(body.get("record").toString());
        assertThat(served).isEqualTo(record);
        assertThat(served.result("CO2e").orElseThrow().co2eKg()).isEqualTo(stored.emissions().get(stored.emissions().size() - 1).co2eKg());

        Map<String, List<Sample>> readings = new HashMap<>();
        assertThat(body.get("readings")).hasSize(2);
        for (JsonNode link : body.get("readings")) {
            Response telemetry = api.follow(link.get("href").asString());
            assertThat(telemetry.status()).as(telemetry.toString()).isEqualTo(200);
            String tag = link.get("tag").asString();
            List<Sample> samples = new ArrayList<>();
            for (JsonNode p : telemetry.json().get("points")) {
                samples.add(new Sample(Instant.parse(p.get("ts").asString()),
                        "GOOD".equals(p.get("quality").asString()) ? p.get("value").asDouble() : null));
            }
            readings.put(tag, samples);
            InputTrace trace = served.input(link.get("input").asString()).orElseThrow();
            List<Sample> inHour = samples.stream().filter(s -> !s.ts().isBefore(HOUR)).toList();
            assertThat(inHour.stream().filter(Sample::isGood).count()).as("GOOD readings of %s", tag).isEqualTo(trace.good());
            assertThat(inHour.stream().filter(s -> !s.isGood()).count()).as("BAD readings of %s", tag).isEqualTo(trace.bad());
            assertThat(inHour.get(0).ts()).isEqualTo(trace.first());
            assertThat(inHour.get(inHour.size() - 1).ts()).isEqualTo(trace.last());
        }
        assertThat(served.input("fuelQuantity").orElseThrow().bad()).isEqualTo(60);

        // the readings behind the link and the record give the stored numbers again, to the bit
        assertThat(LineageRecompute.recompute(siteModelText, REFINERY.toString(), served, readings).emissions())
                .isEqualTo(stored.emissions());
    }

    @Test
    void everyGasOfTheHourSharesTheRecordAndTheSiteMayBeNamed() {
        String co2 = HourlyEmission.lineageId(SITE, "heater-1.stack", "CO2", HOUR);
        Response r = api.get("/api/v1/lineage/" + co2, "site", SITE);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("gas").asString()).isEqualTo("CO2");
        assertThat(LineageJson.read(r.json().get("record").toString())).isEqualTo(record);
    }

    @Test
    void anUnknownIdIsNotFoundAndAMalformedOneIsABadRequest() {
        String unknown = HourlyEmission.lineageId(SITE, "heater-2.stack", "CO2", HOUR);
        Response missing = api.get("/api/v1/lineage/" + unknown);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().get("detail").asString()).contains(unknown);

        Response malformed = api.get("/api/v1/lineage/2026112604-x'%20OR%20'1'='1");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.json().get("parameter").asString()).isEqualTo("lineageId");

        Response noHour = api.get("/api/v1/lineage/" + co2eId().substring(11));
        assertThat(noHour.status()).as(noHour.toString()).isEqualTo(400);

        Response site = api.get("/api/v1/lineage/" + co2eId(), "site", "nowhere");
        assertThat(site.status()).as(site.toString()).isEqualTo(400);
        assertThat(site.json().get("parameter").asString()).isEqualTo("site");
    }
}
