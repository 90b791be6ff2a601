package io.plumeline.flink;

import java.io.Serializable;

/** A message as it came from Kafka: the bytes and where they were, so a dead letter can point back to them. */
public record RawMessage(String topic, int partition, long offset, byte[] payload) implements Serializable {
}
