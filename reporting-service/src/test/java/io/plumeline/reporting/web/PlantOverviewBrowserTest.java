package io.plumeline.reporting.web;

import static io.plumeline.reporting.support.Contract3Lines.alert;
import static io.plumeline.reporting.support.Contract3Lines.badReading;
import static io.plumeline.reporting.support.Contract3Lines.emissionRate;
import static io.plumeline.reporting.support.Contract3Lines.goodReading;
import static io.plumeline.reporting.support.Contract3Lines.productIntensity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.site.Tag;
import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.InfluxTestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * The engineers' home in headless Chromium, serving the example refinery (examples/sites/refinery.yaml) over a real
 * influxd: every unit of the site model is drawn with its current CO2e rate (a parent unit adds up the units under
 * it) and a data-quality mark, a stream shows its current flow, a product the intensity of its last hour; a new rate
 * the test writes shows without a reload; a unit opens its tags with sparklines and its active alerts; the browser
 * logs no error. Screenshots in both languages are in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlantOverviewBrowserTest {

    static final String SITE = "dalian-refinery";
    static final String DATABASE = "overview";
    static final Path REFINERY = Path.of("../examples/sites/refinery.yaml").toAbsolutePath().normalize();
    /** The plant's clock: a minute ago, so that the page's newest reading is this one. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    static final Instant LAST_HOUR = NOW.truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);

    @LocalServerPort
    int port;

    Browser browser;
    JsonNode site;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", REFINERY::toString);
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    /**
     * Every tag GOOD at NOW but: sru-1's tags BAD (its mark is BAD), hgu-1's last read 10 minutes before (STALE); the
     * heater's fuel gas read over the last hour (its sparkline has points); every source a CO2e rate of 1,000 kg/h plus
     * its position; diesel 150 t carrying 9,000 kg CO2e in the last complete hour (60 kg/t); an alert on the heater.
     */
    @BeforeAll
    static void writePlant() {
        SiteModel model = SiteModelLoader.load(REFINERY);
        List<String> lines = new ArrayList<>();
        for (Tag tag : model.tags()) {
            String id = tag.id(), unit = tag.unit();
            lines.add(switch (unit) {
                case "sru-1" -> badReading(SITE, unit, id, NOW);
                case "hgu-1" -> goodReading(SITE, unit, id, NOW.minusSeconds(600), 10.0);
                default -> goodReading(SITE, unit, id, NOW, 10.0);
            });
        }
        for (int m = 60; m > 0; m -= 10) {
            lines.add(goodReading(SITE, "heater-1", "heater-1.fuel_gas_flow", NOW.minusSeconds(60L * m), 1000.0 + m));
        }
        int i = 0;
        for (EmissionSource source : model.sources()) {
            lines.add(emissionRate(SITE, source.unit(), source.id(), "CO2e",
                    NOW.truncatedTo(ChronoUnit.MINUTES), 1000.0 + i++));
        }
        lines.add(productIntensity(SITE, "diesel", LAST_HOUR, 150, 9000));
        lines.add(alert(SITE, "heater-1.stack_nox", "PT1H:100", NOW.minusSeconds(120), 120.0, 100.0));
        InfluxTestServer.write(DATABASE, lines);
    }

    @BeforeEach
    void startBrowser(org.junit.jupiter.api.TestInfo test) {
        browser = new Browser(port, test.getTestMethod().orElseThrow().getName());
        site = new ApiClient(port).as("engineer").get("/api/v1/site").json();
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void everyUnitShowsItsRateAndQualityAndOpensItsTags() {
        browser.signIn("engineer", "engineer-pw");
        browser.open("/?refresh=1");
        new Select(browser.find("#lang-select")).selectByValue("en"); // the refinery's own locale is zh-CN
        String heater = "#overview-chain g.unit-box[data-unit='heater-1']";
        browser.waitFor(d -> !browser.find(heater).getDomAttribute("data-rate").isEmpty());
        assertThat(browser.find("#nav-overview").getDomAttribute("class")).as("the engineers' home").contains("active");

        for (JsonNode unit : site.get("units")) {
            String id = unit.get("id").asString();
            WebElement box = browser.find("#overview-chain g.unit-box[data-unit='" + id + "']");
            Set<String> scope = scope(id);
            double expected = 0;
            int i = 0;
            for (JsonNode source : site.get("sources")) {
                expected += scope.contains(source.get("unit").asString()) ? 1000.0 + i : 0;
                i++;
            }
            String rate = box.getDomAttribute("data-rate");
            if (expected == 0) {
                assertThat(rate).as(id + " has no sources").isEmpty();
            } else {
                assertThat(Double.parseDouble(rate)).as(id + ": the CO2e rates of its sources and its units' sources")
                        .isCloseTo(expected, within(1e-9));
            }
        }
        assertThat(mark("boiler-1")).isEqualTo("GOOD");
        assertThat(mark("sru-1")).isEqualTo("BAD");
        assertThat(mark("hgu-1")).as("10 minutes behind the site's newest reading").isEqualTo("STALE");
        assertThat(Double.parseDouble(browser.find("#overview-chain g.stream[data-stream='naphtha']")
                .getDomAttribute("data-value"))).isEqualTo(10.0);
        WebElement diesel = browser.find("#overview-chain g.product-box[data-product='diesel']");
        assertThat(Double.parseDouble(diesel.getDomAttribute("data-intensity"))).isEqualTo(60.0);
        assertThat(diesel.getText()).contains("60 kg CO2e/t");
        assertThat(browser.find("#overview-chain").getText()).contains("Utilities and flares");
        browser.screenshot("overview");

        double before = Double.parseDouble(browser.find(heater).getDomAttribute("data-rate"));
        String heaterSource = site.get("sources").valueStream().filter(s -> s.get("unit").asString().equals("heater-1"))
                .findFirst().orElseThrow().get("id").asString();
        InfluxTestServer.write(DATABASE, List.of(emissionRate(SITE, "heater-1", heaterSource, "CO2e",
                NOW.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60), 5000.0)));
        browser.waitFor(d -> Double.parseDouble(browser.find(heater).getDomAttribute("data-rate")) != before);
        assertThat(browser.driver.getCurrentUrl()).as("updated in place").endsWith("/?refresh=1");

        browser.find(heater).click();
        browser.waitFor(d -> "heater-1".equals(browser.find("#overview-unit").getDomAttribute("data-unit"))
                && !browser.driver.findElements(By.cssSelector("#overview-unit tr[data-tag='heater-1.fuel_gas_flow'] svg.sparkline")).isEmpty());
        assertThat(Integer.parseInt(browser.find("#overview-unit tr[data-tag='heater-1.fuel_gas_flow'] svg.sparkline")
                .getDomAttribute("data-points"))).as("the last 3 hours in 2-minute steps").isGreaterThanOrEqualTo(6);
        assertThat(browser.driver.findElements(By.cssSelector("#overview-unit .overview-alerts li")))
                .extracting(e -> e.getDomAttribute("data-tag")).containsExactly("heater-1.stack_nox");
        browser.screenshot("overview-unit");

        new Select(browser.find("#lang-select")).selectByValue("zh-CN");
        browser.waitFor(d -> "装置总览".equals(browser.find("#nav-overview").getText()));
        assertThat(browser.find("#overview-chain").getText()).contains("公用工程与火炬").contains("60 kg CO2e/t");
        browser.screenshot("overview-zh-CN");
        assertThat(browser.consoleErrors()).as("errors the page logged").isEmpty();
    }

    private String mark(String unit) {
        return browser.find("#overview-chain g.unit-box[data-unit='" + unit + "']").getDomAttribute("data-mark");
    }

    /** The unit and every unit under it. */
    private Set<String> scope(String unit) {
        Set<String> scope = new java.util.HashSet<>(Set.of(unit));
        boolean grew = true;
        while (grew) {
            Set<String> under = site.get("units").valueStream().filter(u -> u.has("parent") && !u.get("parent").isNull()
                    && scope.contains(u.get("parent").asString())).map(u -> u.get("id").asString()).collect(Collectors.toSet());
            grew = scope.addAll(under);
        }
        return scope;
    }
}
