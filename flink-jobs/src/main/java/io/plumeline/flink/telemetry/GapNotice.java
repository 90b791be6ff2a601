package io.plumeline.flink.telemetry;

import java.io.Serializable;

/**
 * What a collector's gap means for one source: the hours from {@code fromHour} to {@code toHour} (hour starts, both
 * included) may lack readings that its backfill is still reading back ({@code backfilled} false), or that backfill
 * is done ({@code backfilled} true). {@code detail}: the gap's reason, or what the backfill recovered.
 */
public record GapNotice(String source, String gapId, long fromHour, long toHour, boolean backfilled, String detail)
        implements Serializable {
}
