package io.plumeline.flink;

import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.message;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The message is read once, at the source: its event time is the reading's, and a refusal never throws there. */
class EventTimeOfMessageTest {

    private final EventTimeOfMessage eventTime = new EventTimeOfMessage();

    @Test
    void aReadableMessageIsStampedWithItsReadingsTs() {
        Instant ts = Instant.parse("2026-11-26T04:00:00.500Z");

        assertThat(eventTime.extractTimestamp(message(reading(FLOW, ts, 1.0, GOOD), 1), 99L)).isEqualTo(ts.toEpochMilli());
    }

    @Test
    void aRefusedMessageDoesNotMoveTheWatermark() {
        RawMessage broken = RawMessage.of("plumeline.telemetry", 0, 1, "{\"v\":1,".getBytes(StandardCharsets.UTF_8));
        RawMessage noTs = RawMessage.of("plumeline.telemetry", 0, 2,
                ("{\"v\":1,\"site\":\"s\",\"tag\":\"t\",\"value\":1.0,\"quality\":\"GOOD\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(broken.reading()).isNull();
        assertThat(broken.refusal()).startsWith("not JSON");
        assertThat(noTs.refusal()).isEqualTo("ts: missing");
        assertThat(eventTime.extractTimestamp(broken, 99L)).isEqualTo(Long.MIN_VALUE);
        assertThat(eventTime.extractTimestamp(noTs, 99L)).isEqualTo(Long.MIN_VALUE);
    }
}
