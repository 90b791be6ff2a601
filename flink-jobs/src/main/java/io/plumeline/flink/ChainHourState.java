package io.plumeline.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one site-hour of the production chain until its allowed lateness has passed: the readings of
 * the streams' mass-flow tags, the latest CO2e total of each source (a recomputed source-hour replaces its
 * total) with the unit it belongs to, and whether something arrived since the last result.
 *
 * <p>Kept in keyed state ({@code HourlyChain}'s {@code chainHours}). Checkpoints and savepoints name this class:
 * moved to another package or renamed, it would make the running job's savepoints unrestorable (docs/processes.md,
 * "The hour family").
 */
public class ChainHourState {

    public List<StreamSample> samples = new ArrayList<>();
    public Map<String, Double> sourceCo2eKg = new HashMap<>();
    public Map<String, String> sourceUnit = new HashMap<>();
    public boolean dirty = true;
    public boolean computed;

    public ChainHourState() {
    }

    /** Each unit's own CO2e: the sum over its sources. */
    public Map<String, Double> unitCo2eKg() {
        Map<String, Double> byUnit = new HashMap<>();
        sourceCo2eKg.forEach((source, kg) -> byUnit.merge(sourceUnit.get(source), kg, Double::sum));
        return byUnit;
    }
}
