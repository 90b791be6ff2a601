package io.plumeline.simulator;

import io.plumeline.core.site.Tag;
import io.plumeline.simulator.profile.ProfileSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * What tick k of a tag carries: source time, value and status, a pure function of the run's settings. The
 * ticker pushes it live and HistoryRead recomputes it later, so both give the same reading, and a simulator
 * restarted with the same settings can serve the ticks of its own downtime.
 */
record TickSource(SourceClock clock, ProfileSet profiles, Map<String, List<FaultWindow>> faults) {

    Instant sourceTime(Tag tag, long k) {
        return clock.sourceTime(tag.samplingMs(), k);
    }

    DataValue tick(Tag tag, long k, DateTime serverTime) {
        Instant sourceTime = sourceTime(tag, k);
        DateTime source = new DateTime(sourceTime);
        if (faults.getOrDefault(tag.id(), List.of()).stream().anyMatch(w -> w.covers(k))) {
            return new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_SensorFailure), source, serverTime);
        }
        return new DataValue(new Variant(profiles.valueAt(tag.id(), sourceTime)), StatusCode.GOOD, source, serverTime);
    }
}
