package io.plumeline.flink.telemetry;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads each reading once, here, so that the source stamps event time from the reading; a message that cannot be
 * read is not thrown on but carried with its refusal to {@link AdmitReading}, which sends it to the DLQ. The
 * messages of the gaps topic are passed on unread ({@link #gapRecords}), for {@link ReadGapReport}.
 */
public class RawMessageDeserializer implements KafkaRecordDeserializationSchema<RawMessage> {

    private final boolean readings;

    public RawMessageDeserializer() {
        this(true);
    }

    private RawMessageDeserializer(boolean readings) {
        this.readings = readings;
    }

    public static RawMessageDeserializer gapRecords() {
        return new RawMessageDeserializer(false);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawMessage> out) {
        out.collect(readings
                ? RawMessage.of(record.topic(), record.partition(), record.offset(),
                        record.timestamp() < 0 ? RawMessage.NO_TIMESTAMP : record.timestamp(), record.value())
                : RawMessage.unread(record.topic(), record.partition(), record.offset(), record.value()));
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }
}
