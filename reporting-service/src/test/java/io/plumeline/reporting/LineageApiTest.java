package io.plumeline.reporting;

import static io.plumeline.reporting.support.Contract3Lines.RECENT_DAY;
import static io.plumeline.reporting.support.Contract3Lines.badReading;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.core.emissions.MissingDataContext;
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
 * A heater hour of the refinery stored as the job stores it (its readings, its emissions points and the one lineage
 * point of the source-hour, made by core as the job makes them), then followed through {@code GET /api/v1/lineage/{id}}
 * to its raw readings, and computed again from those readings and the record to the stored numbers. The hour before
 * is stored as the job stored lineage before, one point per gas row, and must still be found.
 */
class LineageApiTest extends RefineryApiTest {

    static final Instant HOUR = RECENT_DAY.plus(Duration.ofHours(4));
    static final Instant OLD_LAYOUT_HOUR = HOUR.minus(Duration.ofHours(1));
    static final Duration MAX_HOLD = Duration.ofMinutes(5);
    static final String FLOW = "heater-1.fuel_gas_flow";
    static final String HHV = "heater-1.fuel_gas_hhv";
    static final String CARBON = "heater-1.fuel_gas_carbon";
    static final String MW = "heater-1.fuel_gas_mw";
    static final String HEATER = "heater-1.stack";
    static String siteModelText;
    static SiteModel model;
    static SourceHourAccount stored;
    static LineageRecord record;
    static LineageRecord oldLayoutRecord;

    @BeforeAll
    static void storeAnHour() throws IOException {
        siteModelText = Files.readString(REFINERY);
        model = SiteModelLoader.parse(siteModelText, REFINERY.toString());
        List<String> lines = new ArrayList<>();
        Map<String, List<Sample>> measured = readings(HOUR, lines);
        stored = account(HOUR, measured);
        record = lineage(HOUR, measured, stored);
        long nanos = nanos(HOUR);
        lines.addAll(emissionLines(stored));
        String ids = String.join(" ", stored.emissions().stream().map(HourlyEmission::lineageId).toList());
        // as the job writes it (LineageToPoint): one point per source-hour with the record and the hour's ids
        lines.add("lineage,site=" + SITE + ",source=" + HEATER + " lineage_ids=\"" + ids + "\",record="
                + quoted(LineageJson.write(record)) + " " + nanos);
        // the same hour in the old layout with a stale record (from its first half hour), as when an hour stored
        // before the change is computed again after it: the new point is the one served
        Map<String, List<Sample>> firstHalf = new HashMap<>();
        measured.forEach((input, samples) -> firstHalf.put(input,
                samples.stream().filter(x -> x.ts().isBefore(HOUR.plusSeconds(1800))).toList()));
        lines.addAll(oldLayoutLineage(HOUR, lineage(HOUR, firstHalf, account(HOUR, firstHalf))));

        // the hour before, stored before the change: one lineage point per gas row, with its gas and lineage_id
        Map<String, List<Sample>> before = readings(OLD_LAYOUT_HOUR, lines);
        SourceHourAccount oldLayoutHour = account(OLD_LAYOUT_HOUR, before);
        oldLayoutRecord = lineage(OLD_LAYOUT_HOUR, before, oldLayoutHour);
        lines.addAll(emissionLines(oldLayoutHour));
        lines.addAll(oldLayoutLineage(OLD_LAYOUT_HOUR, oldLayoutRecord));

        // heater-2's hour lost its record's write (the record goes with one point of the hour): its ids find nothing
        lines.add("lineage,site=" + SITE + ",source=heater-2.stack lineage_ids=\""
                + HourlyEmission.lineageId(SITE, "heater-2.stack", "CH4", HOUR) + "\" " + nanos);
        InfluxTestServer.write(DATABASE, lines);
    }

    /**
     * Every 10 s from 30 s before the hour, the heater's four Eq. C-5 inputs (flow, HHV, the GC's carbon content and
     * molecular weight), the flow BAD from :10 to :20; returns what the job sees of them.
     */
    private static Map<String, List<Sample>> readings(Instant hour, List<String> lines) {
        Map<String, List<Sample>> measured = new HashMap<>();
        for (int s = -30; s < 3600; s += 10) {
            Instant ts = hour.plusSeconds(s);
            boolean bad = s >= 600 && s < 1200;
            double flow = 1180.5 + 0.25 * (s % 41);
            double hhv = 38.25 + 0.125 * (s % 7);
            lines.add(bad ? badReading(SITE, "heater-1", FLOW, ts) : goodReading(SITE, "heater-1", FLOW, ts, flow));
            double carbon = 0.72 + 0.001 * (s % 5);
            double mw = 19.0 + 0.05 * (s % 3);
            lines.add(goodReading(SITE, "heater-1", HHV, ts, hhv));
            lines.add(goodReading(SITE, "heater-1", CARBON, ts, carbon));
            lines.add(goodReading(SITE, "heater-1", MW, ts, mw));
            if (s >= -10) {   // the job sees the last reading before the hour and those in it
                measured.computeIfAbsent("fuelQuantity", k -> new ArrayList<>()).add(new Sample(ts, bad ? null : flow));
                measured.computeIfAbsent("hhv", k -> new ArrayList<>()).add(new Sample(ts, hhv));
                measured.computeIfAbsent("carbonContent", k -> new ArrayList<>()).add(new Sample(ts, carbon));
                measured.computeIfAbsent("molecularWeight", k -> new ArrayList<>()).add(new Sample(ts, mw));
            }
        }
        return measured;
    }

