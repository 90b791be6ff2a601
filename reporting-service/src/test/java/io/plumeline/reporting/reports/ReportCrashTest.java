package io.plumeline.reporting.reports;

import static io.plumeline.reporting.reports.ReportFixture.monthStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.reporting.ReportingApplication;
import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.ApiClient.Response;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.Ports;
import io.plumeline.stack.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A crash during approval, the review's untested fault class (section 6): the service runs as a process of its own
 * on PostgreSQL and is killed with SIGKILL while a second compliance officer's approvals are in flight, then started
 * again on the same database. An approval the service answered is never lost; one it did not answer either happened
 * whole or not at all: a report is approved exactly when the audit log has its APPROVED entry, and verify holds.
 */
class ReportCrashTest {

    static final String DATABASE = "reports_crash";
    /** Reports enough that approvals are still queued when the first answer comes and the service is killed. */
    static final List<String> PERIODS = periods(YearMonth.of(2024, 1), 36);
    static final int CONCURRENT_APPROVALS = 6;
    static final Path LOGS = Path.of("target", "report-crash");
    static final Pattern STARTED = Pattern.compile("Started ReportingApplication");

    @Test
    void aServiceKilledDuringApprovalsLosesNoAnsweredOneAndLeavesNoneHalfDone() throws Exception {
        for (String period : PERIODS) {
            new ReportFixture(DATABASE).hours(monthStart(period), 1, 2400, 500).write();
        }
        try (PostgresServer postgres = PostgresServer.startTemporary()) {
            int port = Ports.free();
            ChildProcess service = start(postgres, port, "first");
            List<String> ids = new ArrayList<>();
            Map<String, Integer> answers = new HashMap<>();
            try {
                ApiClient api = new ApiClient(port);
                for (String period : PERIODS) {
                    Response created = api.post("/api/v1/reports", "", "period", period);
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    ids.add(created.json().get("id").asString());
                }
                answers.putAll(approveAndKill(api.as("reviewer"), ids, service));
            } finally {
                service.stop(Duration.ZERO);
            }
            long answered = answers.values().stream().filter(status -> status == 200).count();
            assertThat(answered).as("approvals answered before the kill").isPositive();
            assertThat(answered).as("the kill came after every approval was answered, so nothing was in flight")
                    .isLessThan(ids.size());

            service = start(postgres, port, "after-kill");
            try {
                ApiClient api = new ApiClient(port);
                Map<String, Long> approvedEntries = new HashMap<>();
                for (JsonNode entry : api.get("/api/v1/audit").json().get("entries")) {
                    if (entry.get("action").asString().equals("APPROVED")) {
                        approvedEntries.merge(entry.get("reportId").asString(), 1L, Long::sum);
                    }
                }
                List<String> drafts = new ArrayList<>();
                for (String id : ids) {
                    JsonNode report = api.get("/api/v1/reports/" + id).json();
                    String status = report.get("status").asString();
                    if (answers.get(id) == 200) {
                        assertThat(status).as(id + " was answered 200").isEqualTo("approved");
                    }
                    if (status.equals("approved")) {
                        assertThat(report.get("approvedBy").asString()).isEqualTo("reviewer");
                        assertThat(approvedEntries.get(id)).as("APPROVED entries of approved " + id).isEqualTo(1L);
                    } else {
                        assertThat(status).as(id).isEqualTo("draft");
                        assertThat(approvedEntries).as("an APPROVED entry of draft " + id).doesNotContainKey(id);
                        drafts.add(id);
                    }
                }
                JsonNode verified = api.get("/api/v1/audit/verify").json();
                assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();

                // nothing was left locked or half-written: the approvals the kill cut off go through now
                for (String id : drafts) {
                    Response approved = api.as("reviewer").post("/api/v1/reports/" + id + "/approve", "");
                    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
                }
                assertThat(api.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
            } finally {
                service.stop(Duration.ofSeconds(30));
            }
        }
    }

    /**
     * Sends every approval, {@link #CONCURRENT_APPROVALS} at a time, and SIGKILLs the service as soon as the first is
     * answered; returns each report's answer (-1: the connection broke, no answer).
     */
    private static Map<String, Integer> approveAndKill(ApiClient reviewer, List<String> ids, ChildProcess service)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_APPROVALS);
        CountDownLatch firstAnswer = new CountDownLatch(1);
        Map<String, Future<Integer>> pending = new HashMap<>();
        try {
            for (String id : ids) {
                pending.put(id, pool.submit(() -> {
                    int status;
                    try {
                        status = reviewer.post("/api/v1/reports/" + id + "/approve", "").status();
                    } catch (UncheckedIOException killed) {
                        status = -1;
                    }
                    if (status == 200) {
                        firstAnswer.countDown();
                    }
                    return status;
                }));
            }
            assertThat(firstAnswer.await(120, TimeUnit.SECONDS)).as("an approval was answered").isTrue();
            ProcessHandle.of(service.pid()).ifPresent(java -> {
                java.descendants().forEach(ProcessHandle::destroyForcibly);
                java.destroyForcibly();
            });
            Map<String, Integer> answers = new HashMap<>();
            for (Map.Entry<String, Future<Integer>> approval : pending.entrySet()) {
                answers.put(approval.getKey(), approval.getValue().get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The service as a java process of its own, on the test classpath (its test users and audit key file), with
     * reports and the audit log in {@code postgres}; fails naming its log when it does not come up.
     */
    private static ChildProcess start(PostgresServer postgres, int port, String run) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), ReportingApplication.class.getName(),
                "--server.port=" + port, "--server.address=" + Ports.LOOPBACK,
                "--plumeline.sites=" + SiteFiles.path("dalian.yaml").toAbsolutePath(),
                "--plumeline.influx.url=" + InfluxTestServer.shared().url(), "--plumeline.influx.database=" + DATABASE,
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=");
        Path log = LOGS.resolve(run + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess service = ChildProcess.start("reporting service (" + run + ")", command, Path.of("."), log);
        service.awaitLogLine(STARTED, Duration.ofSeconds(120));
        return service;
    }

    private static List<String> periods(YearMonth first, int count) {
        List<String> periods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            periods.add(first.plusMonths(i).toString());
        }
        return periods;
    }
}
