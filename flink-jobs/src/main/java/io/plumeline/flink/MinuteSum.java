package io.plumeline.flink;

import io.plumeline.flink.live.LimitCheck;

/** The GOOD readings of a limited tag in one minute: their sum and count (state of {@link LimitCheck}). */
public class MinuteSum {

    public double sum;
    public long count;

    public MinuteSum() {
    }
}
