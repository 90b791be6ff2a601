package io.plumeline.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one source-hour until its allowed lateness has passed: its samples, how many of them came
 * after the hour's first result, and whether a sample arrived since the last result (the hour is then
 * computed again at the next watermark).
 */
public class SourceHour {

    public List<SourceSample> samples = new ArrayList<>();
    public int lateCount;
    public boolean dirty = true;
    public boolean computed;

    public SourceHour() {
    }
}