    private static SourceHourAccount account(Instant hour, Map<String, List<Sample>> measured) {
        EmissionSource heater = model.source(HEATER).orElseThrow();
        return SourceHourAccount.of(model, heater, hour, measured, MAX_HOLD, HourlyEmissions.DEFAULT_CALCULATOR);
    }

    private static LineageRecord lineage(Instant hour, Map<String, List<Sample>> measured, SourceHourAccount account) {
        return SourceHourLineage.of(JobIdentity.of(siteModelText, "0.1.0-test"), model, model.source(HEATER).orElseThrow(),
                hour, measured, measured, MAX_HOLD, account, null, MissingDataContext.NONE);
    }

    private static List<String> emissionLines(SourceHourAccount account) {
        List<String> lines = new ArrayList<>();
        for (HourlyEmission e : account.emissions()) {
            lines.add("emissions,site=" + SITE + ",unit=heater-1,source=" + HEATER + ",gas=" + e.gas() + ",method=EPA_C2A"
                    + " mass_kg=" + e.massKg() + ",co2e_kg=" + e.co2eKg() + ",availability_pct=" + e.availabilityPct()
                    + ",substituted_min=0,lineage_id=\"" + e.lineageId() + "\" " + nanos(e.hourStart()));
        }
        return lines;
    }

    /** As the job wrote lineage before one point per source-hour: the record with each gas row, tagged with its gas. */
    private static List<String> oldLayoutLineage(Instant hour, LineageRecord lineage) {
        return lineage.results().stream().map(row -> "lineage,site=" + SITE + ",source=" + HEATER + ",gas=" + row.gas()
                + " lineage_id=\"" + row.lineageId() + "\",record=" + quoted(LineageJson.write(lineage)) + " "
                + nanos(hour)).toList();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L;
    }

    static String co2eId() {
        return HourlyEmission.lineageId(SITE, HEATER, HourlyEmission.CO2E, HOUR);
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
        assertThat(body.get("readings")).hasSize(4);
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
    void theIdOfEachGasOfTheHourFindsItsOneRecordAndTheSiteMayBeNamed() {
        assertThat(stored.emissions()).extracting(HourlyEmission::gas).containsExactly("CO2", "CH4", "N2O", "CO2e");
        for (HourlyEmission e : stored.emissions()) {
            Response r = api.get("/api/v1/lineage/" + e.lineageId(), "site", SITE);

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("lineageId").asString()).isEqualTo(e.lineageId());
            assertThat(r.json().get("gas").asString()).isEqualTo(e.gas());
            assertThat(r.json().get("source").asString()).isEqualTo(HEATER);
            assertThat(LineageJson.read(r.json().get("record").toString())).as("the record of %s", e.gas()).isEqualTo(record);
        }
    }

    @Test
    void aRecordStoredWithEachGasRowBeforeIsStillFoundByEachId() {
        for (LineageRecord.GasRow row : oldLayoutRecord.results()) {
            Response r = api.get("/api/v1/lineage/" + row.lineageId());

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("gas").asString()).isEqualTo(row.gas());
            assertThat(Instant.parse(r.json().get("hourStart").asString())).isEqualTo(OLD_LAYOUT_HOUR);
            assertThat(LineageJson.read(r.json().get("record").toString())).isEqualTo(oldLayoutRecord);
            assertThat(r.json().get("readings")).hasSize(4);
        }
    }

    @Test
    void anUnknownIdIsNotFoundAndAMalformedOneIsABadRequest() {
        String unknown = HourlyEmission.lineageId(SITE, "heater-2.stack", "CO2", HOUR);
        String recordLost = HourlyEmission.lineageId(SITE, "heater-2.stack", "CH4", HOUR);
        for (String id : List.of(unknown, recordLost)) {
            Response missing = api.get("/api/v1/lineage/" + id);
            assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
            assertThat(missing.isProblem()).isTrue();
            assertThat(missing.json().get("detail").asString()).contains(id);
        }

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
