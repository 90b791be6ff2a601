package io.plumeline.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one source-hour until its allowed lateness has passed: its samples, how many of them came
 * after the hour's first result, and whether a sample arrived since the last result (the hour is then
 * computed again at the next watermark), and whether a gap of it was filled without the value after the gap that
 * its program's rule takes (it is computed again when a later hour brings that value, while it is kept). An hour
 * whose state is gone and which readings still come for waits here, with those readings, until it is computed again
 * from the stored telemetry at processing time {@code recomputeAt}.
 *
 * <p>Kept in keyed state ({@code SourceHourAccounting}'s {@code hours} and {@code archived}). Checkpoints and
 * savepoints name this class: moved to another package or renamed, it would make the running job's savepoints
 * unrestorable (docs/processes.md, "The hour family").
 */
public class SourceHour {

    public List<SourceSample> samples = new ArrayList<>();
    public int lateCount;
    public boolean dirty = true;
    public boolean computed;
    public boolean awaitsValueAfter;
    public long recomputeAt;
    /**
     * Why the hour is computed again, in its lineage {@code revision}: the collector gaps that touched it (and, for a
     * recompute from the archive, besides the readings that came too late for it).
     */
    public List<String> causes = new ArrayList<>();

    /** Records why the hour is computed again, once however many notices say it. */
    public void because(String cause) {
        if (!causes.contains(cause)) causes.add(cause);
    }

    public SourceHour() {
    }
}
