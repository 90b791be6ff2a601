package io.plumeline.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the raw bytes: parsing happens in {@link ParseReading}, where a failure can go to the DLQ. */
public class RawMessageDeserializer implements KafkaRecordDeserializationSchema<RawMessage> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawMessage> out) {
        out.collect(new RawMessage(record.topic(), record.partition(), record.offset(), record.value()));
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }
}
