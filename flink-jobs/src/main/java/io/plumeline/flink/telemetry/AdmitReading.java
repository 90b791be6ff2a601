package io.plumeline.flink.telemetry;

import io.plumeline.core.telemetry.Reading;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes the readings the job accounts ({@link ReadingAdmission}: read at the source, see {@link RawMessage#of});
 * whatever cannot be used — not JSON, a field missing or wrong, another site, a tag the site model does not know,
 * a timestamp ahead of the clocks — goes to {@link #DEAD_LETTERS} with the reason; no message can fail the job.
 */
public class AdmitReading extends ProcessFunction<RawMessage, Reading> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private final ReadingAdmission admission;
    private transient Counter deadLetters;

    public AdmitReading(ReadingAdmission admission) {
        this.admission = admission;
    }

    @Override
    public void open(OpenContext context) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(RawMessage message, Context context, Collector<Reading> out) {
        String refusal = admission.refusal(message);
        if (refusal == null) {
            out.collect(message.reading());
            return;
        }
        deadLetters.inc();
        context.output(DEAD_LETTERS, DeadLetter.of(refusal, message));
    }
}
