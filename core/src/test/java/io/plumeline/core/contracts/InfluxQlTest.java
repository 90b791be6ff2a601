package io.plumeline.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InfluxQlTest {

    @Test
    void aValueCannotEndItsLiteral() {
        assertThat(InfluxQl.string("a' OR 1=1 --\\")).isEqualTo("'a\\' OR 1=1 --\\\\'");
        assertThat(InfluxQl.identifier("x\" FROM y")).isEqualTo("\"x\\\" FROM y\"");
    }

    @Test
    void measurementsAreQualifiedByTheirRetentionPolicy() {
        assertThat(InfluxQl.qualified(Measurement.TELEMETRY)).isEqualTo("\"raw\".\"telemetry\"");
        assertThat(InfluxQl.qualified(Measurement.EMISSIONS)).isEqualTo("\"forever\".\"emissions\"");
        assertThat(InfluxQl.identifiers(Keys.VALUE, Keys.QUALITY)).isEqualTo("\"value\", \"quality\"");
        assertThat(InfluxQl.is(Keys.SITE, "o'hare")).isEqualTo("\"site\" = 'o\\'hare'");
    }

    @Test
    void timestampsBeforeTheEpochStayExact() {
        assertThat(InfluxQl.nanos(Instant.parse("1969-12-31T23:59:59.999999999Z"))).isEqualTo(-1);
        assertThat(InfluxQl.nanos(Instant.parse("2026-11-26T04:00:00.500000001Z"))).isEqualTo(1_795_665_600_500_000_001L);
    }
}
