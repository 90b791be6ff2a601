package io.plumeline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SecuredKafkaBrokerTest {

    @Test
    void usersLogInOverSaslSslAndDoOnlyWhatTheirAclsAllowWithNoPasswordOnACommandLine() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.startTemporarySecured("writer", "reader")) {
            kafka.createTopic("t", 1);
            kafka.allowProducer("writer", "t");
            kafka.allowConsumer("reader", "g", "t");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings(kafka, "writer"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "v")).get();
            }
            try (KafkaConsumer<String, String> reader = consumer(kafka, "reader", "g")) {
                reader.subscribe(List.of("t"));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int read = 0;
                while (read == 0 && System.nanoTime() < deadline) read += reader.poll(Duration.ofMillis(500)).count();
                assertThat(read).isEqualTo(1);
            }
            // without a group, so that it is the topic's ACL that refuses
            try (KafkaConsumer<String, String> writer = consumer(kafka, "writer", null)) {
                writer.assign(List.of(new TopicPartition("t", 0)));
                writer.seekToBeginning(writer.assignment());
                assertThatThrownBy(() -> writer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
            }

            Properties wrong = settings(kafka, "reader");
            wrong.put("sasl.jaas.config", wrong.getProperty("sasl.jaas.config").replaceAll("password=\"[^\"]*\"", "password=\"x\""));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(wrong, new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> producer.partitionsFor("t")).isInstanceOf(SaslAuthenticationException.class);
            }

            String password = settings(kafka, "writer").getProperty("sasl.jaas.config").replaceAll(".*password=\"([^\"]*)\".*", "$1");
            String commandLine = Files.readString(Path.of("/proc/" + kafka.pid() + "/cmdline"));
            assertThat(commandLine).contains("kafka.Kafka").doesNotContain(password).doesNotContain("password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kafka.clientConfig("writer"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kafka.dataDir().resolve("server.properties"))))
                    .isEqualTo("rw-------");
        }
    }

    private static Properties settings(KafkaBroker kafka, String user) throws Exception {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(kafka.clientConfig(user))) {
            settings.load(reader);
        }
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return settings;
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker kafka, String user, String group) throws Exception {
        Properties settings = settings(kafka, user);
        settings.remove(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        if (group != null) settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }
}
