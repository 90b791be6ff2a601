package io.plumeline.flink.telemetry;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingFormatException;
import io.plumeline.core.telemetry.ReadingJson;
import java.io.Serializable;

/**
 * A message as it came from Kafka, read once at the source: the bytes and where they were, so a dead letter can
 * point back to them, the record's Kafka timestamp (when the producer sent it: the latest a reading can have been
 * taken, {@link #NO_TIMESTAMP} when unknown), and either the reading they hold or why they were refused (then
 * {@code reading} is null). The source stamps event time from the reading ({@link ReadingWatermarks}) and
 * {@link AdmitReading} sends whatever is not this site's to account to the dead letters.
 */
public record RawMessage(String topic, int partition, long offset, long kafkaTimestamp, byte[] payload, Reading reading,
                         String refusal) implements Serializable {

    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** Reads the payload; never throws, whatever the bytes are. */
    public static RawMessage of(String topic, int partition, long offset, long kafkaTimestamp, byte[] payload) {
        if (payload == null || payload.length == 0) {
            return new RawMessage(topic, partition, offset, kafkaTimestamp, payload, null, "empty message");
        }
        try {
            return new RawMessage(topic, partition, offset, kafkaTimestamp, payload, ReadingJson.parse(payload), null);
        } catch (ReadingFormatException e) {
            return new RawMessage(topic, partition, offset, kafkaTimestamp, payload, null, e.getMessage());
        } catch (RuntimeException e) {
            return new RawMessage(topic, partition, offset, kafkaTimestamp, payload, null, "unreadable: " + e);
        }
    }

    /** A message of another topic than the readings' (a gap record): its bytes, not read here. */
    public static RawMessage unread(String topic, int partition, long offset, byte[] payload) {
        return new RawMessage(topic, partition, offset, NO_TIMESTAMP, payload, null, null);
    }

    /** A message whose Kafka timestamp is not known (tests, replays from files). */
    public static RawMessage of(String topic, int partition, long offset, byte[] payload) {
        return of(topic, partition, offset, NO_TIMESTAMP, payload);
    }
}
