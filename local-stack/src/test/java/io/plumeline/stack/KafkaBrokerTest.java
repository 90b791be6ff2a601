package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void startsCreatesATopicCarriesMessagesAndRemovesItsDataWhenClosed() throws Exception {
        Path dataDir;
        try (KafkaBroker kafka = KafkaBroker.startTemporary()) {
            dataDir = kafka.dataDir();
            kafka.createTopic("plumeline.telemetry", 4);
            kafka.createTopic("plumeline.telemetry", 4);
            assertThat(kafka.topics()).contains("plumeline.telemetry");

            List<String> sent = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 20; i++) {
                    String value = "{\"tag\":\"t" + i + "\",\"seq\":" + i + "}";
                    producer.send(new ProducerRecord<>("plumeline.telemetry", "t" + i, value)).get();
                    sent.add(value);
                }
            }
            assertThat(kafka.messageCount("plumeline.telemetry")).isEqualTo(20);
            assertThat(kafka.messageCount("no.such.topic")).isZero();

            List<String> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("plumeline.telemetry"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.size() < sent.size() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        received.add(record.value());
                    }
                }
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        }
        assertThat(Files.exists(dataDir)).isFalse();
    }
}
