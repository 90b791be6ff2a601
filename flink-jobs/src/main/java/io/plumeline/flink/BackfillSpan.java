package io.plumeline.flink;

import io.plumeline.flink.telemetry.ToGapNotices;
import java.util.ArrayList;
import java.util.List;

/**
 * The source-hours one gap touches, from its records until its backfill is done (state of {@link ToGapNotices}).
 *
 * <p>Kept in keyed state ({@code ToGapNotices}' {@code span}). Checkpoints and savepoints name this class: moved to
 * another package or renamed, it would make the running job's savepoints unrestorable (docs/processes.md, "The hour
 * family").
 */
public class BackfillSpan {

    public long fromHour;
    public long toHour;
    public List<String> sources = new ArrayList<>();

    public BackfillSpan() {
    }

    /** A span of no hour and no source, which the gap's first record widens. */
    public static BackfillSpan empty() {
        BackfillSpan span = new BackfillSpan();
        span.fromHour = Long.MAX_VALUE;
        span.toHour = Long.MIN_VALUE;
        return span;
    }
}
