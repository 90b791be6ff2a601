package io.plumeline.simulator;

import io.plumeline.core.site.Tag;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;

/**
 * HistoryRead (raw) of one tag: the last {@code depth} ticks that are due, recomputed from the
 * {@link TickSource} rather than stored, so history costs no memory per tick and a restarted simulator with
 * the same settings serves the ticks it never pushed.
 *
 * <p>As OPC UA Part 11 reads raw data: startTime &lt; endTime returns ticks with startTime ≤ t &lt; endTime
 * oldest first; startTime &gt; endTime returns endTime &lt; t ≤ startTime newest first; startTime = endTime
 * returns the tick at exactly that time; with only startTime (or only endTime) numValuesPerNode ticks from
 * startTime on (or before endTime, newest first). Bounds, when asked for, are the ticks just outside the
 * range, or a {@code Bad_BoundNotFound} value at the bound's time. A page holds at most numValuesPerNode
 * values (and never more than {@value #MAX_VALUES_PER_PAGE}); the rest is fetched with the continuation
 * point, which names the next tick, so the server keeps no state between pages.
 */
final class TagHistory {

    /** Keeps a page of DataValues well under Milo's default 2 MiB message limit. */
    static final int MAX_VALUES_PER_PAGE = 10_000;
    private static final int CONTINUATION_POINT_BYTES = Integer.BYTES + Long.BYTES;

    /** One response for the node: the values, and the continuation point when more remain. */
    record Page(List<DataValue> values, ByteString continuationPoint) {

        StatusCode status() {
            return values.isEmpty() ? new StatusCode(StatusCodes.Good_NoData) : StatusCode.GOOD;
        }
    }

    private final TagNode node;
    private final TickSource source;
    private final TickSchedule schedule;
    private final long depth;

    TagHistory(TagNode node, TickSource source, TickSchedule schedule, long depth) {
        this.node = node;
        this.source = source;
        this.schedule = schedule;
        this.depth = depth;
    }

    /** The ticks a raw read could return now: [first, end). */
    long first() {
        return Math.max(0, node.historyEnd() - depth);
    }

    Page readRaw(ReadRawModifiedDetails details, ByteString continuationPoint, TimestampsToReturn timestamps)
            throws UaException {
        if (Boolean.TRUE.equals(details.getIsReadModified())) {
            throw new UaException(StatusCodes.Bad_HistoryOperationUnsupported,
                    "the simulator never modifies a tick: there is no modified history");
        }
        if (timestamps == null || timestamps == TimestampsToReturn.Neither) {
            throw new UaException(StatusCodes.Bad_TimestampsToReturnInvalid, "history needs source or server timestamps");
        }
        Instant start = instantOrNull(details.getStartTime());
        Instant end = instantOrNull(details.getEndTime());
        long limit = details.getNumValuesPerNode() == null ? 0 : details.getNumValuesPerNode().longValue();
        if (start == null && end == null) {
            throw new UaException(StatusCodes.Bad_InvalidTimestampArgument, "neither startTime nor endTime is given");
        }
        if ((start == null || end == null) && limit == 0) {
            throw new UaException(StatusCodes.Bad_HistoryOperationInvalid,
                    "with only one of startTime and endTime, numValuesPerNode must be given");
        }
        Range range = range(start, end, limit, Boolean.TRUE.equals(details.getReturnBounds()));
        Long resumeAt = continuationPoint == null || continuationPoint.isNull() ? null : nextTick(continuationPoint);
        return page(range, resumeAt, limit, timestamps);
    }

    /**
     * Ticks [from, to) in one direction, and the bounds to add before and after them (null: none asked).
     * A bound is a tick index, or a time at which no tick exists.
     */
    private record Range(long from, long to, boolean forward, Bound leading, Bound trailing) {
    }

    private record Bound(long tick, Instant missingAt) {
    }

