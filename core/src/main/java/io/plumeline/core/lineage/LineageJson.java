package io.plumeline.core.lineage;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A lineage record as the JSON text stored in InfluxDB (field {@code record} of measurement {@code lineage}):
 * times as ISO-8601 instants, durations as ISO-8601 durations, numbers as written by Java (they read back
 * exactly, so a recompute can compare to the bit).
 */
public final class LineageJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Sample.isGood() and the like are derived, not part of the record
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .build();

    private LineageJson() {
    }

    public static String write(LineageRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lineage record of " + record.source() + " " + record.hourStart()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static LineageRecord read(String json) {
        try {
            return MAPPER.readValue(json, LineageRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a lineage record: " + e.getOriginalMessage(), e);
        }
    }
}
