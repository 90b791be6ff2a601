package io.plumeline.reporting;

import io.plumeline.reporting.support.InfluxTestServer;
import static io.plumeline.reporting.support.Contract3Lines.accountedHour;
import static io.plumeline.reporting.support.Contract3Lines.hourlyEmission;
import static io.plumeline.reporting.support.Contract3Lines.lineageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.Contract3Lines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hourly rows as stored, and days and months of Dalian's calendar (UTC+8): 2026-11-30T16:00Z is midnight of
 * 1 December there, so the hours 12:00Z to 19:00Z of 30 November fall into two days and two months. The
 * heater's hours are written as the job writes them now (CO2, CH4 and their CO2e total, labelled with
 * substitution and late readings), the boiler's as it wrote them before it labelled hours.
 */
class EmissionsApiTest extends SingleSiteApiTest {

    static final String HEATER = "heater-1.stack";
    static final String BOILER = "boiler-1.stack";
    static final Instant LOCAL_DECEMBER = Instant.parse("2026-11-30T16:00:00Z");
    static final Instant LOCAL_30_NOVEMBER = Instant.parse("2026-11-29T16:00:00Z");
    static final Instant LOCAL_10_NOVEMBER = Instant.parse("2026-11-09T16:00:00Z");
    static final Instant LOCAL_NOVEMBER = Instant.parse("2026-10-31T16:00:00Z");
    static final List<Hour> HOURS = new ArrayList<>();

    static final List<String> POLLUTANTS = List.of("NOx", "SO2", "CO");
    static final Instant POLLUTANT_HOUR = Instant.parse("2026-11-20T03:00:00Z");

    static double pollutantKg(String gas) {
        return 7.5 + POLLUTANTS.indexOf(gas);
    }

    static final double CH4_KG = 0.05;
    static final double CH4_CO2E_KG = CH4_KG * 28;

    /** A heater hour: its CO2, the §75.33 tier when substituted (else null) and its late readings. */
    record Hour(Instant start, double massKg, double availabilityPct, double substitutedMin, String tier, int lateCount) {

        double co2eTotalKg() {
            return massKg + CH4_CO2E_KG;
        }
    }

    @BeforeAll
    static void writeHourlyEmissions() {
        HOURS.clear();
        for (int h = 0; h < 3; h++) {
            HOURS.add(new Hour(Instant.parse("2026-11-10T02:00:00Z").plus(Duration.ofHours(h)), 2400 + h, 100, 0, null, 0));
        }
        for (int h = 0; h < 8; h++) {
            // 14:00Z is still 30 November in Dalian, 17:00Z is 1 December: one substituted hour in each day
            String tier = h == 2 ? "MAXIMUM_LOOK_BACK" : h == 5 ? "MEAN_BEFORE_AFTER" : null;
            double substitutedMin = h == 2 ? 30 : h == 5 ? 15 : 0;
            HOURS.add(new Hour(Instant.parse("2026-11-30T12:00:00Z").plus(Duration.ofHours(h)), 2500.5 + 10 * h,
                    100 - 100 * substitutedMin / 60, substitutedMin, tier, h % 3));
        }
        List<String> lines = new ArrayList<>();
        for (Hour hour : HOURS) {
            lines.add(accountedHour(SITE, "heater-1", HEATER, "CO2", hour.start(), hour.massKg(), hour.massKg(),
                    hour.availabilityPct(), hour.substitutedMin(), hour.tier(), hour.lateCount()));
            lines.add(accountedHour(SITE, "heater-1", HEATER, "CH4", hour.start(), CH4_KG, CH4_CO2E_KG,
                    hour.availabilityPct(), hour.substitutedMin(), hour.tier(), hour.lateCount()));
            lines.add(accountedHour(SITE, "heater-1", HEATER, "CO2e", hour.start(), hour.co2eTotalKg(), hour.co2eTotalKg(),
                    hour.availabilityPct(), hour.substitutedMin(), hour.tier(), hour.lateCount()));
            lines.add(hourlyEmission(SITE, "boiler-1", BOILER, "CO2", hour.start(), 900, 900, 100, 0));
        }
        for (String pollutant : POLLUTANTS) {
            lines.add(hourlyEmission(SITE, "boiler-1", BOILER, pollutant, "POLLUTANT_MASS", POLLUTANT_HOUR,
                    pollutantKg(pollutant), 0, 100, 0));
        }
        InfluxTestServer.write(DATABASE, lines);
    }

