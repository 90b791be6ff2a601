package io.plumeline.flink.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A dead letter as the JSON object {reason, payload, topic, partition, offset} on the DLQ topic. */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    public static byte[] toJson(DeadLetter letter) {
        try {
            return JSON.writeValueAsBytes(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write dead letter " + letter, e);
        }
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, timestamp, null, toJson(letter));
    }
}
