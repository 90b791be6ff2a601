package io.plumeline.flink;

import io.plumeline.flink.live.LimitCheck;

/**
 * The GOOD readings of a limited tag in one minute: their sum and count (state of {@link LimitCheck}).
 *
 * <p>Kept in keyed state ({@code LimitCheck}'s {@code minutes}). Checkpoints and savepoints name this class: moved
 * to another package or renamed, it would make the running job's savepoints unrestorable (docs/processes.md, "The
 * hour family").
 */
public class MinuteSum {

    public double sum;
    public long count;

    public MinuteSum() {
    }
}
