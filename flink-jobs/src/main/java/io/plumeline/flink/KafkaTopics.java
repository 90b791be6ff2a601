package io.plumeline.flink;

import io.plumeline.core.contracts.KafkaClientConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the job's topics when they are missing, with the broker's default partitions and replication:
 * the Kafka source fails on a topic that does not exist, and a broker may not create topics on demand.
 */
final class KafkaTopics {

    private KafkaTopics() {
    }

    /** For a broker without client security (the tests' plain broker). */
    static void ensure(String bootstrap, String... topics) throws InterruptedException {
        ensure(KafkaClientConfig.none(), bootstrap, topics);
    }

    /**
     * @param client the {@code --kafka-config} settings; a refused login or TLS handshake fails within the timeout
     *     like an unreachable broker, with Kafka's reason in the message
     */
    static void ensure(KafkaClientConfig client, String bootstrap, String... topics) throws InterruptedException {
        try (Admin admin = Admin.create(client.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(topics).stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
            if (missing.isEmpty()) return;
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw e;
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + " to check topics "
                    + List.of(topics) + ": " + e, e);
        }
    }
}
