package io.plumeline.flink.telemetry;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/** A message that is not a usable reading, with why and where it came from (value of the DLQ topic). */
public record DeadLetter(String reason, String payload, String topic, int partition, long offset)
        implements Serializable {

    public static DeadLetter of(String reason, RawMessage message) {
        String text = message.payload() == null ? null : new String(message.payload(), StandardCharsets.UTF_8);
        return new DeadLetter(reason, text, message.topic(), message.partition(), message.offset());
    }
}
