package io.plumeline.flink;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Stamps a Kafka message with its reading's {@code ts} at the source, so that each partition keeps a watermark
 * of its own: a backlog read one partition ahead of another (a replay after an outage) does not make the other
 * partitions' readings late. A refused message does not move the watermark; it becomes a dead letter.
 */
final class EventTimeOfMessage implements SerializableTimestampAssigner<RawMessage> {

    @Override
    public long extractTimestamp(RawMessage message, long kafkaTimestamp) {
        return message.reading() == null ? Long.MIN_VALUE : message.reading().ts().toEpochMilli();
    }
}
