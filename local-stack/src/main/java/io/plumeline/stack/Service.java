package io.plumeline.stack;

import java.util.function.BooleanSupplier;

/**
 * A service the stack started: its process, watched while the stack runs, and how to stop it (returns
 * true when it stopped by itself after SIGTERM, false when it had to be killed). {@code holdsData}: a store
 * (InfluxDB, Kafka) whose contents the summary counts before it stops.
 */
record Service(String name, ChildProcess process, BooleanSupplier stopper, boolean holdsData) {

    boolean stop() {
        return stopper.getAsBoolean();
    }
}
