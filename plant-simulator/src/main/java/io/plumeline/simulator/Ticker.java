package io.plumeline.simulator;

import io.plumeline.simulator.profile.ProfileSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the ticks on the wall clock: tick k of a tag is due at t0 + k × samplingMs. Due times are
 * computed from t0, not from the previous tick, so the schedule does not drift; a late tick is produced
 * late rather than skipped. Tags with the same sampling interval tick together.
 */
final class Ticker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final List<TagNode> tagNodes;
    private final SourceClock clock;
    private final ProfileSet profiles;
    private final Map<String, List<FaultWindow>> faults;
    private final Long ticks;
    private final long awaitItems;
    private final MonitoredItemCount itemCount;

    Ticker(List<TagNode> tagNodes, SourceClock clock, ProfileSet profiles, Map<String, List<FaultWindow>> faults,
           Long ticks, long awaitItems, MonitoredItemCount itemCount) {
        this.tagNodes = tagNodes;
        this.clock = clock;
        this.profiles = profiles;
        this.faults = faults;
        this.ticks = ticks;
        this.awaitItems = awaitItems;
        this.itemCount = itemCount;
    }

    /** The tags sharing one sampling interval and the next tick they owe. */
    private static final class Group {
        final int samplingMs;
        final List<TagNode> members = new ArrayList<>();
        long next;

        Group(int samplingMs) {
            this.samplingMs = samplingMs;
        }

        long dueNanos(long t0Nanos) {
            return t0Nanos + TimeUnit.MILLISECONDS.toNanos(samplingMs) * next;
        }
    }

    @Override
    public void run() {
        try {
            if (awaitItems > 0) {
                LOG.info("Waiting for {} monitored items before tick 0", awaitItems);
                itemCount.awaitAtLeast(awaitItems);
            }
            long t0Nanos = System.nanoTime();
            LOG.info("Tick 0 at source time {}, speed {}", clock.start(), clock.speed());
            PriorityQueue<Group> queue = new PriorityQueue<>(Comparator.comparingLong(g -> g.dueNanos(t0Nanos)));
            queue.addAll(groups());
            while (!queue.isEmpty()) {
                Group group = queue.poll();
                if (ticks != null && group.next >= ticks) {
                    continue;
                }
                sleepUntil(group.dueNanos(t0Nanos));
                for (TagNode tagNode : group.members) {
                    tagNode.publish(tick(tagNode, group.samplingMs, group.next));
                }
                group.next++;
                queue.add(group);
            }
            LOG.info("Produced {} ticks per tag; still serving the last values", ticks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Group> groups() {
        Map<Integer, Group> bySampling = new TreeMap<>();
        for (TagNode tagNode : tagNodes) {
            bySampling.computeIfAbsent(tagNode.tag().samplingMs(), Group::new).members.add(tagNode);
        }
        return List.copyOf(bySampling.values());
    }

    private DataValue tick(TagNode tagNode, int samplingMs, long k) {
        String tag = tagNode.tag().id();
        Instant sourceTime = clock.sourceTime(samplingMs, k);
        DateTime source = new DateTime(sourceTime);
        if (faults.getOrDefault(tag, List.of()).stream().anyMatch(w -> w.covers(k))) {
            return new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_SensorFailure), source, DateTime.now());
        }
        return new DataValue(new Variant(profiles.valueAt(tag, sourceTime)), StatusCode.GOOD, source, DateTime.now());
    }

    private static void sleepUntil(long dueNanos) throws InterruptedException {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
