package io.plumeline.flink;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingFormatException;
import io.plumeline.core.telemetry.ReadingJson;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses a Kafka message into a reading of this site. Whatever cannot be used — not JSON, a field missing or
 * wrong, another site, a tag the site model does not know — goes to {@link #DEAD_LETTERS} with the reason;
 * no message can fail the job.
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
        Reading reading;
        try {
            reading = usableReading(message);
        } catch (ReadingFormatException e) {
            deadLetter(context, e.getMessage(), message);
            return;
        } catch (RuntimeException e) {
            deadLetter(context, "unreadable: " + e, message);
            return;
        }
        // outside the try: a failure further down the chain is not this message's fault
        out.collect(reading);
    }

    private Reading usableReading(RawMessage message) {
        if (message.payload() == null || message.payload().length == 0) {
            throw new ReadingFormatException("empty message", null);
        }
        Reading reading = ReadingJson.parse(message.payload());
        String site = model.site().id();
        if (!Objects.equals(site, reading.site())) {
            throw new ReadingFormatException(
                    "site: '" + reading.site() + "' is not the site of this job ('" + site + "')", null);
        }
        if (!tags.containsKey(reading.tag())) {
            throw new ReadingFormatException("tag: '" + reading.tag() + "' is not in the site model of " + site, null);
        }
        return reading;
    }

    private void deadLetter(Context context, String reason, RawMessage message) {
        deadLetters.inc();
        context.output(DEAD_LETTERS, DeadLetter.of(reason, message));
    }
}
