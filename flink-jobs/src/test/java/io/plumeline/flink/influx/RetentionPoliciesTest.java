package io.plumeline.flink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.stack.InfluxDbServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The retention policies against a real influxd: created when missing, corrected when they differ, written to. */
class RetentionPoliciesTest {

    private static InfluxDbServer influx;

    @BeforeAll
    static void start() {
        influx = InfluxDbServer.startTemporary();
    }

    @AfterAll
    static void stop() {
        if (influx != null) influx.close();
    }

    private record Policy(Duration duration, Duration shard, boolean isDefault) {
    }

    private static Map<String, Policy> policies(String database) {
        Map<String, Policy> policies = new HashMap<>();
        JsonNode series = influx.query(null, "SHOW RETENTION POLICIES ON \"" + database + "\"")
                .path("results").path(0).path("series").path(0);
        for (JsonNode row : series.path("values")) {
            policies.put(row.get(0).asText(), new Policy(RetentionPolicies.goDuration(row.get(1).asText()),
                    RetentionPolicies.goDuration(row.get(2).asText()), row.get(4).asBoolean()));
        }
        return policies;
    }

    private static void ensure(String database, RetentionPolicies policies) throws Exception {
        InfluxDbHttp http = new InfluxDbHttp(URI.create(influx.url()), database, Duration.ofSeconds(10));
        assertThat(http.createDatabase().outcome()).isEqualTo(InfluxDbHttp.Outcome.WRITTEN);
        for (String statement : policies.statements(database, InfluxDbHttp.json(http.showRetentionPolicies()))) {
            assertThat(http.query(statement).outcome()).as(statement).isEqualTo(InfluxDbHttp.Outcome.WRITTEN);
        }
    }

    @Test
    void aNewDatabaseGetsRawForTheConfiguredPeriodAndForeverAsTheDefault() throws Exception {
        ensure("fresh", RetentionPolicies.defaults());

        assertThat(policies("fresh")).containsEntry("raw", new Policy(Duration.ofDays(90), Duration.ofDays(1), false))
                .containsEntry("forever", new Policy(Duration.ZERO, Duration.ofDays(364), true));
    }

    @Test
    void theTelemetryOfReportableSourcesIsKeptForTheRecordInWeeklyShards() throws Exception {
        ensure("kept", new RetentionPolicies(Duration.ofDays(90), Duration.ofDays(3_653)));
        assertThat(policies("kept")).containsEntry("record", new Policy(Duration.ofDays(3_653), Duration.ofDays(7), false));

        ensure("kept", new RetentionPolicies(Duration.ofDays(90), Duration.ofDays(1_827)));
        assertThat(policies("kept").get("record").duration()).isEqualTo(Duration.ofDays(1_827));
        assertThatThrownBy(() -> new RetentionPolicies(Duration.ofDays(90), Duration.ofDays(30)))
                .hasMessageContaining("record retention must be at least the telemetry retention");
    }

    @Test
    void aChangedTelemetryRetentionIsAppliedAndNothingElseChanges() throws Exception {
        ensure("changed", RetentionPolicies.defaults());
        HashMap<String, Policy> before = new HashMap<>(policies("changed"));

        ensure("changed", new RetentionPolicies(Duration.ofDays(180)));

        Map<String, Policy> after = policies("changed");
        assertThat(after.get("raw")).isEqualTo(new Policy(Duration.ofDays(180), Duration.ofDays(1), false));
        assertThat(after.get("forever")).isEqualTo(before.get("forever"));
        InfluxDbHttp http = new InfluxDbHttp(URI.create(influx.url()), "changed", Duration.ofSeconds(10));
        assertThat(new RetentionPolicies(Duration.ofDays(180)).statements("changed",
                InfluxDbHttp.json(http.showRetentionPolicies()))).as("nothing left to do").isEmpty();
    }

    @Test
    void aForeverThatIsNotTheDefaultIsMadeTheDefault() throws Exception {
        influx.query(null, "CREATE DATABASE \"moved\"");
        influx.query(null, "CREATE RETENTION POLICY \"forever\" ON \"moved\" DURATION 52w REPLICATION 1");

        ensure("moved", RetentionPolicies.defaults());

        assertThat(policies("moved").get("forever").isDefault()).isTrue();
        assertThat(policies("moved").get("forever").duration()).isZero();
        assertThat(policies("moved").get("autogen").isDefault()).isFalse();
    }

    @Test
    void eachPointLandsInItsPolicy() throws Exception {
        InfluxDbHttp http = new InfluxDbHttp(URI.create(influx.url()), "routed", Duration.ofSeconds(10));
        ensure("routed", RetentionPolicies.defaults());
        assertThat(write(http, "raw", "telemetry,tag=a value=1 1795665600000000000").outcome())
                .isEqualTo(InfluxDbHttp.Outcome.WRITTEN);
        assertThat(write(http, "forever", "emissions,source=s mass_kg=2 1795665600000000000").outcome())
                .isEqualTo(InfluxDbHttp.Outcome.WRITTEN);

        assertThat(influx.count("routed", "telemetry", "value")).as("unqualified reads the default: forever").isZero();
        assertThat(influx.query("routed", "SELECT count(\"value\") FROM \"raw\".\"telemetry\"").toString()).contains("[[\"1970-01-01T00:00:00Z\",1]]");
        assertThat(influx.count("routed", "emissions", "mass_kg")).isEqualTo(1);
    }

    @Test
    void aWriteToAPolicyThatWasDroppedAsksForTheDatabaseToBeSetUpAgain() throws Exception {
        InfluxDbHttp http = new InfluxDbHttp(URI.create(influx.url()), "dropped", Duration.ofSeconds(10));
        ensure("dropped", RetentionPolicies.defaults());
        influx.query(null, "DROP RETENTION POLICY \"raw\" ON \"dropped\"");

        assertThat(write(http, "raw", "telemetry,tag=a value=1 1795665600000000000").outcome())
                .isEqualTo(InfluxDbHttp.Outcome.DATABASE_MISSING);
    }

    @Test
    void aRetentionShorterThanADayIsRefused() {
        assertThatThrownBy(() -> new RetentionPolicies(Duration.ofHours(23)))
                .hasMessageContaining("at least one day").hasMessageContaining("PT23H");
    }

    @Test
    void goDurationsAsInfluxDbShowsThem() {
        assertThat(RetentionPolicies.goDuration("2160h0m0s")).isEqualTo(Duration.ofDays(90));
        assertThat(RetentionPolicies.goDuration("0s")).isZero();
        assertThat(RetentionPolicies.goDuration("1h30m0s")).isEqualTo(Duration.ofMinutes(90));
        assertThat(RetentionPolicies.influxQl(Duration.ofDays(90))).isEqualTo("2160h");
    }

    private static InfluxDbHttp.Response write(InfluxDbHttp http, String rp, String line) throws InterruptedException {
        byte[] body = (line + "\n").getBytes(StandardCharsets.UTF_8);
        return http.write(rp, body, 0, body.length);
    }
}
