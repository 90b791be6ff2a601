package io.plumeline.edge.subscription;

import io.plumeline.core.telemetry.Reading;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an OPC UA DataValue into a contract-2 {@link Reading}. Thread-safe: notifications of several
 * servers arrive on different threads.
 */
public final class ReadingMapper {

    private static final Logger log = LoggerFactory.getLogger(ReadingMapper.class);

    private final String site;
    private final Clock clock;
    private final AtomicLong seq;
    private final Set<String> tagsWarned = ConcurrentHashMap.newKeySet();

    public ReadingMapper(String site, Clock clock) {
        this.site = site;
        this.clock = clock;
        // Seeded from the start time in microseconds so that seq keeps increasing across restarts
        // as long as fewer than a million readings a second are produced on average.
        Instant start = clock.instant();
        this.seq = new AtomicLong(start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000);
    }

    public Reading map(String tag, DataValue dataValue) {
        Instant receivedAt = clock.instant();
        Instant serverTs = instant(dataValue.serverTime());
        Instant sourceTs = instant(dataValue.sourceTime());
        Instant ts = sourceTs != null ? sourceTs : serverTs != null ? serverTs : receivedAt;

        long status = dataValue.statusCode().value();
        Double value = null;
        if (!dataValue.statusCode().isBad()) {
            Object raw = dataValue.value().value();
            value = toDouble(raw);
            if (value == null) {
                status = StatusCodes.Bad_TypeMismatch;
                warnOnce(tag, "value " + describe(raw) + " is not a number or boolean; forwarded as Bad_TypeMismatch");
            } else if (!Double.isFinite(value)) {
                value = null;
                status = StatusCodes.Bad_OutOfRange;
                warnOnce(tag, "value " + raw + " is not finite; forwarded as Bad_OutOfRange");
            }
        }
        return Reading.of(site, tag, ts, value, status, serverTs, seq.incrementAndGet());
    }

    private static Instant instant(DateTime time) {
        return time == null || time.isNull() ? null : time.getJavaInstant();
    }

    private static Double toDouble(Object raw) {
        if (raw instanceof Number number) return number.doubleValue();
        if (raw instanceof Boolean bool) return bool ? 1.0 : 0.0;
        return null;
    }

    private static String describe(Object raw) {
        if (raw == null) return "(empty)";
        String type = raw.getClass().isArray() ? raw.getClass().getComponentType().getSimpleName() + "[]"
                : raw.getClass().getSimpleName();
        return "of type " + type;
    }

    private void warnOnce(String tag, String message) {
        if (tagsWarned.add(tag)) {
            log.warn("tag {}: {} (reported once per tag)", tag, message);
        }
    }
}
