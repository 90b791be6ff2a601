package io.plumeline.flink.accounting;

import io.plumeline.flink.SourceSample;
import io.plumeline.flink.telemetry.GapNotice;
import io.plumeline.flink.telemetry.NoEventTime;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * {@link SourceHourAccounting} in Flink's two-input operator harness, its gaps input idle as in the job
 * ({@link NoEventTime}), so that the readings' watermarks alone move its event time.
 */
final class AccountingHarness implements AutoCloseable {

    private final KeyedTwoInputStreamOperatorTestHarness<String, SourceSample, GapNotice, SourceHourResult> harness;

    AccountingHarness(SourceHourAccounting accounting) throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(accounting),
                SourceSample::source, GapNotice::source, Types.STRING);
        harness.open();
        harness.processWatermarkStatus2(WatermarkStatus.IDLE);
    }

    void sample(SourceSample sample) throws Exception {
        harness.processElement1(new StreamRecord<>(sample, sample.ts().toEpochMilli()));
    }

    void gap(GapNotice notice) throws Exception {
        harness.processElement2(new StreamRecord<>(notice));
    }

    void watermark(long at) throws Exception {
        harness.processWatermark1(new Watermark(at));
    }

    void processingTime(long at) throws Exception {
        harness.setProcessingTime(at);
    }

    List<SourceHourResult> results() {
        return harness.extractOutputValues();
    }

    <X> ConcurrentLinkedQueue<StreamRecord<X>> sideOutput(OutputTag<X> tag) {
        return harness.getSideOutput(tag);
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
