package io.plumeline.edge;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends readings to Kafka keyed by tag id, so that one tag's readings stay in order on one partition.
 * Idempotent with acks=all: a retried batch is not duplicated and an acknowledged reading survives the loss
 * of a broker. Every reading ends up either acknowledged or counted (and logged) as failed.
 */
final class TelemetryPublisher {

    private static final Logger log = LoggerFactory.getLogger(TelemetryPublisher.class);

    /** Failures beyond this many are logged once per {@link #FAILURE_LOG_EVERY}; all are counted. */
    private static final long FAILURES_LOGGED_EACH = 20;
    private static final long FAILURE_LOG_EVERY = 1_000;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    TelemetryPublisher(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(config(bootstrapServers), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    static Properties config(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "plumeline-edge-collector");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        return props;
    }

    void publish(Reading reading) {
        submitted.incrementAndGet();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, reading.tag(), ReadingJson.toBytes(reading));
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.incrementAndGet();
                } else {
                    failed(reading, error);
                }
            });
        } catch (RuntimeException e) {
            // send() throws instead of calling back when it cannot even queue the record (metadata timeout,
            // producer closed, record too large).
            failed(reading, e);
        }
    }

    private void failed(Reading reading, Exception error) {
        long n = failed.incrementAndGet();
        if (n <= FAILURES_LOGGED_EACH || n % FAILURE_LOG_EVERY == 0) {
            log.warn("reading of tag {} at {} not sent to {} ({} send failures so far): {}",
                    reading.tag(), reading.ts(), topic, n, error.toString());
        }
    }

    long submitted() {
        return submitted.get();
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    /**
     * Sends what is queued, waiting at most {@code timeout}; readings still unacknowledged then fail (and are
     * counted), so that a stop does not hang on an unreachable broker.
     */
    void close(Duration timeout) {
        producer.close(timeout);
    }

}
