package io.plumeline.reporting.reports;

import static io.plumeline.reporting.support.Contract3Lines.hourlyEmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.InfluxTestServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

/**
 * The period report of the China example (examples/sites/china-refinery.yaml, CN_MEE) over a real influxd: hours of a
 * source of each part of the petrochemical guideline's equation (1), the parts and the total against a sum by hand,
 * and the files (JSON, CSV, XML by xmllint, the PDF by pdftotext in Chinese and English) saying each part apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChinaGuidelineReportTest {

    static final String DATABASE = "reports_china";
    static final Path CHINA = Path.of("../examples/sites/china-refinery.yaml").toAbsolutePath().normalize();
    static final String SITE = "ningbo-refinery";
    static final Instant MARCH = LocalDate.parse("2026-03-01").atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();

    /*
     * The hours of March 2026, in t CO2 (each hour's CO2 and its CO2e row, as the job writes them; SAR, CO2 only):
     *   燃料燃烧 heater-1.stack          15.2 + 15.3 + 15.5          =  46.0
     *   火炬燃烧 flare-1.tip             1.25 + 0.75                 =   2.0
     *   工业生产过程 fcc-1.regenerator 20 + 21, hgu-1.reformer 8 + 8 =  57.0
     *   CO2回收利用量 co2r-1.product     −3.5 − 3.5, R               =   7.0
     *   净购入电力 utilities.electricity 18 MWh × 0.5500 = 9.9, × 2  =  19.8
     *   净购入热力 utilities.steam       40 GJ × 0.11 = 4.4, × 2     =   8.8
     * E_GHG = 46.0 + 2.0 + 57.0 − 7.0 + 19.8 + 8.8 = 126.6 t; direct 105.0 t, indirect 28.6 t.
     */
    static final Map<String, double[]> HOURS_T = Map.of(
            "heater-1.stack", new double[] {15.2, 15.3, 15.5},
            "flare-1.tip", new double[] {1.25, 0.75},
            "fcc-1.regenerator", new double[] {20, 21},
            "hgu-1.reformer", new double[] {8, 8},
            "co2r-1.product", new double[] {-3.5, -3.5},
            "utilities.electricity", new double[] {9.9, 9.9},
            "utilities.steam", new double[] {4.4, 4.4});
    static final Map<String, String> METHODS = Map.of("heater-1.stack", "CN_MEE_COMBUSTION",
            "flare-1.tip", "CN_MEE_FLARE", "fcc-1.regenerator", "CN_MEE_FCC_COKE", "hgu-1.reformer", "CN_MEE_HYDROGEN",
            "co2r-1.product", "CN_MEE_CO2_RECOVERY", "utilities.electricity", "CN_MEE_ELECTRICITY",
            "utilities.steam", "CN_MEE_HEAT");

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", CHINA::toString);
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    @BeforeAll
    static void writeMarch() {
        List<String> lines = new ArrayList<>();
        HOURS_T.forEach((source, tonnes) -> {
            String unit = source.substring(0, source.indexOf('.'));
            for (int h = 0; h < tonnes.length; h++) {
                Instant hour = MARCH.plusSeconds(3600L * (h + 1));
                double kg = tonnes[h] * 1000;
                lines.add(hourlyEmission(SITE, unit, source, "CO2", METHODS.get(source), hour, kg, kg, 100, 0));
                lines.add(hourlyEmission(SITE, unit, source, "CO2e", METHODS.get(source), hour, kg, kg, 100, 0));
            }
        });
        InfluxTestServer.write(DATABASE, lines);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theReportSumsTheGuidelinesPartsAsEquationOneDoes() {
        Response response = api.get("/api/v1/reports/emissions", "period", "2026-03");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("program").asString()).isEqualTo("CN_MEE");
        JsonNode guideline = report.get("chinaGuideline");
        Map<String, JsonNode> parts = parts(guideline);
        assertThat(parts.keySet()).containsExactly("COMBUSTION", "FLARE", "PROCESS", "CO2_RECOVERED", "ELECTRICITY",
                "HEAT");
        assertPart(parts.get("COMBUSTION"), "DIRECT", 46_000, 46_000, "heater-1.stack");
        assertPart(parts.get("FLARE"), "DIRECT", 2_000, 2_000, "flare-1.tip");
        assertPart(parts.get("PROCESS"), "DIRECT", 57_000, 57_000, "fcc-1.regenerator", "hgu-1.reformer");
        // the deduction is a row of its own: the CO2 recovered as the guideline reports it, and what it takes off
        assertPart(parts.get("CO2_RECOVERED"), "DEDUCTION", 7_000, -7_000, "co2r-1.product");
        // indirect by their methods, although the example's categories say process
        assertPart(parts.get("ELECTRICITY"), "INDIRECT", 19_800, 19_800, "utilities.electricity");
        assertPart(parts.get("HEAT"), "INDIRECT", 8_800, 8_800, "utilities.steam");
        assertThat(guideline.get("directKg").asDouble()).isCloseTo(105_000, within(1e-6));
        assertThat(guideline.get("deductionKg").asDouble()).isCloseTo(7_000, within(1e-6));
        assertThat(guideline.get("indirectKg").asDouble()).isCloseTo(28_600, within(1e-6));
        assertThat(guideline.get("totalKg").asDouble()).isCloseTo(126_600, within(1e-6));
        // every source is a CN_MEE method, so the report's own total is the guideline's
        assertThat(report.get("totals").get("co2eKg").asDouble()).isCloseTo(126_600, within(1e-6));
    }

    @Test
    void theFilesNameEachPartAsTheGuidelineDoes(@TempDir Path dir) throws IOException {
        Response created = api.post("/api/v1/reports", "", "period", "2026-03");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String base = "/api/v1/reports/" + created.json().get("id").asString() + "/exports/";

        // the site's language is zh-CN: the PDF without lang is Chinese
        String chinese = Tools.pdfText(dir, download(base + "pdf"));
        assertThat(chinese).contains("《中国石油化工企业温室气体排放核算方法与报告指南（试行）》", "燃料燃烧排放",
                "火炬燃烧排放", "工业生产过程排放", "CO2回收利用量", "净购入电力隐含的排放", "净购入热力隐含的排放",
                "直接排放小计", "间接排放小计", "企业温室气体排放总量: 126.600 吨");
        assertThat(chinese).containsPattern("CO2回收利用量\\s+扣减\\s+7\\.000");
        assertThat(chinese).containsPattern("直接排放小计\\s+直接排放\\s+105\\.000");
        assertThat(chinese).containsPattern("间接排放小计（净购入电力和热力）\\s+间接排放\\s+28\\.600");
        String english = Tools.pdfText(dir, download(base + "pdf?lang=en"));
        assertThat(english).contains("Fuel combustion emissions", "Flare combustion emissions",
                "Industrial process emissions", "CO2 recovered and utilised",
                "Emissions of net purchased electricity", "Emissions of net purchased heat",
                "Total GHG emissions of the enterprise: 126.600 t");
        assertThat(english).containsPattern("\\+\\s+Fuel combustion emissions\\s+direct\\s+46\\.000")
                .containsPattern("-\\s+CO2 recovered and utilised\\s+deducted\\s+7\\.000")
                .containsPattern("Indirect emissions subtotal\\s+indirect\\s+28\\.600");
        // the source table keeps the site's own emissions, the indirect ones and the deduction apart
        assertThat(english).containsPattern("By source[\\s\\S]*direct:[\\s\\S]*indirect:\\s+utilities\\.(electricity|steam)"
                + "[\\s\\S]*deducted:\\s+co2r-1\\.product");

        Path schema = Path.of("src/main/resources/reports/emissions-report.xsd").toAbsolutePath();
        Download xml = download(base + "xml");
        Tools.keep("china.xml", xml.bytes());
        Tools.Result valid = Tools.run("xmllint", "--noout", "--schema", schema.toString(),
                Tools.write(dir, "china.xml", xml.bytes()).toString());
        assertThat(valid.exit()).as(valid.output()).isZero();
        assertThat(xml.text()).contains("<chinaGuideline totalKg=\"126600.0\"",
                "<part id=\"CO2_RECOVERED\" accounting=\"DEDUCTION\" co2eKg=\"7000.0\" countedKg=\"-7000.0\">");

        Download csv = download(base + "csv");
        Tools.keep("china.csv", csv.bytes());
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.text()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> records = parser.getRecords();
            Map<String, CSVRecord> parts = records.stream().filter(r -> r.get("record").equals("guideline_part"))
                    .collect(Collectors.toMap(r -> r.get("part"), r -> r));
            assertThat(parts).hasSize(6);
            assertThat(Double.parseDouble(parts.get("CO2_RECOVERED").get("co2e_kg"))).isCloseTo(-7_000, within(1e-6));
            assertThat(parts.get("ELECTRICITY").get("accounting")).isEqualTo("INDIRECT");
            assertThat(parts.values().stream().mapToDouble(r -> Double.parseDouble(r.get("co2e_kg"))).sum())
                    .isCloseTo(126_600, within(1e-6));
            CSVRecord total = records.stream().filter(r -> r.get("record").equals("guideline_total")).findFirst()
                    .orElseThrow();
            assertThat(Double.parseDouble(total.get("co2e_kg"))).isCloseTo(126_600, within(1e-6));
            // each source's row says which part it is in and how it counts
            CSVRecord steam = records.stream().filter(r -> r.get("record").equals("source")
                    && r.get("source").equals("utilities.steam")).findFirst().orElseThrow();
            assertThat(steam.get("part")).isEqualTo("HEAT");
            assertThat(steam.get("accounting")).isEqualTo("INDIRECT");
        }
    }

    private static Map<String, JsonNode> parts(JsonNode guideline) {
        Map<String, JsonNode> parts = new java.util.LinkedHashMap<>();
        guideline.get("parts").forEach(p -> parts.put(p.get("part").asString(), p));
        return parts;
    }

    private static void assertPart(JsonNode part, String accounting, double co2eKg, double countedKg, String... sources) {
        assertThat(part.get("accounting").asString()).as(part.toString()).isEqualTo(accounting);
        assertThat(part.get("co2eKg").asDouble()).as(part.toString()).isCloseTo(co2eKg, within(1e-6));
        assertThat(part.get("countedKg").asDouble()).as(part.toString()).isCloseTo(countedKg, within(1e-6));
        assertThat(part.get("sources").valueStream().map(JsonNode::asString)).containsExactly(sources);
    }

    private Download download(String pathAndQuery) {
        Download download = Download.get(port, "compliance", pathAndQuery);
        assertThat(download.status()).as(pathAndQuery + " → " + download).isEqualTo(200);
        return download;
    }

    /** Samples for people to look at, beside those of ReportExportsApiTest (target/report-samples). */
}
