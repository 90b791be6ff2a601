package io.plumeline.reporting.web;

import static io.plumeline.reporting.support.Contract3Lines.accountedHour;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.Contract3Lines;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The web UI in headless Chromium against the service over a real influxd (its own database), serving Dalian
 * (Asia/Shanghai) and Rotterdam (Europe/Amsterdam): an engineer's live view follows readings the test writes while
 * the page refreshes and charts a tag; a compliance officer generates, approves and submits reports and downloads
 * an XML export, and sees the fleet of both sites; a regulator sees only the submitted report and no fleet; the UI
 * switches to Chinese. Screenshots are in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebUiBrowserTest {

    static final String SITE = "dalian-refinery";
    static final String OTHER_SITE = "rotterdam-terminal";
    static final String DATABASE = "browser";
    static final String TAG = "heater-1.fuel_gas_flow";
    /** Months of Dalian with emissions hours (forever keeps them whatever their age). */
    static final String SUBMITTED_PERIOD = "2025-03";
    static final String APPROVED_PERIOD = "2025-04";

    @LocalServerPort
    int port;

    Browser browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml") + "," + SiteFiles.path("rotterdam.yaml"));
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
        // One officer walks a report through every step here; the four-eyes rule is ReportLifecycleContract's.
        registry.add("plumeline.reports.four-eyes.sites." + SITE, () -> "false");
    }

    @BeforeAll
    static void writeEmissionHours() {
        List<String> lines = new ArrayList<>();
        for (Instant start : List.of(Instant.parse("2025-03-10T02:00:00Z"), Instant.parse("2025-04-10T02:00:00Z"))) {
            for (int h = 0; h < 3; h++) {
                Instant hour = start.plus(h, ChronoUnit.HOURS);
                lines.add(accountedHour(SITE, "heater-1", "heater-1.stack", "CO2", hour, 2500 + h, 2500 + h, 100, 0, null, 0));
                lines.add(accountedHour(SITE, "heater-1", "heater-1.stack", "CO2e", hour, 2510 + h, 2510 + h, 100, 0, null, 0));
            }
        }
        // the desk's complete month: February 2024 in Dalian, 29 × 24 = 696 hours of both its sources
        Instant february = Instant.parse("2024-01-31T16:00:00Z");
        for (int h = 0; h < 696; h++) {
            Instant hour = february.plus(h, ChronoUnit.HOURS);
            lines.add(accountedHour(SITE, "heater-1", "heater-1.stack", "CO2", hour, 2500, 2500, 100, 0, null, 0));
            lines.add(accountedHour(SITE, "boiler-1", "boiler-1.stack", "CO2", hour, 900, 900, 100, 0, null, 0));
        }
        // Rotterdam emits more than Dalian in March, and the fleet lists it first.
        for (int h = 0; h < 4; h++) {
            Instant hour = Instant.parse("2025-03-12T08:00:00Z").plus(h, ChronoUnit.HOURS);
            lines.add(accountedHour(OTHER_SITE, "boiler-7", "boiler-7.stack", "CO2", hour, 3000 + h, 3000 + h, 100, 0, null, 0));
            lines.add(accountedHour(OTHER_SITE, "boiler-7", "boiler-7.stack", "N2O", hour, 0.02, 5.3, 100, 0, null, 0));
        }
        InfluxTestServer.write(DATABASE, lines);
    }

    @BeforeEach
    void startBrowser(org.junit.jupiter.api.TestInfo test) {
        browser = new Browser(port, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theLiveViewFollowsNewReadingsAndChartsATag() {
        Instant first = Instant.now().minusSeconds(20);
        InfluxTestServer.write(DATABASE, List.of(goodReading(SITE, "heater-1", TAG, first, 1000.0),
                goodReading(SITE, "heater-1", TAG, first.plusSeconds(5), 1100.0)));

        browser.signIn("engineer", "engineer-pw");
        browser.open("/?refresh=1#live");
        String value = "#live-tags tr[data-tag='" + TAG + "'] td[data-value]";
        browser.waitFor(d -> shown(value) == 1100.0);
        assertThat(browser.find("#live-tags tr[data-tag='" + TAG + "'] .quality").getDomAttribute("data-quality"))
                .isEqualTo("GOOD");
        browser.screenshot("live-before");

        InfluxTestServer.write(DATABASE, List.of(goodReading(SITE, "heater-1", TAG, Instant.now(), 1234.5)));
        browser.waitFor(d -> shown(value) == 1234.5);
        assertThat(browser.find(value).getText()).isEqualTo("1,234.5");
        browser.screenshot("live-after");

        browser.find("#live-tags tr[data-tag='" + TAG + "']").click();
        browser.waitFor(d -> !d.findElements(By.cssSelector("#live-chart svg path.line")).isEmpty());
        // the view refreshes every second and draws the chart anew: each check reads one drawing (waitFor ignores a
        // drawing replaced while it is read), failing after its timeout when none shows them
        browser.waitFor(d -> browser.find("#chart-title").getText().contains(TAG)
                && "3".equals(browser.find("#chart-count").getDomAttribute("data-count"))
                && d.findElements(By.cssSelector("#live-chart svg circle.dot")).size() == 3);
        browser.screenshot("live-chart");
    }

    @Test
    void chineseLabelsAndNumbersOnRequest() {
        browser.signIn("engineer", "engineer-pw");
        browser.open("/#live");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#live-tags tbody tr")).isEmpty());
        assertThat(browser.find("#nav-live").getText()).isEqualTo("Live view");

        new Select(browser.find("#lang-select")).selectByValue("zh-CN");
        browser.waitFor(d -> "实时监控".equals(browser.find("#nav-live").getText()));
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.driver.findElements(By.cssSelector("#view-live h2"))).extracting(WebElement::getText)
                .contains("装置", "测点", "当前排放速率", "报警");
        assertThat(browser.find("#live-tags th").getText()).isEqualTo("测点");
        assertThat(browser.find("#live-tags tr[data-tag='" + TAG + "'] td:nth-child(1)").getText())
                .as("ids stay as they are").isEqualTo(TAG);
        browser.screenshot("live-zh-CN");

        browser.open("/#live");
        browser.waitFor(d -> "实时监控".equals(browser.find("#nav-live").getText()));
        assertThat(browser.find("#lang-select").getDomProperty("value")).as("the choice is kept").isEqualTo("zh-CN");
        new Select(browser.find("#lang-select")).selectByValue("en");
    }

    /** The rendered OpenAPI page works offline: springdoc serves Swagger UI itself, and it lists the API. */
    @Test
    void theApiPageRendersTheDescription() {
        browser.signIn("engineer", "engineer-pw");
        browser.open("/swagger-ui.html");
        browser.waitFor(d -> !d.findElements(By.cssSelector(".swagger-ui .info .title")).isEmpty()
                && !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
        assertThat(browser.find(".swagger-ui .info .title").getText()).contains("Plumeline");
        assertThat(browser.driver.findElements(By.cssSelector(".swagger-ui .opblock-summary-path")))
                .extracting(e -> e.getText().replace("\u200B", "")).contains("/api/v1/emissions", "/api/v1/reports/{id}/approve");
        browser.screenshot("api-page");
    }

    /**
     * Review finding L2: the sign-in page follows its {@code next} only within this site. The browser resolves
     * {@code /\evil.example/x} to http://evil.example/x (a backslash is a slash in WHATWG URLs), so that one lands on
     * the start page; a page of this site is followed.
     */
    @Test
    void signingInFollowsNextOnlyWithinThisSite() {
        String site = "http://127.0.0.1:" + port;
        browser.signIn("engineer", "engineer-pw", "?next=" + URLEncoder.encode("/\\evil.example/x", StandardCharsets.UTF_8));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site + "/");
        browser.signIn("engineer", "engineer-pw", "?next=" + URLEncoder.encode("/#live", StandardCharsets.UTF_8));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site + "/#live");
    }

    @Test
    void complianceApprovesAndExportsARegulatorSeesOnlyTheSubmittedOne() throws Exception {
        browser.signIn("compliance", "compliance-pw");
        browser.open("/#reports");
        browser.waitFor(d -> browser.find("#view-reports").isDisplayed());
        assertThat(browser.find("#view-live").isDisplayed()).as("one view at a time").isFalse();
        generate(SUBMITTED_PERIOD);
        approve();
        browser.find("#report-submit").click();
        browser.waitFor(d -> "submitted".equals(browser.find("#report-title").getDomAttribute("data-status")));

        generate(APPROVED_PERIOD);
        approve();
        browser.screenshot("compliance-approved");
        browser.find(".exports a[data-format='xml']").click();
        Path xml = browser.waitFor(d -> {
            try (var files = Files.list(browser.downloads)) {
                return files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertThat(xml.getFileName().toString()).contains(SITE).contains(APPROVED_PERIOD);
        String downloaded = Files.readString(xml);
        assertThat(downloaded).startsWith("<?xml").contains(APPROVED_PERIOD);
        String reportId = browser.find("#report-title").getDomAttribute("data-report-id");
        assertThat(downloaded).as("the same bytes as the API gives")
                .isEqualTo(new ApiClient(port).get("/api/v1/reports/" + reportId + "/exports/xml").body());

        browser.find("#sign-out").click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/login.html"));
        browser.signIn("regulator", "regulator-pw");
        browser.open("/#reports");
        browser.waitFor(d -> !d.findElements(By.cssSelector(".report-list tbody tr")).isEmpty());
        List<WebElement> rows = browser.driver.findElements(By.cssSelector(".report-list tbody tr"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-period") + "/" + r.getDomAttribute("data-status"))
                .containsExactly(SUBMITTED_PERIOD + "/submitted");
        assertThat(browser.find("#nav-reports").getText()).isEqualTo("Submitted reports");
        assertThat(browser.find("#nav-live").isDisplayed()).as("no live view for regulators").isFalse();
        assertThat(browser.find("#report-generate").isDisplayed()).isFalse();
        rows.get(0).click();
        browser.waitFor(d -> !d.findElements(By.cssSelector(".exports a[data-format='pdf']")).isEmpty());
        assertThat(browser.driver.findElements(By.id("report-approve"))).isEmpty();
        browser.screenshot("regulator");
    }

    /**
     * March 2025 at Dalian holds the heater's three hours only: of 2 sources × 744 h = 1,488 source-hours, 3 present and
     * 1,485 missing. The year is filed by 31 March 2026 (40 CFR 98.3(b)), a day that has passed. February 2024 holds
     * every hour of both: 2 × 696 = 1,392 source-hours, complete.
     */
    @Test
    void theComplianceDeskMarksEachPeriodAndTakesOneToTheReports() {
        browser.signIn("compliance", "compliance-pw");
        browser.open("/#desk");
        // the site's month, in Dalian's time zone: the desk opens on the site's current year, whatever the browser's clock
        String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        browser.waitFor(d -> !d.findElements(By.cssSelector("#desk-periods tr[data-period='" + thisMonth + "']")).isEmpty());
        assertThat(browser.find("#desk-periods tr[data-period='" + thisMonth + "']").getDomAttribute("data-state"))
                .as("the running month").isEqualTo("running");
        assertThat(new Select(browser.find("#desk-year")).getFirstSelectedOption().getText())
                .isEqualTo(thisMonth.substring(0, 4));

        new Select(browser.find("#desk-year")).selectByValue("2025");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#desk-periods tr[data-period='2025-03']")).isEmpty());
        WebElement march = browser.find("#desk-periods tr[data-period='2025-03']");
        assertThat(march.getDomAttribute("data-state")).isEqualTo("incomplete");
        assertThat(march.getText()).contains("3 of 1,488 source-hours").contains("1,485 source-hours missing");
        WebElement annual = browser.find("#desk-periods tr[data-period='2025'] .due");
        assertThat(annual.getDomAttribute("data-due")).isEqualTo("2026-03-31");
        assertThat(annual.getDomAttribute("data-overdue")).isEqualTo("true");
        browser.screenshot("compliance-desk");
        new Select(browser.find("#desk-year")).selectByValue("2024");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#desk-periods tr[data-period='2024-02']")).isEmpty());
        assertThat(browser.find("#desk-periods tr[data-period='2024-02']").getDomAttribute("data-state")).isEqualTo("complete");
        assertThat(browser.find("#desk-periods tr[data-period='2024-02']").getText()).contains("1,392 of 1,392 source-hours");
        new Select(browser.find("#desk-year")).selectByValue("2025");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#desk-periods tr[data-period='2025-03']")).isEmpty());
        march = browser.find("#desk-periods tr[data-period='2025-03']");

        march.findElement(By.cssSelector("button[data-action='preview']")).click();
        browser.waitFor(d -> browser.find("#view-reports").isDisplayed()
                && !d.findElements(By.cssSelector(".preview-title")).isEmpty()
                && browser.find(".preview-title").getText().contains("2025-03"));
        assertThat(browser.find("#report-period").getDomProperty("value")).isEqualTo("2025-03");
        browser.screenshot("reports-preview");

        new Select(browser.find("#lang-select")).selectByValue("zh-CN");
        browser.waitFor(d -> "合规工作台".equals(browser.find("#nav-desk").getText()));
        browser.screenshot("reports-preview-zh-CN");
        browser.find("#nav-desk").click();
        browser.waitFor(d -> browser.find("#view-desk").isDisplayed());
        assertThat(browser.find("#desk-periods tr[data-period='2025-03']").getText()).contains("缺失 1,485 源小时");
        browser.screenshot("compliance-desk-zh-CN");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aComplianceOfficerSeesTheFleetARegulatorDoesNot() {
        browser.signIn("compliance", "compliance-pw");
        browser.open("/#fleet");
        browser.waitFor(d -> browser.find("#fleet-total").getDomAttribute("data-value") != null);
        assertThat(browser.find("#nav-fleet").getText()).isEqualTo("Fleet");
        assertThat(browser.find("#fleet-period").getDomProperty("value")).as("this year, or the last when this one has no data")
                .isIn(String.valueOf(Year.now().getValue()), String.valueOf(Year.now().getValue() - 1));
        assertThat(Double.parseDouble(browser.find("#fleet-total").getDomAttribute("data-value")))
                .as("it opens on a period with emissions").isPositive();

        choosePeriod("2025-13");
        browser.waitFor(d -> browser.find("#message").isDisplayed());
        assertThat(browser.find("#message").getDomAttribute("class")).isEqualTo("error");
        assertThat(browser.find("#message").getText()).as("the API's detail").contains("month 13");

        choosePeriod(SUBMITTED_PERIOD);
        browser.waitFor(d -> SUBMITTED_PERIOD.equals(browser.find("#fleet-total").getDomAttribute("data-period")));
        assertThat(browser.find("#message").isDisplayed()).as("the error went with the period it was about").isFalse();
        assertThat(browser.find("#fleet-gwp").isDisplayed()).as("both sites use AR5").isFalse();
        JsonNode fleet = new ApiClient(port).as("compliance").get("/api/v1/corporate/emissions", "period", SUBMITTED_PERIOD).json();
        double sum = fleet.get("bySite").valueStream().mapToDouble(s -> s.get("co2eKg").asDouble()).sum();
        assertThat(sum).as("both sites have emissions in the period").isGreaterThan(fleet.get("bySite").get(0).get("co2eKg").asDouble());
        assertThat(shown("#fleet-total")).isCloseTo(sum, within(1e-6));
        NumberFormat english = NumberFormat.getNumberInstance(Locale.US);
        english.setMaximumFractionDigits(1);
        assertThat(browser.find("#fleet-total").getText()).contains(english.format(sum));

        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#fleet-sites tbody tr"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-site")).as("by CO2e, largest first")
                .containsExactly(OTHER_SITE, SITE);
        for (WebElement row : rows) {
            JsonNode site = fleet.get("bySite").valueStream()
                    .filter(s -> s.get("site").asString().equals(row.getDomAttribute("data-site"))).findFirst().orElseThrow();
            assertThat(row.getText()).contains(site.get("siteName").asString(), site.get("program").asString(),
                    site.get("gwp").asString(), site.get("timeZone").asString());
            assertThat(row.findElement(By.cssSelector("td.from")).getDomAttribute("data-value")).isEqualTo(site.get("from").asString());
            assertThat(row.findElement(By.cssSelector("td.from")).getText().replace('\u202F', ' '))
                    .as("midnight in the site's own zone")
                    .isEqualTo("Mar 1, 2025, 12:00:00 AM");
            assertThat(Double.parseDouble(row.findElement(By.cssSelector("td.co2e")).getDomAttribute("data-value")))
                    .isEqualTo(site.get("co2eKg").asDouble());
            assertThat(Double.parseDouble(row.findElement(By.cssSelector("td.share")).getDomAttribute("data-value")))
                    .isCloseTo(site.get("co2eKg").asDouble() / sum, within(1e-9));
        }
        assertThat(rows.get(0).findElement(By.cssSelector("td.from")).getDomAttribute("data-value"))
                .as("each site's period starts at its own midnight")
                .isNotEqualTo(rows.get(1).findElement(By.cssSelector("td.from")).getDomAttribute("data-value"));
        assertThat(browser.driver.findElements(By.cssSelector("#fleet-programs tbody tr")))
                .extracting(r -> r.getDomAttribute("data-program")).containsExactly("EPA_PART98", "EU_ETS");
        assertThat(browser.driver.findElements(By.cssSelector("#fleet-gases tbody tr")))
                .extracting(r -> r.getDomAttribute("data-gas")).containsExactly("CO2", "N2O");
        assertThat(browser.driver.findElements(By.cssSelector("#fleet-chart svg rect.bar"))).hasSize(2);
        browser.screenshot("fleet");

        new Select(browser.find("#lang-select")).selectByValue("zh-CN");
        browser.waitFor(d -> "集团汇总".equals(browser.find("#nav-fleet").getText()));
        assertThat(browser.find("#fleet-sites th").getText()).isEqualTo("厂区");
        assertThat(browser.find("#fleet-total").getText()).startsWith("集团合计 " + SUBMITTED_PERIOD);
        assertThat(browser.find("#fleet-sites tr[data-site='" + SITE + "'] td.from").getText()).isEqualTo("2025年3月1日 00:00:00");
        browser.screenshot("fleet-zh-CN");

        // each site's row opens that site's compliance desk
        browser.find("#fleet-sites tr[data-site='" + OTHER_SITE + "'] a.desk-link").click();
        browser.waitFor(d -> browser.find("#view-desk").isDisplayed()
                && browser.find("#desk-summary").getText().contains("Europe/Amsterdam"));
        assertThat(browser.find("#site-name").getText()).contains(OTHER_SITE);

        browser.find("#sign-out").click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/login.html"));
        browser.signIn("regulator", "regulator-pw");
        browser.open("/#fleet");
        browser.waitFor(Browser::ready);
        assertThat(browser.find("#nav-fleet").isDisplayed()).as("no fleet for regulators").isFalse();
        assertThat(browser.find("#view-fleet").isDisplayed()).isFalse();
        assertThat(browser.find("#view-reports").isDisplayed()).isTrue();
    }

    /**
     * 20 May 2025 in Dalian (UTC+8): the heater measured at 10:00, substituted at 11:00 (75 % available), awaiting a
     * backfill at 12:00, nothing at 13:00. The map shows each hour so, and the substituted one opens its lineage.
     */
    @Test
    void theDataQualityMapMarksEachHourAndOpensItsLineage() {
        String heater = "heater-1.stack";
        Instant measured = Instant.parse("2025-05-20T02:00:00Z");
        Instant substituted = measured.plus(1, ChronoUnit.HOURS);
        Instant pending = measured.plus(2, ChronoUnit.HOURS);
        String lineageId = Contract3Lines.lineageId(SITE, heater, "CO2e", substituted);
        String record = "{\"method\":\"EPA_C2A\",\"maxHold\":\"PT5M\",\"availabilityPct\":75.0,\"substitutedMin\":15.0,"
                + "\"inputs\":[],\"results\":[{\"gas\":\"CO2e\",\"lineageId\":\"" + lineageId + "\"}],"
                + "\"fills\":[{\"input\":\"hhv\",\"rule\":\"EPA_PART98_MEAN_BEFORE_AFTER\",\"citation\":\"40 CFR 98.35(b)(1)\","
                + "\"minutes\":15.0,\"value\":39.0,\"uom\":\"MJ/Nm3\"}]}";
        InfluxTestServer.write(DATABASE, List.of(
                accountedHour(SITE, "heater-1", heater, "CO2e", measured, 2500, 2500, 100, 0, null, 0),
                accountedHour(SITE, "heater-1", heater, "CO2e", substituted, 2500, 2500, 75, 15, "EPA_PART98_MEAN_BEFORE_AFTER", 0),
                Contract3Lines.backfilledHour(SITE, "heater-1", heater, "CO2e", pending, 2400, true),
                "lineage,site=" + SITE + ",source=" + heater + " lineage_ids=\"" + lineageId + "\",record=\""
                        + record.replace("\\", "\\\\").replace("\"", "\\\"") + "\" " + substituted.toEpochMilli() * 1_000_000L));

        browser.signIn("engineer", "engineer-pw");
        browser.open("/#quality");
        browser.waitFor(d -> browser.find("#nav-quality").isDisplayed());
        browser.driver.executeScript("document.querySelector('#quality-day').value = '2025-05-20'");
        browser.find("#quality-show").click();
        String row = "#quality-map tr[data-source='" + heater + "'] ";
        // the day asked for, not today's that the view opened on
        browser.waitFor(d -> !browser.driver.findElements(By.cssSelector(row + "td[data-hour='" + iso(measured) + "']")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector(row + "td"))).hasSize(24);
        assertThat(cellState(row, measured)).isEqualTo("measured");
        assertThat(cellState(row, substituted)).isEqualTo("substituted");
        assertThat(cellState(row, pending)).isEqualTo("pending");
        assertThat(cellState(row, pending.plus(1, ChronoUnit.HOURS))).isEqualTo("missing");
        assertThat(browser.driver.findElements(By.cssSelector("#quality-map th.hour")).get(0).getText())
                .as("the day of the site's clock").isEqualTo("00");
        browser.screenshot("data-quality");

        browser.find(row + "td[data-hour='" + iso(substituted) + "']").click();
        browser.waitFor(d -> browser.find("#quality-lineage").isDisplayed());
        assertThat(browser.find("#quality-lineage").getDomAttribute("data-lineage-id")).isEqualTo(lineageId);
        assertThat(browser.find("#quality-lineage").getText()).contains("EPA_PART98_MEAN_BEFORE_AFTER", "40 CFR 98.35(b)(1)")
                .as("a record without a revision says nothing of one").doesNotContain("null");
        browser.screenshot("data-quality-lineage");

        // the month: the 20th holds 3 of its 24 hours, one awaiting a backfill; the 19th none; a day opens its hours
        browser.driver.executeScript("document.querySelector('#quality-month').value = '2025-05'");
        browser.find("#quality-show-month").click();
        browser.waitFor(d -> !d.findElements(By.cssSelector(row + "td[data-day='2025-05-20']")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector(row + "td"))).hasSize(31);
        WebElement twentieth = browser.find(row + "td[data-day='2025-05-20']");
        assertThat(twentieth.getDomAttribute("data-state")).isEqualTo("pending");
        assertThat(twentieth.getDomAttribute("data-hours")).isEqualTo("3");
        assertThat(browser.find(row + "td[data-day='2025-05-19']").getDomAttribute("data-state")).isEqualTo("missing");
        browser.screenshot("data-quality-month");
        twentieth.click();
        browser.waitFor(d -> !d.findElements(By.cssSelector(row + "td[data-hour='" + iso(substituted) + "']")).isEmpty());
        assertThat(cellState(row, substituted)).isEqualTo("substituted");

        new Select(browser.find("#lang-select")).selectByValue("zh-CN");
        browser.waitFor(d -> "数据质量".equals(browser.find("#nav-quality").getText()));
        browser.screenshot("data-quality-zh-CN");
    }

    private String cellState(String row, Instant hour) {
        return browser.find(row + "td[data-hour='" + iso(hour) + "']").getDomAttribute("data-state");
    }

    /** As the browser's Date.toISOString writes an instant: with milliseconds. */
    private static String iso(Instant instant) {
        return instant.toString().replace("Z", ".000Z");
    }

    private void choosePeriod(String period) {
        WebElement input = browser.find("#fleet-period");
        input.clear();
        input.sendKeys(period);
        browser.find("#fleet-show").click();
    }

    /** The number a cell holds (its data-value, as the API gave it), NaN while it holds none. */
    private double shown(String css) {
        String value = browser.find(css).getDomAttribute("data-value");
        return value == null || value.isEmpty() ? Double.NaN : Double.parseDouble(value);
    }

    private void generate(String period) {
        WebElement input = browser.find("#report-period");
        input.clear();
        input.sendKeys(period);
        browser.find("#report-generate").click();
        browser.waitFor(d -> {
            WebElement title = browser.find("#report-title");
            return title.getText().contains(period) && "draft".equals(title.getDomAttribute("data-status"));
        });
    }

    private void approve() {
        browser.find("#report-approve").click();
        browser.waitFor(d -> "approved".equals(browser.find("#report-title").getDomAttribute("data-status")));
    }
}
