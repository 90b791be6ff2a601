package io.plumeline.flink.telemetry;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.ClockCheck;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.SiteModelText;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a message holds a reading this job accounts, and why not: it must parse, be of this site and of a tag
 * its site model knows, and not be stamped ahead of the clocks that saw it — its Kafka timestamp (when the
 * collector sent it) and the OPC UA ServerTimestamp — by more than the tolerance. A device clock that runs ahead
 * would otherwise move event time into the future and make every other reading late. Both the watermarks
 * ({@link ReadingWatermarks}) and the dead letters ({@link AdmitReading}) ask this, so a refused reading never
 * moves time and is always in the dead letters.
 */
public final class ReadingAdmission implements Serializable {

    private final SiteModelText siteModel;
    private final Duration maxClockAhead;
    private transient String site;
    private transient Map<String, Tag> tags;

    public ReadingAdmission(SiteModelText siteModel, Duration maxClockAhead) {
        this.siteModel = siteModel;
        this.maxClockAhead = maxClockAhead;
    }

    /** Null when the message's reading is admitted, else the reason for the dead letter. */
    String refusal(RawMessage message) {
        if (message.reading() == null) return message.refusal();
        if (tags == null) {
            SiteModel model = siteModel.model();
            site = model.site().id();
            tags = model.tagsById();
        }
        Reading reading = message.reading();
        if (!Objects.equals(site, reading.site())) {
            return "site: '" + reading.site() + "' is not the site of this job ('" + site + "')";
        }
        if (!tags.containsKey(reading.tag())) {
            return "tag: '" + reading.tag() + "' is not in the site model of " + site;
        }
        Instant sent = message.kafkaTimestamp() == RawMessage.NO_TIMESTAMP ? null
                : Instant.ofEpochMilli(message.kafkaTimestamp());
        return ClockCheck.refusal(reading.ts(), reading.serverTs(), sent, maxClockAhead);
    }
}
