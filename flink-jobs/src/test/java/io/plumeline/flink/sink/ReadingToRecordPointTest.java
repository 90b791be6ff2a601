package io.plumeline.flink.sink;

import static io.plumeline.flink.TestSite.CRUDE;
import static io.plumeline.flink.TestSite.FLOW;
import static io.plumeline.flink.TestSite.GOOD;
import static io.plumeline.flink.TestSite.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.flink.TestSite;
import io.plumeline.flink.influx.InfluxPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class ReadingToRecordPointTest {

    private static final Instant TS = Instant.parse("2026-11-26T04:00:00.5Z");

    @Test
    void aReadingOfAReportableSourcesTagIsKeptOnceMoreForTheRecordAndOthersAreNot() {
        ReadingToRecordPoint toRecord = new ReadingToRecordPoint(TestSite.model());
        toRecord.open(DefaultOpenContext.INSTANCE);
        List<InfluxPoint> points = new ArrayList<>();

        toRecord.flatMap(reading(FLOW, TS, 1203.4, GOOD), new ListCollector<>(points));
        toRecord.flatMap(reading(CRUDE, TS, 410.0, GOOD), new ListCollector<>(points));

        // the fuel gas flow feeds heater-1.stack; the crude feed is a stream of the chain, no source's input
        assertThat(points).containsExactly(new InfluxPoint("record",
                ReadingToPoint.toLine(reading(FLOW, TS, 1203.4, GOOD), "heater-1")));
    }
}
