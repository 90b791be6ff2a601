package io.plumeline.reporting.influx;

import io.plumeline.core.contracts.InfluxQl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.stack.InfluxDbServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The literals as a real influxd reads them: a quote inside a value stays inside the literal. */
class InfluxQlTest {

    static final String DATABASE = "influxql_literals";
    static InfluxDbServer influx;

    @BeforeAll
    static void writePoints() {
        influx = InfluxTestServer.shared();
        InfluxTestServer.write(DATABASE, List.of("m,name=it's v=1.0 1000000000", "m,name=plain v=2.0 2000000000"));
    }

    @Test
    void aQuoteInAStringLiteralIsMatchedNotExecuted() {
        assertThat(values("\"name\" = " + InfluxQl.string("it's"))).isEqualTo("[[\"1970-01-01T00:00:01Z\",1]]");
        assertThat(values("\"name\" = " + InfluxQl.string("x' OR '1'='1"))).isEmpty();
        assertThat(values("\"name\" = " + InfluxQl.string("plain' OR \"name\" = 'it's"))).isEmpty();
    }

    @Test
    void aKeyIsQuotedAsAnIdentifierAndItsValueAsAString() {
        assertThat(InfluxQl.identifiers("v", "name")).isEqualTo("\"v\", \"name\"");
        assertThat(values(InfluxQl.is("name", "it's"))).isEqualTo("[[\"1970-01-01T00:00:01Z\",1]]");
        assertThat(values(InfluxQl.is("name", "x' OR '1'='1"))).isEmpty();
    }

    @Test
    void timeLiteralsAreRfc3339Instants() {
        String where = "time >= " + InfluxQl.time(Instant.ofEpochSecond(2)) + " AND time < " + InfluxQl.time(Instant.ofEpochSecond(3));
        assertThat(values(where)).isEqualTo("[[\"1970-01-01T00:00:02Z\",2]]");
    }

    private static String values(String where) {
        JsonNode values = influx.query(DATABASE, "SELECT \"v\" FROM " + InfluxQl.identifier("m") + " WHERE " + where)
                .at("/results/0/series/0/values");
        return values.isMissingNode() ? "" : values.toString();
    }
}