    private Range range(Instant start, Instant end, long limit, boolean bounds) {
        long lo = first();
        long hi = node.historyEnd();
        if (start != null && (end == null || !start.isAfter(end))) {
            long from = atOrAfter(start, lo, hi);
            long to = end == null ? Math.min(hi, from + limit)
                    : start.equals(end) ? after(end, lo, hi) : atOrAfter(end, lo, hi);
            Bound leading = !bounds || (from < hi && timeOf(from).equals(start)) ? null
                    : from - 1 >= lo ? new Bound(from - 1, null) : new Bound(-1, start);
            Bound trailing = !bounds || end == null || start.equals(end) ? null
                    : to < hi ? new Bound(to, null) : new Bound(-1, end);
            return new Range(from, to, true, leading, trailing);
        }
        if (start == null) {
            long to = atOrAfter(end, lo, hi);
            long from = Math.max(lo, to - limit);
            Bound leading = !bounds ? null : to < hi ? new Bound(to, null) : new Bound(-1, end);
            return new Range(from, to, false, leading, null);
        }
        long from = after(end, lo, hi);
        long to = after(start, lo, hi);
        Bound leading = !bounds || (to > lo && timeOf(to - 1).equals(start)) ? null
                : to < hi ? new Bound(to, null) : new Bound(-1, start);
        Bound trailing = !bounds ? null : from - 1 >= lo ? new Bound(from - 1, null) : new Bound(-1, end);
        return new Range(from, to, false, leading, trailing);
    }

    private Page page(Range range, Long resumeAt, long limit, TimestampsToReturn timestamps) {
        long size = Math.min(limit == 0 ? Long.MAX_VALUE : limit, MAX_VALUES_PER_PAGE);
        long from = range.from();
        long to = range.to();
        if (resumeAt != null) {
            from = range.forward() ? Math.max(from, resumeAt) : from;
            to = range.forward() ? to : Math.min(to, resumeAt + 1);
        }
        List<DataValue> values = new ArrayList<>();
        if (resumeAt == null && range.leading() != null) {
            values.add(bound(range.leading(), timestamps));
        }
        long next = range.forward() ? from : to - 1;
        while ((range.forward() ? next < to : next >= from) && values.size() < size) {
            values.add(tick(next, timestamps));
            next += range.forward() ? 1 : -1;
        }
        boolean ticksLeft = range.forward() ? next < to : next >= from;
        if (!ticksLeft && range.trailing() != null && values.size() < size) {
            values.add(bound(range.trailing(), timestamps));
            return new Page(values, null);
        }
        boolean more = ticksLeft || range.trailing() != null;
        return new Page(values, more ? continuationPoint(next) : null);
    }

    private DataValue tick(long k, TimestampsToReturn timestamps) {
        Tag tag = node.tag();
        DataValue value = source.tick(tag, k, new DateTime(schedule.due(tag.samplingMs(), k)));
        return withTimestamps(value, timestamps);
    }

    private DataValue bound(Bound bound, TimestampsToReturn timestamps) {
        if (bound.missingAt() == null) {
            return tick(bound.tick(), timestamps);
        }
        DateTime at = new DateTime(bound.missingAt());
        return withTimestamps(new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_BoundNotFound), at, at),
                timestamps);
    }

    private static DataValue withTimestamps(DataValue value, TimestampsToReturn timestamps) {
        return switch (timestamps) {
            case Source -> new DataValue(value.value(), value.statusCode(), value.sourceTime(), null);
            case Server -> new DataValue(value.value(), value.statusCode(), null, value.serverTime());
            default -> value;
        };
    }

    private Instant timeOf(long k) {
        return source.sourceTime(node.tag(), k);
    }

    /** The first tick in [lo, hi) at or after {@code t}, or hi; source times grow with k. */
    private long atOrAfter(Instant t, long lo, long hi) {
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (timeOf(mid).isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first tick in [lo, hi) strictly after {@code t}, or hi. */
    private long after(Instant t, long lo, long hi) {
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (timeOf(mid).isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private ByteString continuationPoint(long nextTick) {
        return ByteString.of(ByteBuffer.allocate(CONTINUATION_POINT_BYTES)
                .putInt(node.tag().id().hashCode()).putLong(nextTick).array());
    }

    private long nextTick(ByteString continuationPoint) throws UaException {
        byte[] bytes = continuationPoint.bytesOrEmpty();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != CONTINUATION_POINT_BYTES || buffer.getInt() != node.tag().id().hashCode()) {
            throw new UaException(StatusCodes.Bad_ContinuationPointInvalid,
                    "not a continuation point of tag '" + node.tag().id() + "'");
        }
        return buffer.getLong();
    }

    private static Instant instantOrNull(DateTime time) {
        return time == null || time.isNull() ? null : time.getJavaInstant();
    }
}
