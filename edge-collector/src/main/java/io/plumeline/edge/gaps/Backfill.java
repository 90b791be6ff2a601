package io.plumeline.edge.gaps;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.plumeline.core.site.Tag;
import io.plumeline.edge.session.StatusNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryData;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResult;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;

/**
 * Reads the raw history of tags over their gap intervals (HistoryRead with ReadRawModifiedDetails), following
 * continuation points, {@link #NODES_PER_CALL} nodes per call. A node whose server keeps no history is
 * reported, not retried. When a call fails as a whole (the link went, the session closed, a timeout) the
 * read-back stops, and each tag not read to its end is reported with the newest reading it did deliver, so
 * that the rest can be read once the server is back.
 */
final class Backfill {

    static final int NODES_PER_CALL = 100;
    static final int VALUES_PER_NODE_PER_CALL = 1_000;

    /** One tag's missing interval, both ends exclusive (they are readings the collector has). */
    record Interval(Tag tag, NodeId node, Instant after, Instant before) {
    }

    /**
     * @param interrupted per tag whose read-back was cut off by a failed call: the reading after which the rest
     *     of its interval is still to be read
     */
    record Result(long readings, List<String> unsupported, List<String> failed, Map<String, Instant> interrupted) {
    }

    private Backfill() {
    }

    static Result read(OpcUaClient client, List<Interval> intervals, BiConsumer<Tag, DataValue> sink) {
        long readings = 0;
        List<String> unsupported = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, Instant> readUpTo = new HashMap<>();
        intervals.forEach(interval -> readUpTo.put(interval.tag().id(), interval.after()));
        for (int i = 0; i < intervals.size(); i += NODES_PER_CALL) {
            List<Interval> batch = intervals.subList(i, Math.min(intervals.size(), i + NODES_PER_CALL));
            // Same interval per call is not required by the service, but the details are per call: group by tag
            // would need one call per tag, so each call asks for the widest interval and filters per tag.
            Instant from = batch.stream().map(Interval::after).min(Instant::compareTo).orElseThrow();
            Instant to = batch.stream().map(Interval::before).max(Instant::compareTo).orElseThrow();
            ReadRawModifiedDetails details = new ReadRawModifiedDetails(false, new DateTime(from), new DateTime(to),
                    uint(VALUES_PER_NODE_PER_CALL), false);
            List<Interval> pending = new ArrayList<>(batch);
            List<ByteString> continuation = new ArrayList<>();
            pending.forEach(p -> continuation.add(ByteString.NULL_VALUE));
            while (!pending.isEmpty()) {
                List<HistoryReadValueId> ids = new ArrayList<>();
                for (int k = 0; k < pending.size(); k++) {
                    ids.add(new HistoryReadValueId(pending.get(k).node(), null, QualifiedName.NULL_VALUE, continuation.get(k)));
                }
                HistoryReadResponse response;
                try {
                    response = client.historyRead(details, TimestampsToReturn.Both, false, ids);
                } catch (UaException e) {
                    if (isUnsupported(e.getStatusCode())) {
                        pending.forEach(p -> unsupported.add(p.tag().id()));
                        break;
                    }
                    // The call failed as a whole: this and every later batch are left for the next try.
                    Map<String, Instant> interrupted = new HashMap<>();
                    pending.forEach(p -> interrupted.put(p.tag().id(), readUpTo.get(p.tag().id())));
                    intervals.subList(Math.min(intervals.size(), i + NODES_PER_CALL), intervals.size())
                            .forEach(p -> interrupted.put(p.tag().id(), p.after()));
                    return new Result(readings, unsupported, failed, interrupted);
                }
                HistoryReadResult[] results = response.getResults();
                List<Interval> next = new ArrayList<>();
                List<ByteString> nextContinuation = new ArrayList<>();
                for (int k = 0; k < pending.size(); k++) {
                    Interval interval = pending.get(k);
                    HistoryReadResult result = results[k];
                    StatusCode status = result.getStatusCode();
                    if (status.isBad()) {
                        if (isUnsupported(status)) {
                            unsupported.add(interval.tag().id());
                        } else {
                            failed.add(interval.tag().id() + ": " + StatusNames.of(status));
                        }
                        continue;
                    }
                    if (result.getHistoryData() != null && result.getHistoryData().getBody() != null) {
                        Object decoded = result.getHistoryData().decode(client.getStaticEncodingContext());
                        if (decoded instanceof HistoryData data && data.getDataValues() != null) {
                            for (DataValue value : data.getDataValues()) {
                                Instant ts = timestamp(value);
                                if (ts != null && ts.isAfter(interval.after()) && ts.isBefore(interval.before())) {
                                    sink.accept(interval.tag(), value);
                                    readings++;
                                    readUpTo.merge(interval.tag().id(), ts, (a, b) -> a.isAfter(b) ? a : b);
                                }
                            }
                        }
                    }
                    ByteString cp = result.getContinuationPoint();
                    if (cp != null && cp.isNotNull() && cp.length() > 0) {
                        next.add(interval);
                        nextContinuation.add(cp);
                    }
                }
                pending = next;
                continuation.clear();
                continuation.addAll(nextContinuation);
            }
        }
        return new Result(readings, unsupported, failed, Map.of());
    }

    private static boolean isUnsupported(StatusCode status) {
        long v = status.value();
        return v == StatusCodes.Bad_HistoryOperationUnsupported || v == StatusCodes.Bad_HistoryOperationInvalid
                || v == StatusCodes.Bad_NotReadable || v == StatusCodes.Bad_UserAccessDenied
                || v == StatusCodes.Bad_ServiceUnsupported || v == StatusCodes.Bad_NodeIdUnknown;
    }

    private static Instant timestamp(DataValue value) {
        DateTime t = value.sourceTime() != null && !value.sourceTime().isNull() ? value.sourceTime() : value.serverTime();
        return t == null || t.isNull() ? null : t.getJavaInstant();
    }
}
