package io.plumeline.core.telemetry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** The JSON form of a {@link Reading} (contract 2). Thread-safe. */
public final class ReadingJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // v, status, seq: 0 when absent; v 0 is refused
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // later versions may add fields
            .build();

    private ReadingJson() {
    }

    public static byte[] toBytes(Reading reading) {
        try {
            return MAPPER.writeValueAsBytes(reading);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write reading " + reading, e);
        }
    }

    public static String toJson(Reading reading) {
        return new String(toBytes(reading), StandardCharsets.UTF_8);
    }

    /** Parses and checks a reading; anything unusable is refused with the field that is wrong. */
    public static Reading parse(byte[] json) {
        Reading r;
        try {
            r = MAPPER.readValue(json, Reading.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "" : e.getPath().get(e.getPath().size() - 1).getFieldName() + ": ";
            throw new ReadingFormatException(field + firstLine(e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            throw new ReadingFormatException("not JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (java.io.IOException e) {
            throw new ReadingFormatException("unreadable: " + e.getMessage(), e);
        }
        if (r == null) throw new ReadingFormatException("empty message", null);
        if (r.v() != Reading.VERSION) throw new ReadingFormatException("v: unsupported version " + r.v(), null);
        if (r.tag() == null || r.tag().isBlank()) throw new ReadingFormatException("tag: missing", null);
        if (r.ts() == null) throw new ReadingFormatException("ts: missing", null);
        if (r.quality() == null) throw new ReadingFormatException("quality: missing", null);
        if (r.quality() == Quality.GOOD && r.value() == null) {
            throw new ReadingFormatException("value: missing on a GOOD reading", null);
        }
        if (r.value() != null && !Double.isFinite(r.value())) {
            throw new ReadingFormatException("value: not a finite number", null);
        }
        return r;
    }

    /**
     * The {@code ts} of a message (contract 2) read as {@link #parse} reads it, without reading the rest: a
     * source stamps event time with it before the full parse. Empty when there is none to be read.
     */
    public static Optional<Instant> eventTime(byte[] json) {
        if (json == null || json.length == 0) return Optional.empty();
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("ts".equals(field)) return Optional.ofNullable(MAPPER.readValue(parser, Instant.class));
                parser.skipChildren();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON, or no instant: parse() will say what is wrong when the message is read in full
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
