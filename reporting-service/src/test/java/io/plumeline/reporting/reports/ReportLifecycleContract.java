package io.plumeline.reporting.reports;

import static io.plumeline.reporting.reports.ReportFixture.monthStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.SiteFiles;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The lifecycle of stored reports and the audit log, run against each database the service supports (a subclass
 * per database names its datasource and its own InfluxDB database): frozen approvals, revisions and their
 * differences, what a regulator sees, and an audit chain that finds a row changed behind its back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReportLifecycleContract {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    ApiClient api;

    static void site(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml").toString());
        registry.add("plumeline.influx.url", () -> io.plumeline.reporting.support.InfluxTestServer.shared().url());
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        site(registry);
    }

    /** The InfluxDB database of this subclass: late data written by one run must not reach the other. */
    abstract String database();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void anApprovedReportIsFrozenAndTheNextRevisionShowsTheLateData() {
        ReportFixture april = new ReportFixture(database()).hours(monthStart("2026-04"), 4, 2300, 700).write();
        JsonNode r1 = created(api.post("/api/v1/reports", "", "period", "2026-04"));
        String id = r1.get("id").asString();
        assertThat(r1.get("revision").asInt()).isEqualTo(1);
        assertThat(r1.get("status").asString()).isEqualTo("draft");
        assertThat(r1.get("createdBy").asString()).isEqualTo("compliance");
        assertThat(r1.get("co2eKg").asDouble()).isCloseTo(april.totalCo2eKg(), within(1e-6));

        JsonNode approved = ok(api.post("/api/v1/reports/" + id + "/approve", ""));
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("approvedBy").asString()).isEqualTo("compliance");
        byte[] json = Download.get(port, "compliance", "/api/v1/reports/" + id + "/exports/json").bytes();

        // late data: a heater hour the job computed after the approval
        ReportFixture late = new ReportFixture(database()).hours(monthStart("2026-04").plus(Duration.ofDays(10)), 1, 5000, 600)
                .write();
        double now = ok(api.get("/api/v1/reports/emissions", "period", "2026-04")).get("totals").get("co2eKg").asDouble();
        assertThat(now).isCloseTo(april.totalCo2eKg() + late.totalCo2eKg(), within(1e-6));

        JsonNode frozen = ok(api.get("/api/v1/reports/" + id));
        assertThat(frozen.get("content").get("totals").get("co2eKg").asDouble()).isCloseTo(april.totalCo2eKg(), within(1e-6));
        assertThat(frozen.get("co2eKg").asDouble()).isCloseTo(april.totalCo2eKg(), within(1e-6));
        assertThat(Download.get(port, "compliance", "/api/v1/reports/" + id + "/exports/json").bytes()).isEqualTo(json);

        JsonNode r2 = created(api.post("/api/v1/reports", "", "period", "2026-04"));
        assertThat(r2.get("revision").asInt()).isEqualTo(2);
        assertThat(r2.get("previousRevisionId").asString()).isEqualTo(id);
        assertThat(r2.get("co2eKg").asDouble()).isCloseTo(now, within(1e-6));

        JsonNode diff = ok(api.get("/api/v1/reports/" + r2.get("id").asString() + "/diff"));
        assertThat(diff.get("against").asString()).isEqualTo(id);
        assertThat(diff.get("totals").get("changeKg").asDouble()).isCloseTo(late.totalCo2eKg(), within(1e-6));
        JsonNode heaterCo2 = diff.get("changes").valueStream()
                .filter(c -> c.get("source").asString().equals(ReportFixture.HEATER) && c.get("gas").asString().equals("CO2"))
                .findFirst().orElseThrow();
        assertThat(heaterCo2.get("change").get("massKg").asDouble()).isCloseTo(late.heaterCo2Kg, within(1e-6));
        assertThat(heaterCo2.get("before").get("massKg").asDouble()).isCloseTo(april.heaterCo2Kg, within(1e-6));
        assertThat(ok(api.get("/api/v1/reports/" + id)).get("status").asString()).isEqualTo("approved");
    }

    @Test
    void regulatorsSeeSubmittedReportsOnly() {
        new ReportFixture(database()).hours(monthStart("2026-05"), 2, 2100, 500).hours(monthStart("2026-06"), 2, 2200, 500)
                .write();
        String submitted = created(api.post("/api/v1/reports", "", "period", "2026-05")).get("id").asString();
        Response early = api.post("/api/v1/reports/" + submitted + "/submit", "");
        assertThat(early.status()).as("a draft cannot be submitted: " + early).isEqualTo(409);
        ok(api.post("/api/v1/reports/" + submitted + "/approve", ""));
        JsonNode done = ok(api.post("/api/v1/reports/" + submitted + "/submit", ""));
        assertThat(done.get("status").asString()).isEqualTo("submitted");
        assertThat(done.get("submittedBy").asString()).isEqualTo("compliance");
        String draft = created(api.post("/api/v1/reports", "", "period", "2026-06")).get("id").asString();

        ApiClient regulator = api.as("regulator");
        List<String> listed = ok(regulator.get("/api/v1/reports")).get("reports").valueStream()
                .map(r -> r.get("id").asString()).toList();
        assertThat(listed).contains(submitted).doesNotContain(draft);
        assertThat(ok(regulator.get("/api/v1/reports")).get("reports").valueStream()
                .map(r -> r.get("status").asString())).containsOnly("submitted");
        assertThat(ok(regulator.get("/api/v1/reports", "status", "draft")).get("reports")).isEmpty();
        assertThat(ok(api.get("/api/v1/reports", "status", "draft")).get("reports").valueStream()
                .map(r -> r.get("id").asString())).contains(draft);

        assertThat(ok(regulator.get("/api/v1/reports/" + submitted)).get("content").get("period").asString())
                .isEqualTo("2026-05");
        for (String path : List.of("", "/exports/xml", "/exports", "/diff")) {
            Response hidden = regulator.get("/api/v1/reports/" + draft + path);
            assertThat(hidden.status()).as(path + " " + hidden).isEqualTo(404);
            assertThat(hidden.isProblem()).isTrue();
        }
        assertThat(Download.get(port, "regulator", "/api/v1/reports/" + submitted + "/exports/xml").status()).isEqualTo(200);
        assertThat(regulator.post("/api/v1/reports", "", "period", "2026-05").status()).isEqualTo(403);
        assertThat(regulator.post("/api/v1/reports/" + draft + "/approve", "").status()).isEqualTo(403);
    }

    @Test
    void aNewDraftReplacesTheDraftOfItsPeriod() {
        new ReportFixture(database()).hours(monthStart("2026-07"), 2, 2500, 400).write();
        JsonNode first = created(api.post("/api/v1/reports", "", "period", "2026-07"));
        JsonNode second = created(api.post("/api/v1/reports", "", "period", "2026-07"));
        assertThat(second.get("revision").asInt()).isEqualTo(first.get("revision").asInt());
        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(api.get("/api/v1/reports/" + first.get("id").asString()).status()).isEqualTo(404);
        assertThat(ok(api.get("/api/v1/reports", "period", "2026-07")).get("reports")).hasSize(1);
    }

    @Test
    void theAuditChainVerifiesAndFindsATamperedRow() {
        new ReportFixture(database()).hours(monthStart("2026-08"), 1, 2600, 300).write();
        String id = created(api.post("/api/v1/reports", "", "period", "2026-08")).get("id").asString();
        ok(api.post("/api/v1/reports/" + id + "/approve", ""));
        assertThat(Download.get(port, "compliance", "/api/v1/reports/" + id + "/exports/csv").status()).isEqualTo(200);

        JsonNode entries = ok(api.as("admin").get("/api/v1/audit")).get("entries");
        assertThat(entries.valueStream().filter(e -> id.equals(e.get("reportId").asString()))
                .map(e -> e.get("action").asString())).containsSubsequence("GENERATED", "APPROVED", "EXPORTED");
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).get("previousHash").asString()).isEqualTo(entries.get(i - 1).get("hash").asString());
        }
        JsonNode verified = ok(api.get("/api/v1/audit/verify"));
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("entries").asLong()).isEqualTo(entries.size());
        assertThat(verified.get("firstBroken").isNull()).isTrue();

        JsonNode approval = entries.valueStream().filter(e -> id.equals(e.get("reportId").asString())
                && e.get("action").asString().equals("APPROVED")).findFirst().orElseThrow();
        long seq = approval.get("seq").asLong();
        JdbcClient sql = JdbcClient.create(dataSource);
        String actor = sql.sql("SELECT actor FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
        sql.sql("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = ?").param(seq).update();
        try {
            JsonNode broken = ok(api.get("/api/v1/audit/verify"));
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").asLong()).isEqualTo(seq);
        } finally {
            sql.sql("UPDATE audit_entry SET actor = ? WHERE seq = ?").params(actor, seq).update();
        }
        assertThat(ok(api.get("/api/v1/audit/verify")).get("valid").asBoolean()).isTrue();
        assertThat(api.as("regulator").get("/api/v1/audit").status()).isEqualTo(403);
    }

    private static JsonNode created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
