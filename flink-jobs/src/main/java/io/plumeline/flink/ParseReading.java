package io.plumeline.flink;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.Reading;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Takes a Kafka message's reading (read at the source, see {@link RawMessage#of}) if it is one of this site.
 * Whatever cannot be used — not JSON, a field missing or wrong, another site, a tag the site model does not
 * know — goes to {@link #DEAD_LETTERS} with the reason; no message can fail the job.
 */
public class ParseReading extends ProcessFunction<RawMessage, Reading> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private final SiteModelText siteModel;
    private transient SiteModel model;
    private transient Map<String, Tag> tags;
    private transient Counter deadLetters;

    public ParseReading(SiteModelText siteModel) {
        this.siteModel = siteModel;
    }

    @Override
    public void open(OpenContext context) {
        model = siteModel.parse();
        tags = model.tagsById();
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(RawMessage message, Context context, Collector<Reading> out) {
        String refusal = message.reading() == null ? message.refusal() : refusalBySite(message.reading());
        if (refusal != null) {
            deadLetter(context, refusal, message);
            return;
        }
        out.collect(message.reading());
    }

    /** Why a well-formed reading is not one of this job's, or null when it is. */
    private String refusalBySite(Reading reading) {
        String site = model.site().id();
        if (!Objects.equals(site, reading.site())) {
            return "site: '" + reading.site() + "' is not the site of this job ('" + site + "')";
        }
        if (!tags.containsKey(reading.tag())) {
            return "tag: '" + reading.tag() + "' is not in the site model of " + site;
        }
        return null;
    }

    private void deadLetter(Context context, String reason, RawMessage message) {
        deadLetters.inc();
        context.output(DEAD_LETTERS, DeadLetter.of(reason, message));
    }
}
