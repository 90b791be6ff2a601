package io.plumeline.core.telemetry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.Instant;

/**
 * One telemetry reading on Kafka (docs/contracts.md §2). {@code ts} is the OPC UA SourceTimestamp (the
 * ServerTimestamp when the source gave none) and is the event time everywhere; a BAD reading has no
 * value and is forwarded all the same, because the gap matters to the accounting.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Reading(int v, String site, String tag, Instant ts, Double value, Quality quality, long status,
                      Instant serverTs, long seq) implements Serializable {

    public static final int VERSION = 1;

    public static Reading of(String site, String tag, Instant ts, Double value, long status, Instant serverTs, long seq) {
        Quality quality = Quality.fromStatusCode(status);
        return new Reading(VERSION, site, tag, ts, quality == Quality.BAD ? null : value, quality, status, serverTs, seq);
    }

    @JsonIgnore
    public boolean isGood() {
        return quality == Quality.GOOD && value != null;
    }
}
