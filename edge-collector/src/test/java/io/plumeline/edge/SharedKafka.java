package io.plumeline.edge;

import io.plumeline.stack.KafkaBroker;

/**
 * One real Kafka broker process (local-stack's KRaft broker) for the test classes that do not stop it; it
 * stops, and its temporary folder goes, when the test JVM exits.
 */
final class SharedKafka {

    private static KafkaBroker broker;

    private SharedKafka() {
    }

    static synchronized KafkaBroker broker() {
        if (broker == null || !broker.isAlive()) broker = KafkaBroker.startTemporary();
        return broker;
    }

    static String topic(String name) {
        broker().createTopic(name, 1);
        return name;
    }
}
