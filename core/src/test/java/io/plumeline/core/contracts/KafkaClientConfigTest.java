package io.plumeline.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {

    private static final Set<String> KNOWN = Set.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.location", "bootstrap.servers");
    private static final Set<String> RESERVED = Set.of("bootstrap.servers");

    @Test
    void theFileSettingsGoUnderTheProcessOwnAndNoValueIsEverInAMessage(@TempDir Path dir) throws Exception {
        Path truststore = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----");
        Path file = Files.writeString(dir.resolve("kafka.properties"), String.join("\n",
                "security.protocol = SASL_SSL", "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"c\" password=\"s3cret\";",
                "ssl.truststore.location=" + truststore));
        KafkaClientConfig config = KafkaClientConfig.read(file, KNOWN, RESERVED);
        assertThat(config.with(Map.of("bootstrap.servers", "b:9093")))
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("bootstrap.servers", "b:9093").hasSize(5);

        Files.writeString(dir.resolve("typo.properties"), "sasl.jaas.config=password=\"s3cret\"\nsecurity.protocl=SASL_SSL\n");
        assertThatThrownBy(() -> KafkaClientConfig.read(dir.resolve("typo.properties"), KNOWN, RESERVED))
                .hasMessage("--kafka-config " + dir.resolve("typo.properties") + ": unknown Kafka client setting security.protocl")
                .message().doesNotContain("s3cret");
    }

    @Test
    void aMissingFileAKeyTheProcessSetsOrAMissingTruststoreIsRefusedNamingTheOption(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.properties");
        assertThatThrownBy(() -> KafkaClientConfig.read(missing, KNOWN, RESERVED))
                .hasMessage("--kafka-config " + missing + ": no such file");
        assertThatThrownBy(() -> KafkaClientConfig.read(dir, KNOWN, RESERVED))
                .hasMessageStartingWith("--kafka-config " + dir + ": cannot read it");

        Path own = Files.writeString(dir.resolve("own.properties"), "bootstrap.servers=elsewhere:9092\n");
        assertThatThrownBy(() -> KafkaClientConfig.read(own, KNOWN, RESERVED))
                .hasMessage("--kafka-config " + own + ": bootstrap.servers is set by the process itself; remove it");

        Path store = Files.writeString(dir.resolve("store.properties"), "ssl.truststore.location=" + dir.resolve("ca.p12"));
        assertThatThrownBy(() -> KafkaClientConfig.read(store, KNOWN, RESERVED)).hasMessage("--kafka-config " + store
                + ": ssl.truststore.location " + dir.resolve("ca.p12") + ": no such file or not readable");

        assertThat(KafkaClientConfig.read(null, KNOWN, RESERVED).properties()).isEmpty();
    }
}
