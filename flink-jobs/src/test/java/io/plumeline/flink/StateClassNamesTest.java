package io.plumeline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job's keyed state is written to every checkpoint and savepoint under its classes' full names, and Flink restores
 * it only into the same classes (its POJO serializer snapshot refuses another): renaming or moving one of them loses
 * the state of a job upgraded from a savepoint (docs/operations.md), the Part 75 look-back with it. A rename here must
 * come with a state migration (Flink's State Processor API) and this list changed on purpose.
 */
class StateClassNamesTest {

    static final List<String> STATE_CLASSES = List.of("io.plumeline.flink.SourceHour", "io.plumeline.flink.SourceSample",
            "io.plumeline.flink.HourlyValues", "io.plumeline.flink.ChainHourState", "io.plumeline.flink.StreamSample",
            "io.plumeline.flink.BackfillSpan", "io.plumeline.flink.MinuteSum");

    @Test
    void theStateClassesKeepTheNamesTheirSavepointsHold() {
        for (String name : STATE_CLASSES) {
            assertThat(loads(name)).as("%s: the class savepoints name", name).isTrue();
        }
    }

    private static boolean loads(String name) {
        try {
            Class.forName(name, false, StateClassNamesTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
