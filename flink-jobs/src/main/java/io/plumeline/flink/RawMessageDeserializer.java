package io.plumeline.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads each message once, here, so that the source stamps event time from the reading; a message that cannot be
 * read is not thrown on but carried with its refusal to {@link AdmitReading}, which sends it to the DLQ.
 */
public class RawMessageDeserializer implements KafkaRecordDeserializationSchema<RawMessage> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawMessage> out) {
        out.collect(RawMessage.of(record.topic(), record.partition(), record.offset(),
                record.timestamp() < 0 ? RawMessage.NO_TIMESTAMP : record.timestamp(), record.value()));
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }
}
