package io.plumeline.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the collector wrote to a topic (all its partitions), from the beginning. */
final class TelemetryTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    TelemetryTopic(String bootstrap, String topic) {
        this(bootstrap, topic, new Properties());
    }

    /** {@code client}: further client settings, such as a secured broker's (TLS, SASL). */
    TelemetryTopic(String bootstrap, String topic, Properties client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** All records so far once there are at least {@code count}; fails with what did arrive otherwise. */
    List<ConsumerRecord<String, byte[]>> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        if (received.size() < count) {
            throw new AssertionError("expected " + count + " records on " + topic + " within " + timeout + ", got "
                    + received.size() + ": " + received.stream().limit(20).map(r -> r.key() + "=" + new String(r.value())).toList());
        }
        return List.copyOf(received);
    }

    /** Records that arrive within {@code quiet} after the ones already read: shows that nothing more comes. */
    List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
