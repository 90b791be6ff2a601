package io.plumeline.flink.telemetry;

import io.plumeline.core.telemetry.GapReport;
import io.plumeline.core.telemetry.ReadingFormatException;
import io.plumeline.flink.SiteModelText;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads the gap and backfill records of this site's collectors; a record that cannot be read goes to the dead
 * letters with the reason, so no message of the gaps topic can fail the job. Records of other sites, and those
 * that name no interval ({@code spool-damaged}), are not the accounting's.
 */
public class ReadGapReport extends ProcessFunction<RawMessage, GapReport> {

    private final SiteModelText siteModel;
    private transient String site;
    private transient Counter deadLetters;

    public ReadGapReport(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        site = siteModel.model().site().id();
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(RawMessage message, Context context, Collector<GapReport> out) {
        GapReport report;
        try {
            report = GapReport.parse(message.payload() == null ? new byte[0] : message.payload());
        } catch (ReadingFormatException e) {
            deadLetters.inc();
            context.output(AdmitReading.DEAD_LETTERS, DeadLetter.of(e.getMessage(), message));
            return;
        }
        if (report.type() != GapReport.Type.OTHER && report.site().equals(site)) out.collect(report);
    }
}
