package io.plumeline.reporting.reports;

import io.plumeline.core.lineage.Sha256;
import static io.plumeline.reporting.reports.ReportFixture.monthStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumeline.reporting.audit.AuditAction;
import io.plumeline.reporting.audit.AuditAnchor;
import io.plumeline.reporting.audit.AuditAnchors;
import io.plumeline.reporting.audit.AuditEntry;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.Contract3Lines;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.SiteFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

    @Autowired
    AuditAnchors anchors;

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

        JsonNode approved = ok(api.as("reviewer").post("/api/v1/reports/" + id + "/approve", ""));
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("approvedBy").asString()).isEqualTo("reviewer");
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
        ok(api.as("reviewer").post("/api/v1/reports/" + submitted + "/approve", ""));
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
        String id = approvedReport("2026-08", 2600);
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

    /**
     * A heater hour of February a collector gap touched: while its backfill is not done the draft holds it as it
     * stands and cannot be approved; generated again once the backfill corrected it, the report is approved.
     */
    @Test
    void aDraftHoldingHoursAwaitingABackfillIsNotApprovedUntilGeneratedAgain() {
        Instant hour = monthStart("2026-02").plus(Duration.ofDays(3));
        InfluxTestServer.write(database(), List.of(
                Contract3Lines.backfilledHour(ReportFixture.SITE, "heater-1", ReportFixture.HEATER, "CO2", hour, 2_400, true)));
        String pending = created(api.post("/api/v1/reports", "", "period", "2026-02")).get("id").asString();
        Response refused = api.as("reviewer").post("/api/v1/reports/" + pending + "/approve", "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .contains("awaiting a collector's backfill: heater-1.stack (1 h)", "generate it again");
        assertThat(ok(api.get("/api/v1/reports/" + pending)).get("status").asString()).isEqualTo("draft");

        InfluxTestServer.write(database(), List.of(
                Contract3Lines.backfilledHour(ReportFixture.SITE, "heater-1", ReportFixture.HEATER, "CO2", hour, 3_000, false)));
        JsonNode again = created(api.post("/api/v1/reports", "", "period", "2026-02"));
        assertThat(again.get("co2eKg").asDouble()).isCloseTo(3_000, within(1e-9));
        JsonNode approved = ok(api.as("reviewer").post("/api/v1/reports/" + again.get("id").asString() + "/approve", ""));
        assertThat(approved.get("status").asString()).isEqualTo("approved");
    }

    /** Review finding M9: the four-eyes rule, on by default. */
    @Test
    void whoGeneratedCannotApproveAndWhoApprovedCannotSubmit() {
        new ReportFixture(database()).hours(monthStart("2026-09"), 1, 2700, 300).write();
        String id = created(api.post("/api/v1/reports", "", "period", "2026-09")).get("id").asString();
        Response own = api.post("/api/v1/reports/" + id + "/approve", "");
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.isProblem()).isTrue();
        assertThat(own.json().get("title").asString()).isEqualTo("Four-eyes rule");
        assertThat(own.json().get("detail").asString()).contains("generated by compliance", "plumeline.reports.four-eyes");
        ok(api.as("reviewer").post("/api/v1/reports/" + id + "/approve", ""));
        Response alone = api.as("reviewer").post("/api/v1/reports/" + id + "/submit", "");
        assertThat(alone.status()).as(alone.toString()).isEqualTo(403);
        assertThat(alone.json().get("detail").asString()).contains("approved by reviewer");
        JsonNode submitted = ok(api.post("/api/v1/reports/" + id + "/submit", ""));
        assertThat(submitted.get("approvedBy").asString()).isEqualTo("reviewer");
        assertThat(submitted.get("submittedBy").asString()).isEqualTo("compliance");
    }

    /**
     * Review finding M8: whoever holds the database credentials rewrites who approved a report and recomputes the
     * hashes of that entry, every later one and the head, as the documented algorithm allows. Without the HMAC
     * key the entry's HMAC cannot be remade, so verify names it.
     */
    @Test
    void aRewrittenEntryIsFoundEvenWhenTheChainIsRecomputed() {
        String id = approvedReport("2026-10", 2800);
        JdbcClient sql = JdbcClient.create(dataSource);
        long seq = sql.sql("SELECT seq FROM audit_entry WHERE report_id = ? AND action = 'APPROVED'").param(id)
                .query(Long.class).single();
        List<Map<String, Object>> original = sql.sql("SELECT seq, actor, previous_hash, hash FROM audit_entry WHERE seq >= ?"
                + " ORDER BY seq").param(seq).query().listOfRows();
        Map<String, Object> head = sql.sql("SELECT seq, hash FROM audit_head WHERE id = 1").query().singleRow();
        try {
            sql.sql("UPDATE audit_entry SET actor = 'compliance' WHERE seq = ?").param(seq).update();
            sql.sql("UPDATE report SET approved_by = 'compliance' WHERE id = ?").param(id).update();
            String previous = sql.sql("SELECT previous_hash FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
            for (AuditEntry entry : sql.sql("SELECT seq, at, actor, action, report_id, detail, previous_hash, hash, mac"
                    + " FROM audit_entry WHERE seq >= ? ORDER BY seq").param(seq).query((rs, row) -> new AuditEntry(
                    rs.getLong("seq"), rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
                    AuditAction.valueOf(rs.getString("action")), rs.getString("report_id"), rs.getString("detail"),
                    rs.getString("previous_hash"), rs.getString("hash"), rs.getString("mac"))).list()) {
                String hash = AuditEntry.hash(previous, entry.seq(), entry.at(), entry.actor(), entry.action(),
                        entry.reportId(), entry.detail());
                sql.sql("UPDATE audit_entry SET previous_hash = ?, hash = ? WHERE seq = ?").params(previous, hash, entry.seq())
                        .update();
                sql.sql("UPDATE audit_head SET hash = ? WHERE id = 1 AND seq = ?").params(hash, entry.seq()).update();
                previous = hash;
            }
            JsonNode broken = ok(api.get("/api/v1/audit/verify"));
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").asLong()).isEqualTo(seq);
            assertThat(broken.get("reason").asString()).contains("HMAC");
        } finally {
            for (Map<String, Object> row : original) {
                sql.sql("UPDATE audit_entry SET actor = ?, previous_hash = ?, hash = ? WHERE seq = ?")
                        .params(row.get("actor"), row.get("previous_hash"), row.get("hash"), row.get("seq")).update();
            }
            sql.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(head.get("seq"), head.get("hash")).update();
            sql.sql("UPDATE report SET approved_by = 'reviewer' WHERE id = ?").param(id).update();
        }
        assertThat(ok(api.get("/api/v1/audit/verify")).get("valid").asBoolean()).isTrue();
    }

    /** Review finding M8: a report's content rewritten together with its content_sha256 no longer matches its entry. */
    @Test
    void aReportRewrittenWithItsHashIsFound() {
        new ReportFixture(database()).hours(monthStart("2026-11"), 1, 2900, 300).write();
        String id = created(api.post("/api/v1/reports", "", "period", "2026-11")).get("id").asString();
        JdbcClient sql = JdbcClient.create(dataSource);
        Map<String, Object> row = sql.sql("SELECT content, content_sha256 FROM report WHERE id = ?").param(id).query().singleRow();
        String forged = ((String) row.get("content")).replaceFirst("\"co2eKg\"\\s*:\\s*[0-9.]+", "\"co2eKg\" : 1.0");
        assertThat(forged).isNotEqualTo(row.get("content"));
        try {
            sql.sql("UPDATE report SET content = ?, content_sha256 = ? WHERE id = ?")
                    .params(forged, Sha256.hex(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8)), id).update();
            JsonNode verified = ok(api.get("/api/v1/audit/verify"));
            assertThat(verified.get("valid").asBoolean()).isFalse();
            assertThat(verified.get("brokenReports").valueStream().map(r -> r.get("reportId").asString() + ": "
                    + r.get("reason").asString())).containsExactly(id + ": its content_sha256 is not the one its GENERATED"
                    + " entry recorded");
            sql.sql("UPDATE report SET content_sha256 = ? WHERE id = ?").params(row.get("content_sha256"), id).update();
            assertThat(ok(api.get("/api/v1/audit/verify")).get("brokenReports").get(0).get("reason").asString())
                    .isEqualTo("its content does not have its content_sha256");
        } finally {
            sql.sql("UPDATE report SET content = ?, content_sha256 = ? WHERE id = ?")
                    .params(row.get("content"), row.get("content_sha256"), id).update();
        }
        assertThat(ok(api.get("/api/v1/audit/verify")).get("valid").asBoolean()).isTrue();
    }

    /** An anchor pins the head as it is; none is made while the chain has not grown; verify checks them. */
    @Test
    void anchorsPinTheHeadOfTheChain() {
        new ReportFixture(database()).hours(monthStart("2026-12"), 1, 3000, 300).write();
        created(api.post("/api/v1/reports", "", "period", "2026-12"));
        AuditAnchor anchor = anchors.anchorIfGrown().orElseThrow();
        assertThat(anchors.anchorIfGrown()).as("the chain has not grown").isEmpty();
        Map<String, Object> head = JdbcClient.create(dataSource).sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query().singleRow();
        JsonNode latest = ok(api.as("admin").get("/api/v1/audit/anchors", "limit", "1")).get("anchors").get(0);
        assertThat(latest.get("seq").asLong()).isEqualTo(anchor.seq());
        assertThat(latest.get("headSeq").asLong()).isEqualTo(((Number) head.get("seq")).longValue());
        assertThat(latest.get("headHash").asString()).isEqualTo(head.get("hash"));
        JsonNode verified = ok(api.get("/api/v1/audit/verify"));
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("anchors").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.as("regulator").get("/api/v1/audit/anchors").status()).isEqualTo(403);

        // the tail cut off from the anchored entry on, and the head set back to the entry before: the chain alone
        // is whole again (every HMAC holds), the anchor still names the entry that is gone
        JdbcClient sql = JdbcClient.create(dataSource);
        List<Map<String, Object>> tail = sql.sql("SELECT * FROM audit_entry WHERE seq >= ? ORDER BY seq")
                .param(anchor.headSeq()).query().listOfRows();
        String before = anchor.headSeq() == 1 ? AuditEntry.GENESIS : sql.sql("SELECT hash FROM audit_entry WHERE seq = ?")
                .param(anchor.headSeq() - 1).query(String.class).single();
        try {
            sql.sql("DELETE FROM audit_entry WHERE seq >= ?").param(anchor.headSeq()).update();
            sql.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(anchor.headSeq() - 1, before).update();
            JsonNode cut = ok(api.get("/api/v1/audit/verify"));
            assertThat(cut.get("valid").asBoolean()).isFalse();
            assertThat(cut.get("reason").asString()).as(cut.toString())
                    .contains("anchor " + anchor.seq(), "does not match the chain at entry " + anchor.headSeq());
        } finally {
            tail.forEach(row -> insert(sql, "audit_entry", row));
            sql.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(head.get("seq"), head.get("hash")).update();
        }
        assertThat(ok(api.get("/api/v1/audit/verify")).get("valid").asBoolean()).isTrue();
    }

    /**
     * Review finding M8: whoever holds the database credentials sets an approved report back to a draft (so that
     * a new generate would replace it without a trace), or deletes it; its keyed entries still say it was
     * generated and approved, so verify names it.
     */
    @Test
    void aReportSetBackToADraftOrDeletedIsFound() {
        String id = approvedReport("2025-01", 3100);
        JdbcClient sql = JdbcClient.create(dataSource);
        Map<String, Object> row = sql.sql("SELECT * FROM report WHERE id = ?").param(id).query().singleRow();
        try {
            sql.sql("UPDATE report SET status = 'draft', approved_at = NULL, approved_by = NULL WHERE id = ?").param(id)
                    .update();
            assertThat(brokenReports()).containsExactly(id + ": it is draft but its entries say approved");
            sql.sql("DELETE FROM report WHERE id = ?").param(id).update();
            assertThat(brokenReports()).containsExactly(id + ": its GENERATED entry is in the log but the report is gone");
        } finally {
            sql.sql("DELETE FROM report WHERE id = ?").param(id).update();
            insert(sql, "report", row);
        }
        assertThat(ok(api.get("/api/v1/audit/verify")).get("valid").asBoolean()).isTrue();
    }

    /** A report of one heater hour of {@code heaterKg} in {@code period}, generated by compliance, approved by reviewer. */
    private String approvedReport(String period, double heaterKg) {
        new ReportFixture(database()).hours(monthStart(period), 1, heaterKg, 300).write();
        String id = created(api.post("/api/v1/reports", "", "period", period)).get("id").asString();
        ok(api.as("reviewer").post("/api/v1/reports/" + id + "/approve", ""));
        return id;
    }

    private List<String> brokenReports() {
        JsonNode verified = ok(api.get("/api/v1/audit/verify"));
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isFalse();
        return verified.get("brokenReports").valueStream()
                .map(r -> r.get("reportId").asString() + ": " + r.get("reason").asString()).toList();
    }

    /** Puts a row read with SELECT * back as it was (the tests' undo of a tamper). */
    private static void insert(JdbcClient sql, String table, Map<String, Object> row) {
        sql.sql("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(row.size(), "?")) + ")").params(new ArrayList<>(row.values())).update();
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
