package io.plumeline.reporting;

import static io.plumeline.reporting.support.Contract3Lines.accountedHour;
import static io.plumeline.reporting.support.Contract3Lines.backfilledHour;
import static io.plumeline.reporting.support.Contract3Lines.part75Hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.InfluxTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The compliance desk of 2022 at Dalian (Asia/Shanghai, UTC+8; two reportable Part 98 sources, heater and boiler),
 * a year no other test of this context writes. Source-hours stored, by hand:
 * <ul>
 *   <li>January (744 h, from 2021-12-31T16:00Z): every hour of both sources but the boiler's first 5 — 1,483 of 1,488;
 *   <li>February (28 × 24 = 672 h): every hour of both, the heater's with CO2 and CO2e rows (still one source-hour
 *       each), 3 of the heater's substituted by §75.33 and one of the boiler's waiting for its backfill, filled by the rule
 *       meanwhile and so substituted too (4 substituted, 1 pending) — 1,344;
 *   <li>March (744 h): the heater only — 744 of 1,488, 744 missing;
 *   <li>April (720 h): every hour of both — 1,440, complete, with an approved report.
 * </ul>
 * Q1: 1,483 + 1,344 + 744 = 3,571 of 2 × 2,160 = 4,320, 749 missing. Q2: 1,440 of 2 × 2,184 = 4,368. The year: 5,011
 * of 2 × 8,760 = 17,520.
 */
class ComplianceDeskApiTest extends SingleSiteApiTest {

    static final ZoneId DALIAN = ZoneId.of("Asia/Shanghai");
    static final String HEATER = "heater-1.stack";
    static final String BOILER = "boiler-1.stack";

    static Instant monthStart(int month) {
        return LocalDate.of(2022, month, 1).atStartOfDay(DALIAN).toInstant();
    }

    @BeforeAll
    static void writeTheYear() {
        List<String> lines = new ArrayList<>();
        hours(1, h -> true, h -> h >= 5, lines);
        hours(2, h -> true, h -> true, lines);
        hours(3, h -> true, h -> false, lines);
        hours(4, h -> true, h -> true, lines);
        Instant february = monthStart(2);
        for (int h = 100; h < 103; h++) {
            lines.add(part75Hour(SITE, "heater-1", HEATER, "CO2", february.plus(Duration.ofHours(h)), 2_500));
        }
        lines.add(backfilledHour(SITE, "boiler-1", BOILER, "CO2", february.plus(Duration.ofHours(200)), 900, true));
        for (int h = 0; h < 672; h++) {
            lines.add(accountedHour(SITE, "heater-1", HEATER, "CO2e", february.plus(Duration.ofHours(h)), 2_400, 2_400,
                    100, 0, null, 0));
        }
        InfluxTestServer.write(DATABASE, lines);
    }

    /** The CO2 of a month's hours: the heater's and the boiler's where the predicates (hour of the month) hold. */
    private static void hours(int month, IntPredicate heater, IntPredicate boiler, List<String> lines) {
        Instant start = monthStart(month);
        int hours = (int) Duration.between(start, monthStart(month + 1)).toHours();
        for (int h = 0; h < hours; h++) {
            Instant hour = start.plus(Duration.ofHours(h));
            if (heater.test(h)) lines.add(accountedHour(SITE, "heater-1", HEATER, "CO2", hour, 2_400, 2_400, 100, 0, null, 0));
            if (boiler.test(h)) lines.add(accountedHour(SITE, "boiler-1", BOILER, "CO2", hour, 900, 900, 100, 0, null, 0));
        }
    }

