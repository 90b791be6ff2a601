package io.plumeline.reporting.reports;

import io.plumeline.core.lineage.Sha256;
import static io.plumeline.reporting.reports.ReportFixture.monthStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The period report of March 2026 in Dalian (from local midnight of 1 March, 2026-02-28T16:00Z) over a real influxd,
 * and the files of a stored report checked by independent tools: xmllint against the XSD in the repository,
 * commons-csv, pdftotext for the English and the Chinese PDF, SHA-256 against the manifest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportExportsApiTest {

    static final String DATABASE = "reports_exports";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ReportFixture MARCH = new ReportFixture(DATABASE);
    static final ReportFixture FEBRUARY = new ReportFixture(DATABASE);
    static final ReportFixture MARCH_2023 = new ReportFixture(DATABASE);

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml").toString());
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    @BeforeAll
    static void writeMarchAndFebruary() {
        Instant march = monthStart("2026-03");
        MARCH.hours(march, 6, 2400, 900).alerts(march.plus(Duration.ofDays(2)), 4100, 4350.5, 4200).write();
        // 23:00 on 28 February in Dalian, though already 1 March in UTC+0 terms of the next day: February's
        FEBRUARY.hours(march.minusSeconds(3600), 1, 2000, 800).alerts(monthStart("2026-02").plus(Duration.ofDays(1)), 5000)
                .write();
        MARCH_2023.hours(monthStart("2023-03"), 2, 1000, 500).write();
    }

    @Test
    void aReportIsInTheGwpSetOfItsReportingYear() {
        // Dalian is a Part 98 site with gwp AR5, but 40 CFR 98 Table A-1 had AR4 for RY2013-RY2023 (CH4 25, N2O 298).
        // March 2023: heater CO2 1000 + 1010.5 = 2010.5 kg, CH4 2 × 0.12 = 0.24 kg × 25 = 6, N2O 2 × 0.024 = 0.048 kg
        // × 298 = 14.304, boiler 2 × 500 = 1000 kg: CO2e 2010.5 + 6 + 14.304 + 1000 = 3030.804 kg (AR5 would give
        // 2010.5 + 6.72 + 12.72 + 1000 = 3029.94).
        JsonNode report = api.get("/api/v1/reports/emissions", "period", "2023-03").json();
        assertThat(report.get("gwp").asString()).isEqualTo("AR4");
        assertThat(report.get("inputs").get("gwp").get("id").asString()).isEqualTo("AR4");
        assertThat(report.get("totals").get("co2eKg").asDouble()).isCloseTo(3030.804, within(1e-6));
        // the same site's 2026 report stays in AR5 (from RY2024), as theCurrentReportRollsUpThePeriodOfTheSitesCalendar shows
        assertThat(api.get("/api/v1/reports/emissions", "period", "2026-03").json().get("gwp").asString()).isEqualTo("AR5");
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theCurrentReportRollsUpThePeriodOfTheSitesCalendar() {
        Response response = api.get("/api/v1/reports/emissions", "period", "2026-03");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("from").asString()).isEqualTo("2026-02-28T16:00:00Z");
        assertThat(report.get("to").asString()).isEqualTo("2026-03-31T16:00:00Z");
        assertThat(report.get("gwp").asString()).isEqualTo("AR5");
        assertThat(report.get("totals").get("co2eKg").asDouble()).isCloseTo(MARCH.totalCo2eKg(), within(1e-6));
        JsonNode co2 = report.get("totals").get("byGas").get(0);
        assertThat(co2.get("gas").asString()).isEqualTo("CO2");
        assertThat(co2.get("massKg").asDouble()).isCloseTo(MARCH.heaterCo2Kg + MARCH.boilerCo2Kg, within(1e-6));

        JsonNode heater = source(report, ReportFixture.HEATER);
        assertThat(heater.get("hours").asInt()).isEqualTo(6);
        assertThat(heater.get("substitutedHours").asInt()).isEqualTo(1);
        assertThat(heater.get("lateCorrections").asInt()).isEqualTo(1);
        assertThat(heater.get("availabilityPct").asDouble()).isCloseTo((5 * 100 + 75) / 6.0, within(1e-9));
        assertThat(heater.get("co2eKg").asDouble()).isCloseTo(MARCH.heaterCo2eKg(), within(1e-6));
        assertThat(heater.get("unit").asString()).isEqualTo("heater-1");

        JsonNode exceedance = report.get("exceedances").get(0);
        assertThat(report.get("exceedances")).hasSize(1);
        assertThat(exceedance.get("tag").asString()).isEqualTo("heater-1.fuel_gas_flow");
        assertThat(exceedance.get("count").asInt()).isEqualTo(3);
        assertThat(exceedance.get("maxValue").asDouble()).isEqualTo(4350.5);
        assertThat(exceedance.get("limit").asDouble()).isEqualTo(4000);
        assertThat(exceedance.get("averaging").asString()).isEqualTo("PT1H");

        JsonNode previous = report.get("previousPeriod");
        assertThat(previous.get("period").asString()).isEqualTo("2026-02");
        assertThat(previous.get("co2eKg").asDouble()).isCloseTo(FEBRUARY.totalCo2eKg(), within(1e-6));
        assertThat(previous.get("changeKg").asDouble()).isCloseTo(MARCH.totalCo2eKg() - FEBRUARY.totalCo2eKg(), within(1e-6));

        JsonNode inputs = report.get("inputs");
        assertThat(inputs.get("siteModelSha256").asString())
                .isEqualTo(SiteModelLoader.contentHash(SiteFiles.path("dalian.yaml")));
        assertThat(inputs.get("factorTables").get(0).get("id").asString()).isEqualTo("EPA_PART98_C1_C2");
        assertThat(inputs.get("gwp").get("id").asString()).isEqualTo("AR5");
    }

    @Test
    void theFilesOfAStoredReportPassIndependentChecks(@TempDir Path dir) throws IOException {
        String id = generate("2026-03");
        String base = "/api/v1/reports/" + id + "/exports/";

        Download xml = download(base + "xml");
        assertThat(xml.disposition()).contains("attachment", "dalian-refinery_2026-03_r1.xml");
        Path schema = Path.of("src/main/resources/reports/emissions-report.xsd").toAbsolutePath();
        Tools.Result valid = Tools.run("xmllint", "--noout", "--schema", schema.toString(),
                Tools.write(dir, "report.xml", xml.bytes()).toString());
        assertThat(valid.exit()).as(valid.output()).isZero();
        // the validator does reject what the schema forbids: the check above is not vacuous
        Tools.Result invalid = Tools.run("xmllint", "--noout", "--schema", schema.toString(),
                Tools.write(dir, "bad.xml", xml.text().replace("period=\"2026-03\"", "period=\"2026-Q5\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        assertThat(invalid.exit()).as(invalid.output()).isNotZero();

        // the same XML of the data as it is now, without id and revision, is valid too
        Download current = download("/api/v1/reports/emissions?period=2026-03&format=xml");
        assertThat(current.disposition()).contains("dalian-refinery_2026-03.xml");
        Tools.Result currentValid = Tools.run("xmllint", "--noout", "--schema", schema.toString(),
                Tools.write(dir, "current.xml", current.bytes()).toString());
        assertThat(currentValid.exit()).as(currentValid.output()).isZero();

        Download csv = download(base + "csv");
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.text()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> records = parser.getRecords();
            CSVRecord total = records.stream().filter(r -> r.get("record").equals("total")).findFirst().orElseThrow();
            assertThat(Double.parseDouble(total.get("co2e_kg"))).isCloseTo(MARCH.totalCo2eKg(), within(1e-6));
            double sources = records.stream().filter(r -> r.get("record").equals("source"))
                    .mapToDouble(r -> Double.parseDouble(r.get("co2e_kg"))).sum();
            assertThat(sources).isCloseTo(MARCH.totalCo2eKg(), within(1e-6));
            assertThat(records).allSatisfy(r -> assertThat(r.get("period")).isEqualTo("2026-03"));
            assertThat(csv.text()).contains("\r\n");
        }

        String english = Tools.pdfText(dir, download(base + "pdf?lang=en"));
        Tools.keep("report.xml", xml.bytes());
        Tools.keep("report.csv", csv.bytes());
        assertThat(english).contains("Total CO2e: " + tonnes(MARCH.totalCo2eKg(), Locale.ENGLISH) + " t",
                "Dalian Refinery", "March 1, 2026", "March 31, 2026", "heater-1.stack");
        String chinese = Tools.pdfText(dir, download(base + "pdf?lang=zh-CN"));
        assertThat(chinese).contains("二氧化碳当量总计: " + tonnes(MARCH.totalCo2eKg(), Locale.SIMPLIFIED_CHINESE) + " 吨",
                "2026年3月1日", "排放源", "heater-1.stack");
        // the site's language (en: Dalian's model names none) when lang is left out
        assertThat(download(base + "pdf").bytes()).isEqualTo(download(base + "pdf?lang=en").bytes());
    }

    @Test
    void theManifestHoldsTheHashOfEveryFileAndExportsRepeatByteForByte() throws IOException {
        JsonNode report = api.post("/api/v1/reports", "", "period", "2026-03").json();
        String id = report.get("id").asString();
        String name = "dalian-refinery_2026-03_r" + report.get("revision").asInt();
        String base = "/api/v1/reports/" + id + "/exports";
        JsonNode manifest = JSON.readTree(download(base + "/manifest?lang=zh-CN").bytes());
        assertThat(manifest.get("inputs").get("gwp").get("id").asString()).isEqualTo("AR5");
        assertThat(manifest.get("inputs").get("siteModelSha256").asString()).hasSize(64);
        Map<String, String> hashes = new LinkedHashMap<>();
        manifest.get("files").forEach(f -> hashes.put(f.get("name").asString(), f.get("sha256").asString()));
        assertThat(hashes.keySet()).containsExactly(name + ".csv", name + ".json", name + ".xml", name + ".zh-CN.pdf");
        for (String format : List.of("csv", "json", "xml", "pdf")) {
            Download first = download(base + "/" + format + "?lang=zh-CN");
            Download second = download(base + "/" + format + "?lang=zh-CN");
            assertThat(second.bytes()).as(format + " twice").isEqualTo(first.bytes());
            String file = hashes.keySet().stream().filter(n -> n.endsWith("." + format)).findFirst().orElseThrow();
            assertThat(Sha256.hex(first.bytes())).as(file).isEqualTo(hashes.get(file));
        }

        Download zip = download(base + "?lang=zh-CN");
        assertThat(zip.contentType()).startsWith("application/zip");
        assertThat(download(base + "?lang=zh-CN").bytes()).as("zip twice").isEqualTo(zip.bytes());
        Map<String, byte[]> entries = unzip(zip.bytes());
        assertThat(entries.keySet()).containsAll(hashes.keySet()).contains("manifest.json");
        assertThat(JSON.readTree(entries.get("manifest.json"))).isEqualTo(manifest);
        hashes.forEach((file, sha256) -> assertThat(Sha256.hex(entries.get(file))).as(file).isEqualTo(sha256));

        JsonNode audit = api.get("/api/v1/audit").json().get("entries");
        assertThat(audit.valueStream().filter(e -> e.get("action").asString().equals("EXPORTED")
                && e.get("reportId").asString().equals(id))).hasSizeGreaterThanOrEqualTo(9);
        assertThat(api.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        String id = generate("2026-01");
        List<Object[]> cases = List.of(
                new Object[] {api.get("/api/v1/reports/emissions", "period", "2026-Q5"), 400, "period"},
                new Object[] {api.get("/api/v1/reports/emissions", "period", "2026-13"), 400, "period"},
                new Object[] {api.get("/api/v1/reports/emissions"), 400, "period"},
                new Object[] {api.get("/api/v1/reports/emissions", "period", "2026-03", "format", "docx"), 400, "format"},
                new Object[] {api.get("/api/v1/reports/emissions", "period", "2026-03", "lang", "fr"), 400, "lang"},
                new Object[] {api.get("/api/v1/reports/emissions", "period", "2026-03", "site", "nowhere"), 400, "site"},
                new Object[] {api.post("/api/v1/reports", "", "period", "'; DROP TABLE report; --"), 400, "period"},
                new Object[] {api.get("/api/v1/reports", "status", "frozen"), 400, "status"},
                new Object[] {api.get("/api/v1/reports", "period", "Q1"), 400, "period"},
                new Object[] {api.get("/api/v1/reports/no-such-report"), 404, "id"},
                new Object[] {api.get("/api/v1/reports/no-such-report/exports/xml"), 404, "id"},
                new Object[] {api.get("/api/v1/reports/" + id + "/exports/docx"), 400, "format"},
                new Object[] {api.get("/api/v1/reports/" + id + "/exports/pdf", "lang", "de"), 400, "lang"},
                new Object[] {api.get("/api/v1/reports/" + id + "/diff"), 409, "against"},
                new Object[] {api.get("/api/v1/reports/" + id + "/diff", "against", "nope"), 404, "id"},
                new Object[] {api.post("/api/v1/reports/" + id + "/submit", ""), 409, "id"},
                new Object[] {api.post("/api/v1/reports/no-such-report/approve", ""), 404, "id"},
                new Object[] {api.get("/api/v1/corporate/emissions", "period", "2026-Q0"), 400, "period"});
        for (Object[] c : cases) {
            Response response = (Response) c[0];
            assertThat(response.status()).as(response.toString()).isEqualTo(c[1]);
            assertThat(response.isProblem()).as(response.toString()).isTrue();
            assertThat(response.json().get("parameter").asString()).as(response.toString()).isEqualTo(c[2]);
        }
        // a second compliance officer approves (the four-eyes rule), and cannot approve twice
        assertThat(api.as("reviewer").post("/api/v1/reports/" + id + "/approve", "").status()).isEqualTo(200);
        Response twice = api.as("reviewer").post("/api/v1/reports/" + id + "/approve", "");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("approved");
    }

    private String generate(String period) {
        Response created = api.post("/api/v1/reports", "", "period", period);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Download download(String pathAndQuery) {
        Download download = Download.get(port, "compliance", pathAndQuery);
        assertThat(download.status()).as(pathAndQuery + " → " + download).isEqualTo(200);
        return download;
    }

    /** Samples of the files for people to look at, kept in the test output (target/report-samples). */

    /** Tonnes as the PDF writes them for the language, from the kg the fixture added up. */
    private static String tonnes(double kg, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(3);
        format.setMaximumFractionDigits(3);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(kg / 1000);
    }

    private static JsonNode source(JsonNode report, String id) {
        return report.get("bySource").valueStream().filter(s -> s.get("source").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no source " + id + " in " + report));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
