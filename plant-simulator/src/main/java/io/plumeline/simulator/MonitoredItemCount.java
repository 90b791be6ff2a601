package io.plumeline.simulator;

/** Monitored items on the simulator's tags, so that tick 0 can wait for a client to be listening. */
final class MonitoredItemCount {

    private long count;

    synchronized void add(int delta) {
        count += delta;
        notifyAll();
    }

    synchronized long get() {
        return count;
    }

    synchronized void awaitAtLeast(long wanted) throws InterruptedException {
        while (count < wanted) {
            wait();
        }
    }
}