    @Test
    void eachPeriodCountsItsSourceHoursAndSaysWhatIsDueByWhen() {
        String april = api.post("/api/v1/reports", "", "period", "2022-04").json().get("id").asString();
        assertThat(api.as("reviewer").post("/api/v1/reports/" + april + "/approve", "").status()).isEqualTo(200);

        JsonNode desk = api.get("/api/v1/compliance/periods", "year", "2022").json();
        assertThat(desk.get("site").asString()).isEqualTo(SITE);
        assertThat(desk.get("sources").asInt()).isEqualTo(2);
        assertThat(desk.get("periods")).extracting(p -> p.get("period").asString()).containsExactly("2022-01", "2022-02",
                "2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12",
                "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2022");

        assertCounts(period(desk, "2022-01"), 1_488, 1_483, 5, 0, 0, false);
        assertCounts(period(desk, "2022-02"), 1_344, 1_344, 0, 4, 1, false);
        assertCounts(period(desk, "2022-03"), 1_488, 744, 744, 0, 0, false);
        assertCounts(period(desk, "2022-04"), 1_440, 1_440, 0, 0, 0, true);
        assertCounts(period(desk, "2022-05"), 1_488, 0, 1_488, 0, 0, false);
        assertCounts(period(desk, "2022-Q1"), 4_320, 3_571, 749, 4, 1, false);
        assertCounts(period(desk, "2022-Q2"), 4_368, 1_440, 2_928, 0, 0, false);
        assertCounts(period(desk, "2022"), 17_520, 5_011, 12_509, 4, 1, false);
        assertThat(period(desk, "2022-01").get("from").asString()).isEqualTo("2021-12-31T16:00:00Z");

        JsonNode report = period(desk, "2022-04").get("report");
        assertThat(report.get("id").asString()).isEqualTo(april);
        assertThat(report.get("status").asString()).isEqualTo("approved");
        assertThat(report.get("revisions").asInt()).isEqualTo(1);
        assertThat(period(desk, "2022-03").has("report")).isFalse();

        // Part 98 files the year by 31 March 2023 (§98.3(b)); nothing was submitted, and the day has passed. Its
        // sources are filled under Part 98's own rule, not Part 75's, so no quarter has a §75.64 report due.
        assertThat(period(desk, "2022").get("filings")).singleElement().satisfies(f -> {
            assertThat(f.get("due").asString()).isEqualTo("2023-03-31");
            assertThat(f.get("citation").asString()).isEqualTo("40 CFR 98.3(b)");
            assertThat(f.get("overdue").asBoolean()).isTrue();
        });
        assertThat(period(desk, "2022-Q1").get("filings")).isEmpty();
        assertThat(period(desk, "2022-01").get("filings")).isEmpty();
    }

    @Test
    void withoutAYearTheDeskShowsThisYearOfTheSitesCalendarWithTheRunningMonthNotEnded() {
        JsonNode desk = api.get("/api/v1/compliance/periods").json();
        LocalDate today = LocalDate.now(DALIAN);
        assertThat(desk.get("year").asInt()).isEqualTo(today.getYear());
        JsonNode month = period(desk, "%d-%02d".formatted(today.getYear(), today.getMonthValue()));
        assertThat(month.get("ended").asBoolean()).isFalse();
        assertThat(month.get("complete").asBoolean()).isFalse();
        // the hours of the running month that have ended, of two sources: at most those since its first midnight
        long sinceMonthStart = Duration.between(today.withDayOfMonth(1).atStartOfDay(DALIAN).toInstant(), Instant.now()).toHours();
        assertThat(month.get("expectedSourceHours").asInt()).isBetween((int) (2 * sinceMonthStart - 2), (int) (2 * sinceMonthStart));
    }

    @Test
    void aYearThatIsNotOneIsRefusedByName() {
        for (String year : List.of("twenty", "1600", "2022-01")) {
            Response refused = api.get("/api/v1/compliance/periods", "year", year);
            assertThat(refused.status()).as(year).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).as(year).contains("year").contains(year);
        }
    }

    private static JsonNode period(JsonNode desk, String name) {
        for (JsonNode period : desk.get("periods")) {
            if (period.get("period").asString().equals(name)) return period;
        }
        throw new AssertionError("no period " + name + " in " + desk);
    }

    private static void assertCounts(JsonNode period, int expected, int present, int missing, int substituted, int pending,
                                     boolean complete) {
        String name = period.get("period").asString();
        assertThat(period.get("expectedSourceHours").asInt()).as("%s expected", name).isEqualTo(expected);
        assertThat(period.get("presentSourceHours").asInt()).as("%s present", name).isEqualTo(present);
        assertThat(period.get("missingSourceHours").asInt()).as("%s missing", name).isEqualTo(missing);
        assertThat(period.get("substitutedHours").asInt()).as("%s substituted", name).isEqualTo(substituted);
        assertThat(period.get("backfillPendingHours").asInt()).as("%s pending", name).isEqualTo(pending);
        assertThat(period.get("complete").asBoolean()).as("%s complete", name).isEqualTo(complete);
    }
}
