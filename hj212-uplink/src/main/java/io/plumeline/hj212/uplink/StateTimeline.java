package io.plumeline.hj212.uplink;

import io.plumeline.hj212.site.StackState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A stack's state over time, from the readings of its state tags ({@link StackState}): the HJ 212 flag its data carry
 * in an interval. A state tag reports on change, so its reading holds until the next one: in effect over an interval
 * are each tag's latest reading at or before its start and those within it. A BAD or UNCERTAIN state reading sets no
 * flag (the readings' own qualities still do). When several flags apply, F (the source stopped) comes first, then C
 * (calibration), M (maintenance), D (fault), S (a manually set value).
 */
final class StateTimeline {

    static final StateTimeline NONE = new StateTimeline(StackState.NONE, List.of());
    private static final String PRECEDENCE = "FCMDS";

    private final StackState state;
    private final List<Sample> readings;

    private StateTimeline(StackState state, List<Sample> readings) {
        this.state = state;
        this.readings = readings;
    }

    /** The timeline of {@code state} from {@code samples} (any tags, any order; those of the state tags are kept). */
    static StateTimeline of(StackState state, List<Sample> samples) {
        List<String> tags = state.tags();
        if (tags.isEmpty()) return NONE;
        return new StateTimeline(state, samples.stream().filter(s -> tags.contains(s.tag()))
                .sorted(Comparator.comparing(Sample::ts)).toList());
    }

    /** The flag of the data over [from, to), or 0 when the state sets none. */
    char flag(Instant from, Instant to) {
        char flag = 0;
        for (String tag : state.tags()) {
            Sample inEffect = null;
            for (Sample s : readings) {
                if (!s.tag().equals(tag) || !s.ts().isBefore(to)) continue;
                if (!s.ts().isAfter(from)) {
                    inEffect = s;
                } else {
                    flag = first(flag, flagOf(s));
                }
            }
            if (inEffect != null) flag = first(flag, flagOf(inEffect));
        }
        return flag;
    }

    private char flagOf(Sample s) {
        return s.good() ? state.flagOf(s.tag(), s.value()) : 0;
    }

    private static char first(char a, char b) {
        if (a == 0) return b;
        if (b == 0) return a;
        return PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b;
    }
}
