package io.plumeline.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the ticks on the wall clock: tick k of a tag is due at epoch + k × samplingMs. Due times are
 * computed from the epoch, not from the previous tick, so the schedule does not drift; a late tick is
 * produced late rather than skipped. Tags with the same sampling interval tick together.
 *
 * <p>When the epoch lies in the past (a simulator restarted with the {@code --epoch} of its predecessor),
 * the ticks already due are not pushed: they belong to the predecessor's run or to the outage, and are
 * served by HistoryRead only, which is where a collector looks for the ticks of an outage.
 */
final class Ticker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final List<TagNode> tagNodes;
    private final TickSource source;
    private final TickSchedule schedule;
    private final Long ticks;
    private final long awaitItems;
    private final MonitoredItemCount itemCount;

    Ticker(List<TagNode> tagNodes, TickSource source, TickSchedule schedule, Long ticks, long awaitItems,
           MonitoredItemCount itemCount) {
        this.tagNodes = tagNodes;
        this.source = source;
        this.schedule = schedule;
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
            long nowMillis = System.currentTimeMillis();
            long nowNanos = System.nanoTime();
            if (!schedule.fixed()) {
                schedule.fix(Instant.ofEpochMilli(nowMillis));
            }
            long sinceEpochMillis = nowMillis - schedule.epoch().toEpochMilli();
            // The epoch on System.nanoTime's scale, which does not jump when the wall clock is set.
            long t0Nanos = nowNanos - TimeUnit.MILLISECONDS.toNanos(sinceEpochMillis);
            List<Group> groups = groups();
            for (Group group : groups) {
                group.next = firstDue(group.samplingMs, sinceEpochMillis);
                group.members.forEach(m -> m.resumeAt(group.next));
            }
            logStart(groups, sinceEpochMillis);
            PriorityQueue<Group> queue = new PriorityQueue<>(Comparator.comparingLong(g -> g.dueNanos(t0Nanos)));
            queue.addAll(groups);
            while (!queue.isEmpty()) {
                Group group = queue.poll();
                if (ticks != null && group.next >= ticks) {
                    continue;
                }
                sleepUntil(group.dueNanos(t0Nanos));
                DateTime now = DateTime.now();
                for (TagNode tagNode : group.members) {
                    tagNode.publish(group.next, source.tick(tagNode.tag(), group.next, now));
                }
                group.next++;
                queue.add(group);
            }
            LOG.info("Produced {} ticks per tag; still serving the last values", ticks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first tick not yet due, no further than the --ticks limit. */
    private long firstDue(int samplingMs, long sinceEpochMillis) {
        long first = sinceEpochMillis <= 0 ? 0 : (sinceEpochMillis + samplingMs - 1) / samplingMs;
        return ticks == null ? first : Math.min(first, ticks);
    }

    private void logStart(List<Group> groups, long sinceEpochMillis) {
        if (sinceEpochMillis <= 0) {
            LOG.info("Tick 0 at wall time {} and source time {}, speed {}", schedule.epoch(), source.clock().start(),
                    source.clock().speed());
            return;
        }
        for (Group group : groups) {
            LOG.info("Resuming the {} ms tags at tick {} (epoch {}); ticks before it are served by HistoryRead only",
                    group.samplingMs, group.next, schedule.epoch());
        }
    }

    private List<Group> groups() {
        Map<Integer, Group> bySampling = new TreeMap<>();
        for (TagNode tagNode : tagNodes) {
            bySampling.computeIfAbsent(tagNode.tag().samplingMs(), Group::new).members.add(tagNode);
        }
        return List.copyOf(bySampling.values());
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
