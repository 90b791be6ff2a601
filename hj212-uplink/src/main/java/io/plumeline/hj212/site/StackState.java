package io.plumeline.hj212.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What tells, beside each reading's own quality, that a stack's data are not normal measurement: the analyser's state
 * tag with the HJ 212 flag each of its values sets (C calibration, M maintenance, S a manually set value, D fault, F
 * stopped: site model {@code hj212.status}), and the source's operating status (F, stopped, while it is shut down:
 * {@code operatingStatus}). Either may be absent.
 */
public record StackState(String statusTag, Map<Double, Character> statusFlags, String operatingTag, Double operatingAbove) {

    public static final StackState NONE = new StackState(null, Map.of(), null, null);
    /** HJ 212-2017's flag for a source that is not running (停运). */
    public static final char STOPPED = 'F';

    public StackState {
        statusFlags = Map.copyOf(statusFlags);
    }

    /** The tags whose readings the state is read from. */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        if (statusTag != null) tags.add(statusTag);
        if (operatingTag != null && !operatingTag.equals(statusTag)) tags.add(operatingTag);
        return tags;
    }

    /** The flag a GOOD reading of {@code tag} sets, or 0 when it sets none. */
    public char flagOf(String tag, double value) {
        if (tag.equals(operatingTag) && value <= operatingAbove) return STOPPED;
        if (tag.equals(statusTag)) return statusFlags.getOrDefault(value, (char) 0);
        return 0;
    }
}