    @Test
    void hourlyRowsAreTheStoredHoursWithTheirLineage() {
        Response response = api.get("/api/v1/emissions", "from", "2026-11-30T00:00:00Z", "to", "2026-12-01T00:00:00Z",
                "source", HEATER, "gas", "CO2");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("interval").asString()).isEqualTo("PT1H");
        assertThat(Instant.parse(body.get("from").asString())).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        List<Hour> expected = HOURS.stream().filter(h -> h.start().isAfter(Instant.parse("2026-11-29T23:59:59Z"))).toList();
        JsonNode rows = body.get("rows");
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode row = rows.get(i);
            Hour hour = expected.get(i);
            assertThat(row.get("source").asString()).isEqualTo(HEATER);
            assertThat(row.get("gas").asString()).isEqualTo("CO2");
            assertThat(row.get("method").asString()).isEqualTo("EPA_C2A");
            assertThat(Instant.parse(row.get("start").asString())).isEqualTo(hour.start());
            assertThat(row.get("massKg").asDouble()).isEqualTo(hour.massKg());
            assertThat(row.get("co2eKg").asDouble()).isEqualTo(hour.massKg());
            assertThat(row.get("availabilityPct").asDouble()).isEqualTo(hour.availabilityPct());
            assertThat(row.get("substitutedMin").asDouble()).isEqualTo(hour.substitutedMin());
            assertThat(row.get("lineageId").asString()).isEqualTo(lineageId(SITE, HEATER, "CO2", hour.start()));
            assertThat(row.get("substituted").asBoolean()).isEqualTo(hour.tier() != null);
            assertThat(row.get("substitutionTier").asString()).isEqualTo(hour.tier() == null ? "none" : hour.tier());
            assertThat(row.get("lateCount").asInt()).isEqualTo(hour.lateCount());
            assertThat(row.has("substitutedHours")).as("an hour is not a count of hours").isFalse();
        }
        assertThat(expected).as("the fixture has substituted and late hours")
                .anyMatch(h -> h.tier() != null).anyMatch(h -> h.lateCount() > 0);
    }

    @Test
    void aNonOperatingHourSaysSoAndAnHourWithoutTheFieldDoesNot() {
        Instant shutDown = Instant.parse("2025-01-15T03:00:00Z");
        InfluxTestServer.write(DATABASE, List.of(Contract3Lines.nonOperatingHour(SITE, "heater-1", HEATER, "CO2", shutDown)));

        JsonNode row = api.get("/api/v1/emissions", "from", shutDown.toString(), "to", shutDown.plusSeconds(3600).toString(),
                "source", HEATER, "gas", "CO2").json().get("rows").get(0);
        assertThat(row.get("massKg").asDouble()).isZero();
        assertThat(row.get("operating").asBoolean(true)).isFalse();
        assertThat(api.get("/api/v1/emissions", "from", "2026-11-30T12:00:00Z", "to", "2026-11-30T13:00:00Z",
                "source", HEATER, "gas", "CO2").json().get("rows").get(0).has("operating"))
                .as("an hour stored before the job wrote the field").isFalse();
    }

    /**
     * A day of the heater with one operating hour at 50 % availability and one shut-down hour (stored at 100 %: its
     * status was known): the day's availability is that of the operating hour, 50 %, not (50 + 100)/2 = 75 %.
     */
    @Test
    void aDaysAvailabilityIsOverItsOperatingHoursAndItCountsTheShutDownOnes() {
        Instant running = Instant.parse("2025-02-10T04:00:00Z");
        InfluxTestServer.write(DATABASE, List.of(
                Contract3Lines.accountedHour(SITE, "heater-1", HEATER, "CO2", running, 900, 900, 50, 0, null, 0),
                Contract3Lines.nonOperatingHour(SITE, "heater-1", HEATER, "CO2", running.plusSeconds(3600))));

        JsonNode day = api.get("/api/v1/emissions", "from", "2025-02-09T16:00:00Z", "to", "2025-02-10T16:00:00Z",
                "source", HEATER, "gas", "CO2", "interval", "P1D").json().get("rows").get(0);
        assertThat(day.get("hours").asInt()).isEqualTo(2);
        assertThat(day.get("nonOperatingHours").asInt()).isEqualTo(1);
        assertThat(day.get("availabilityPct").asDouble()).isEqualTo(50.0);
        assertThat(day.get("massKg").asDouble()).isEqualTo(900.0);
    }

    @Test
    void aPart75HourCarriesItsMethodOfDeterminationCode() {
        Instant hour = Instant.parse("2025-01-15T07:00:00Z");
        InfluxTestServer.write(DATABASE, List.of(Contract3Lines.part75Hour(SITE, "heater-1", HEATER, "CO2", hour, 2_500)));
        JsonNode row = api.get("/api/v1/emissions", "from", hour.toString(), "to", hour.plusSeconds(3600).toString(),
                "source", HEATER, "gas", "CO2").json().get("rows").get(0);
        assertThat(row.get("modc").asString()).as("40 CFR 75.57 Table 4a: the mean of before and after").isEqualTo("06");
        assertThat(api.get("/api/v1/emissions", "from", "2026-11-30T12:00:00Z", "to", "2026-11-30T13:00:00Z",
                "source", HEATER, "gas", "CO2").json().get("rows").get(0).has("modc")).as("not a Part 75 hour").isFalse();
    }

    @Test
    void anHourAwaitingItsBackfillSaysSo() {
        Instant pending = Instant.parse("2025-01-15T05:00:00Z");
        InfluxTestServer.write(DATABASE, List.of(Contract3Lines.backfilledHour(SITE, "heater-1", HEATER, "CO2", pending, 2_583.56, true)));

        JsonNode row = api.get("/api/v1/emissions", "from", pending.toString(), "to", pending.plusSeconds(3600).toString(),
                "source", HEATER, "gas", "CO2").json().get("rows").get(0);
        assertThat(row.get("backfillPending").asBoolean(false)).isTrue();
        assertThat(row.get("massKg").asDouble()).isEqualTo(2_583.56);
        assertThat(api.get("/api/v1/emissions", "from", "2026-11-30T12:00:00Z", "to", "2026-11-30T13:00:00Z",
                "source", HEATER, "gas", "CO2").json().get("rows").get(0).has("backfillPending"))
                .as("an hour stored before the job wrote the field").isFalse();
    }

    @Test
    void anHourStoredBeforeTheJobLabelledHoursHasNoLabels() {
        Response response = api.get("/api/v1/emissions", "from", "2026-11-30T12:00:00Z", "to", "2026-11-30T13:00:00Z",
                "source", BOILER, "gas", "CO2");

        JsonNode row = response.json().get("rows").get(0);
        assertThat(row.get("massKg").asDouble()).isEqualTo(900);
        assertThat(row.has("substituted")).isFalse();
        assertThat(row.has("substitutionTier")).isFalse();
        assertThat(row.has("lateCount")).isFalse();
    }

    @Test
    void theCo2eTotalIsAGasOfItsOwn() {
        Response hourly = api.get("/api/v1/emissions", "from", "2026-11-30T12:00:00Z", "to", "2026-11-30T20:00:00Z",
                "source", HEATER, "gas", "CO2e");

        assertThat(hourly.status()).as(hourly.toString()).isEqualTo(200);
        JsonNode rows = hourly.json().get("rows");
        List<Hour> expected = HOURS.stream().filter(h -> h.start().isAfter(Instant.parse("2026-11-30T00:00:00Z"))).toList();
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(rows.get(i).get("gas").asString()).isEqualTo("CO2e");
            assertThat(rows.get(i).get("co2eKg").asDouble()).isEqualTo(expected.get(i).co2eTotalKg());
            assertThat(rows.get(i).get("lineageId").asString())
                    .isEqualTo(lineageId(SITE, HEATER, "CO2e", expected.get(i).start()));
            assertThat(rows.get(i).get("substituted").asBoolean()).isEqualTo(expected.get(i).tier() != null);
        }
    }

    /** A month's CO2e row sums the hours' totals only; the CO2 and CH4 rows beside it keep their own CO2e. */
    @Test
    void aMonthSumsTheCo2eTotalWithoutCountingItsGasesAgain() {
        Response response = api.get("/api/v1/emissions", "from", LOCAL_NOVEMBER.toString(), "to", LOCAL_DECEMBER.toString(),
                "source", HEATER, "interval", "P1M");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode rows = response.json().get("rows");
        assertThat(rows).extracting(r -> r.get("gas").asString()).containsExactly("CH4", "CO2", "CO2e");
        List<Hour> november = HOURS.stream().filter(h -> h.start().isBefore(LOCAL_DECEMBER)).toList();
        double co2 = november.stream().mapToDouble(Hour::massKg).sum();
        double ch4 = november.size() * CH4_CO2E_KG;
        assertThat(rows.get(0).get("co2eKg").asDouble()).isCloseTo(ch4, within(1e-6));
        assertThat(rows.get(1).get("co2eKg").asDouble()).isCloseTo(co2, within(1e-6));
        assertThat(rows.get(2).get("co2eKg").asDouble()).isCloseTo(co2 + ch4, within(1e-6))
                .isCloseTo(november.stream().mapToDouble(Hour::co2eTotalKg).sum(), within(1e-6));
        assertThat(rows.get(2).get("hours").asInt()).isEqualTo(november.size());
    }

    @Test
    void withoutFiltersEverySourceAndGasComesBackOrdered() {
        Response response = api.get("/api/v1/emissions", "from", "2026-11-30T12:00:00Z", "to", "2026-11-30T13:00:00Z");

        JsonNode rows = response.json().get("rows");
        assertThat(rows).extracting(r -> r.get("source").asString() + "/" + r.get("gas").asString())
                .containsExactly(BOILER + "/CO2", HEATER + "/CH4", HEATER + "/CO2", HEATER + "/CO2e");
    }

    @Test
    void daysAreDaysOfTheSitesTimeZone() {
        Response response = api.get("/api/v1/emissions", "from", LOCAL_NOVEMBER.toString(), "to", "2026-12-31T16:00:00Z",
                "source", HEATER, "gas", "CO2", "interval", "P1D");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode rows = response.json().get("rows");
        assertThat(rows).extracting(r -> Instant.parse(r.get("start").asString()))
                .containsExactly(LOCAL_10_NOVEMBER, LOCAL_30_NOVEMBER, LOCAL_DECEMBER);
        assertAggregate(rows.get(0), h -> h.start().isBefore(Instant.parse("2026-11-20T00:00:00Z")));
        assertAggregate(rows.get(1), h -> h.start().isAfter(Instant.parse("2026-11-20T00:00:00Z"))
                && h.start().isBefore(LOCAL_DECEMBER));
        assertAggregate(rows.get(2), h -> !h.start().isBefore(LOCAL_DECEMBER));
    }

    @Test
    void monthsAreMonthsOfTheSitesTimeZone() {
        Response response = api.get("/api/v1/emissions", "from", LOCAL_NOVEMBER.toString(), "to", "2026-12-31T16:00:00Z",
                "source", HEATER, "gas", "CO2", "interval", "P1M");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("interval").asString()).isEqualTo("P1M");
        JsonNode rows = response.json().get("rows");
        assertThat(rows).extracting(r -> Instant.parse(r.get("start").asString()))
                .containsExactly(LOCAL_NOVEMBER, LOCAL_DECEMBER);
        assertAggregate(rows.get(0), h -> h.start().isBefore(LOCAL_DECEMBER));
        assertAggregate(rows.get(1), h -> !h.start().isBefore(LOCAL_DECEMBER));
    }

    @Test
    void pollutantsAreQueriedByTheirSymbol() {
        for (String gas : POLLUTANTS) {
            Response response = api.get("/api/v1/emissions", "from", POLLUTANT_HOUR.toString(),
                    "to", POLLUTANT_HOUR.plus(Duration.ofHours(1)).toString(), "gas", gas);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode rows = response.json().get("rows");
            assertThat(rows).as(gas).hasSize(1);
            assertThat(rows.get(0).get("gas").asString()).isEqualTo(gas);
            assertThat(rows.get(0).get("method").asString()).isEqualTo("POLLUTANT_MASS");
            assertThat(rows.get(0).get("massKg").asDouble()).isEqualTo(pollutantKg(gas));
            assertThat(rows.get(0).get("co2eKg").asDouble()).isZero();
        }
    }

    private static void assertAggregate(JsonNode row, Predicate<Hour> inPeriod) {
        List<Hour> hours = HOURS.stream().filter(inPeriod).toList();
        assertThat(hours).isNotEmpty();
        double mass = hours.stream().mapToDouble(Hour::massKg).sum();
        assertThat(row.get("massKg").asDouble()).isCloseTo(mass, within(1e-6));
        assertThat(row.get("co2eKg").asDouble()).isCloseTo(mass, within(1e-6));
        assertThat(row.get("availabilityPct").asDouble())
                .isCloseTo(hours.stream().mapToDouble(Hour::availabilityPct).average().orElseThrow(), within(1e-9));
        assertThat(row.get("substitutedMin").asDouble()).isEqualTo(hours.stream().mapToDouble(Hour::substitutedMin).sum());
        assertThat(row.get("substitutedHours").asInt()).isEqualTo(hours.stream().filter(h -> h.tier() != null).count());
        assertThat(row.has("substituted")).as("a period is no single hour").isFalse();
        assertThat(row.has("substitutionTier")).isFalse();
        assertThat(row.has("lateCount")).isFalse();
        assertThat(row.get("hours").asInt()).isEqualTo(hours.size());
        assertThat(row.get("method").asString()).isEqualTo("EPA_C2A");
        assertThat(row.has("lineageId")).as("an aggregate names no single lineage").isFalse();
    }
}
