package io.plumeline.edge;

import io.plumeline.core.contracts.KafkaClientConfig;
import io.plumeline.core.contracts.Topics;
import java.nio.file.Path;
import java.util.List;

/**
 * What one collector process is told on its command line.
 *
 * @param serverIds the servers to collect from; empty means every server of the site model
 * @param kafkaConfig the {@code --kafka-config} file's client settings (TLS, SASL)
 * @param httpPort the port of /health and /metrics; 0 turns them off
 */
record CollectorSettings(List<String> serverIds, String kafka, KafkaClientConfig kafkaConfig, String topic, String gapsTopic,
        Path spoolDir, long spoolMaxBytes, int httpPort, Path pkiDir) {

    static final String DEFAULT_TOPIC = Topics.TELEMETRY;
    static final String DEFAULT_GAPS_TOPIC = Topics.GAPS;

    CollectorSettings {
        serverIds = List.copyOf(serverIds);
    }

    /** Defaults for tests and embedding: no HTTP port. */
    static CollectorSettings of(String kafka, String topic, Path spoolDir, Path pkiDir) {
        return new CollectorSettings(List.of(), kafka, KafkaClientConfig.none(), topic, DEFAULT_GAPS_TOPIC, spoolDir,
                1024L * 1_000_000, 0, pkiDir);
    }

    CollectorSettings withGapsTopic(String topic) {
        return new CollectorSettings(serverIds, kafka, kafkaConfig, this.topic, topic, spoolDir, spoolMaxBytes, httpPort, pkiDir);
    }

    CollectorSettings withSpoolMaxBytes(long bytes) {
        return new CollectorSettings(serverIds, kafka, kafkaConfig, topic, gapsTopic, spoolDir, bytes, httpPort, pkiDir);
    }

    CollectorSettings withKafkaConfig(KafkaClientConfig config) {
        return new CollectorSettings(serverIds, kafka, config, topic, gapsTopic, spoolDir, spoolMaxBytes, httpPort, pkiDir);
    }
}
