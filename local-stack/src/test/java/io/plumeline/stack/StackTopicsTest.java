package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local stack creates every topic written to: a gap record to a missing topic would hold up telemetry. */
class StackTopicsTest {

    @Test
    void createsTelemetryItsDeadLettersAndTheGapRecords() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.startTemporary()) {
            StackRun.createTopics(kafka);
            // a new topic reaches the broker's metadata a moment after its creation returned
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (kafka.topics().size() < 3 && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(kafka.topics()).contains("plumeline.telemetry", "plumeline.telemetry.dlq", "plumeline.gaps");
        }
    }
}
