package io.plumeline.flink;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingFormatException;
import io.plumeline.core.telemetry.ReadingJson;
import java.io.Serializable;

/**
 * A message as it came from Kafka, read once at the source: the bytes and where they were, so a dead letter can
 * point back to them, and either the reading they hold or why they were refused (then {@code reading} is null).
 * The source stamps event time from the reading and {@link ParseReading} sends a refusal to the dead letters.
 */
public record RawMessage(String topic, int partition, long offset, byte[] payload, Reading reading, String refusal)
        implements Serializable {

    /** Reads the payload; never throws, whatever the bytes are. */
    public static RawMessage of(String topic, int partition, long offset, byte[] payload) {
        if (payload == null || payload.length == 0) {
            return new RawMessage(topic, partition, offset, payload, null, "empty message");
        }
        try {
            return new RawMessage(topic, partition, offset, payload, ReadingJson.parse(payload), null);
        } catch (ReadingFormatException e) {
            return new RawMessage(topic, partition, offset, payload, null, e.getMessage());
        } catch (RuntimeException e) {
            return new RawMessage(topic, partition, offset, payload, null, "unreadable: " + e);
        }
    }
}
