package io.plumeline.flink.influx;

import static io.plumeline.flink.influx.InfluxDbHttp.Outcome.DATABASE_MISSING;
import static io.plumeline.flink.influx.InfluxDbHttp.Outcome.REFUSED;
import static io.plumeline.flink.influx.InfluxDbHttp.Outcome.RETRY;
import static io.plumeline.flink.influx.InfluxDbHttp.Outcome.WRITTEN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfluxDbHttpTest {

    @Test
    void onlyPointsInfluxDbRefusesAsUnwritableAreGivenUp() {
        assertThat(InfluxDbHttp.classify(204, "")).isEqualTo(WRITTEN);
        assertThat(InfluxDbHttp.classify(404, "{\"error\":\"database not found: \\\"x\\\"\"}")).isEqualTo(DATABASE_MISSING);
        assertThat(InfluxDbHttp.classify(400, "{\"error\":\"partial write: field type conflict\"}")).isEqualTo(REFUSED);
        assertThat(InfluxDbHttp.classify(400, "{\"error\":\"unable to parse 'x y': invalid field format\"}")).isEqualTo(REFUSED);
        // credentials, a path a proxy does not know, any other 4xx: an operator can fix it, so the batch waits
        assertThat(InfluxDbHttp.classify(401, "{\"error\":\"authorization failed\"}")).isEqualTo(RETRY);
        assertThat(InfluxDbHttp.classify(403, "")).isEqualTo(RETRY);
        assertThat(InfluxDbHttp.classify(404, "404 page not found")).isEqualTo(RETRY);
        assertThat(InfluxDbHttp.classify(400, "<html>Bad Request</html>")).isEqualTo(RETRY);
        assertThat(InfluxDbHttp.classify(408, "")).isEqualTo(RETRY);
        assertThat(InfluxDbHttp.classify(429, "")).isEqualTo(RETRY);
        assertThat(InfluxDbHttp.classify(500, "{\"error\":\"timeout\"}")).isEqualTo(RETRY);
        assertThat(InfluxDbHttp.classify(503, "")).isEqualTo(RETRY);
    }
}
