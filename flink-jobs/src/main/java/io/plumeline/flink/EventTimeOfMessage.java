package io.plumeline.flink;

import io.plumeline.core.telemetry.ReadingJson;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Stamps a Kafka message with its reading's {@code ts} at the source, so that each partition keeps a watermark
 * of its own: a backlog read one partition ahead of another (a replay after an outage) does not make the other
 * partitions' readings late. A message without a readable {@code ts} does not move the watermark; it becomes a
 * dead letter when it is parsed.
 */
final class EventTimeOfMessage implements SerializableTimestampAssigner<RawMessage> {

    @Override
    public long extractTimestamp(RawMessage message, long kafkaTimestamp) {
        return ReadingJson.eventTime(message.payload()).map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
    }
}
