package io.plumeline.flink.telemetry;

import static io.plumeline.flink.TestSite.BAD_SENSOR_FAILURE;
import static io.plumeline.flink.TestSite.CRUDE;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.HHV;
import static io.plumeline.flink.TestSite.SOURCE;
import static io.plumeline.flink.TestSite.UNCERTAIN;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.emissions.HourlyEmissions;
import io.plumeline.flink.SourceSample;
import io.plumeline.flink.TestSite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FanOutToSourcesTest {

    private static final Instant TS = Instant.parse("2026-11-26T04:10:00Z");

    private final FanOutToSources fanOut = new FanOutToSources(TestSite.model());
    private final List<SourceSample> out = new ArrayList<>();

    @BeforeEach
    void open() {
        fanOut.open(DefaultOpenContext.INSTANCE);
    }

    @Test
    void aReadingOfAnInputTagBecomesASampleOfThatSourceInput() {
        fanOut.flatMap(reading(FLOW, TS, 1200.0, GOOD), new ListCollector<>(out));
        fanOut.flatMap(reading(HHV, TS, 38.5, GOOD), new ListCollector<>(out));

        assertThat(out).containsExactly(new SourceSample(SOURCE, "fuelQuantity", FLOW, TS, 1200.0, "GOOD"),
                new SourceSample(SOURCE, "hhv", HHV, TS, 38.5, "GOOD"));
    }

    @Test
    void aReadingThatIsNotGoodIsAGapWithoutValue() {
        fanOut.flatMap(reading(FLOW, TS, null, BAD_SENSOR_FAILURE), new ListCollector<>(out));
        fanOut.flatMap(reading(FLOW, TS.plusSeconds(1), 1150.0, UNCERTAIN), new ListCollector<>(out));

        assertThat(out).extracting(SourceSample::value).containsExactly(null, null);
        assertThat(out).extracting(SourceSample::ts).containsExactly(TS, TS.plusSeconds(1));
        assertThat(out).extracting(SourceSample::quality).containsExactly("BAD", "UNCERTAIN");
    }

    @Test
    void aBackupTagReachesItsSourceUnderTheInputsBackupKey() {
        FanOutToSources withBackup = new FanOutToSources(TestSite.withBackupFlowMeter());
        withBackup.open(DefaultOpenContext.INSTANCE);
        withBackup.flatMap(reading(TestSite.BACKUP_FLOW, TS, 1190.0, GOOD), new ListCollector<>(out));

        assertThat(out).containsExactly(new SourceSample(SOURCE, HourlyEmissions.backupKey("fuelQuantity"),
                TestSite.BACKUP_FLOW, TS, 1190.0, "GOOD"));
    }

    @Test
    void aTagThatFeedsNoSourceIsDropped() {
        fanOut.flatMap(reading(CRUDE, TS, 410.0, GOOD), new ListCollector<>(out));

        assertThat(out).isEmpty();
    }
}
