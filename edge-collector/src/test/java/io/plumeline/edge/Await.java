package io.plumeline.edge;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in the edge tests for what happens on other threads. */
final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it does not within {@code timeout}. */
    static void within(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout + ": " + what);
            Thread.sleep(50);
        }
    }
}
