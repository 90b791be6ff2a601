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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The JSON form of a {@link Reading} (docs/contracts.md §2). Thread-safe.
 *
 * <p>A message is read with Jackson's streaming parser, field by field (it is the largest cost of the job per
 * reading). Only the usual shapes are taken on that path: strings, numbers that fit the field, null, the fields
 * at most once, and {@code ts}/{@code serverTs} as {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (any other instant
 * goes to the JavaTimeModule's deserializer, value by value). A message in any other shape — a coercion
 * Jackson makes (a number as a string, an enum by index, a float for an int), a field twice, broken JSON — is
 * read again in full by the data binding of {@link Reading}, so that what is accepted and how a refusal reads
 * is exactly what it always was; those messages are rare, and mostly dead letters.
 */
public final class ReadingJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // v, status, seq: 0 when absent; v 0 is refused
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // later versions may add fields
            .build();

    /**
     * The earliest {@code ts}/{@code serverTs} taken: no reading of a plant that Plumeline accounts for is older,
     * while a server's placeholders are (OPC UA's MinDateTime 1601-01-01, the Unix epoch of an unset clock).
     */
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    /** The first {@code ts}/{@code serverTs} refused: OPC UA's MaxDateTime 9999-12-31 and other placeholders lie beyond. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    /**
     * The largest magnitude of a value taken. The largest readings a site model has are flows and totalizers in
     * their units (fuel gas in Sm3/h, of the order of 1e5; a yearly energy totalizer in GJ, 1e8): 1e15 leaves
     * seven orders of magnitude above them. A double counts every integer exactly up to 2^53 (9.0e15), so a
     * value below 1e15 still has a resolution of 1/8 or finer; and the hour's integral of such a value
     * (× 3,600 s, × the conversion factors of docs/calculations.md) stays far from the overflow to infinity that
     * a 1e300 would bring into every sum it joins.
     */
    public static final double MAX_MAGNITUDE = 1e15;

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
        Reading r = usualShape(json);
        return checked(r != null ? r : bound(json));
    }

    /**
     * The reading of a message in the usual shape, read field by field; null when the message is in another
     * shape (or no JSON at all), which only the data binding reads as it always has. Package-private for the
     * test that holds it against the data binding.
     */
    static Reading usualShape(byte[] json) {
        if (json == null || json.length == 0) return null;
        try (JsonParser parser = MAPPER.createParser(json)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? fields(parser) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Reading fields(JsonParser parser) throws IOException {
        int v = 0;
        String site = null;
        String tag = null;
        Instant ts = null;
        Double value = null;
        Quality quality = null;
        long status = 0;
        Instant serverTs = null;
        long seq = 0;
        int seen = 0; // a bit per field: a field twice is left to the data binding
        String field;
        while ((field = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            int bit;
            switch (field) {
                case "v" -> {
                    bit = 1;
                    if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                        v = parser.getIntValue();
                    } else if (token != JsonToken.VALUE_NULL) {
                        return null;
                    }
                }
                case "site" -> {
                    bit = 2;
                    if (!isText(token)) return null;
                    site = parser.getValueAsString();
                }
                case "tag" -> {
                    bit = 4;
                    if (!isText(token)) return null;
                    tag = parser.getValueAsString();
                }
                case "ts" -> {
                    bit = 8;
                    ts = instant(parser);
                }
                case "value" -> {
                    bit = 16;
                    if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                        value = parser.getDoubleValue();
                    } else if (token != JsonToken.VALUE_NULL) {
                        return null;
                    }
                }
                case "quality" -> {
                    bit = 32;
                    if (token == JsonToken.VALUE_STRING) {
                        quality = quality(parser.getText());
                        if (quality == null) return null;
                    } else if (token != JsonToken.VALUE_NULL) {
                        return null;
                    }
                }
                case "status" -> {
                    bit = 64;
                    if (!isLongOrNull(parser, token)) return null;
                    status = token == JsonToken.VALUE_NULL ? 0 : parser.getLongValue();
                }
                case "serverTs" -> {
                    bit = 128;
                    serverTs = instant(parser);
                }
                case "seq" -> {
                    bit = 256;
                    if (!isLongOrNull(parser, token)) return null;
                    seq = token == JsonToken.VALUE_NULL ? 0 : parser.getLongValue();
                }
                default -> {
                    bit = 0;
                    parser.skipChildren(); // later versions may add fields
                }
            }
            if ((seen & bit) != 0) return null;
            seen |= bit;
        }
        // nextFieldName() is null at the end of the object, or at anything else (which the binding refuses)
        if (parser.currentToken() != JsonToken.END_OBJECT) return null;
        return new Reading(v, site, tag, ts, value, quality, status, serverTs, seq);
    }

    private static boolean isText(JsonToken token) {
        return token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL;
    }

    private static boolean isLongOrNull(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) return true;
        if (token != JsonToken.VALUE_NUMBER_INT) return false;
        JsonParser.NumberType type = parser.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /** The quality of its exact name; null for anything else (the binding knows the rest, an index for one). */
    private static Quality quality(String name) {
        return switch (name) {
            case "GOOD" -> Quality.GOOD;
            case "UNCERTAIN" -> Quality.UNCERTAIN;
            case "BAD" -> Quality.BAD;
            default -> null;
        };
    }

    /** The data binding's reading of a message, with its refusals as they have always read. */
    private static Reading bound(byte[] json) {
        try {
            return MAPPER.readValue(json, Reading.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "" : e.getPath().get(e.getPath().size() - 1).getFieldName() + ": ";
            throw new ReadingFormatException(field + firstLine(e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            throw new ReadingFormatException("not JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ReadingFormatException("unreadable: " + e.getMessage(), e);
        }
    }

    /** The checks of every parsed reading, whichever path read it. Package-private for the equivalence test. */
    static Reading checked(Reading r) {
        if (r == null) throw new ReadingFormatException("empty message", null);
        if (r.v() != Reading.VERSION) throw new ReadingFormatException("v: unsupported version " + r.v(), null);
        if (r.tag() == null || r.tag().isBlank()) throw new ReadingFormatException("tag: missing", null);
        if (r.ts() == null) throw new ReadingFormatException("ts: missing", null);
        if (r.quality() == null) throw new ReadingFormatException("quality: missing", null);
        if (r.quality() == Quality.GOOD && r.value() == null) {
            throw new ReadingFormatException("value: missing on a GOOD reading", null);
        }
        plausibleTime("ts", r.ts());
        plausibleTime("serverTs", r.serverTs());
        if (r.value() != null && !Double.isFinite(r.value())) {
            throw new ReadingFormatException("value: " + r.value() + " is not a finite number", null);
        }
        if (r.value() != null && Math.abs(r.value()) > MAX_MAGNITUDE) {
            throw new ReadingFormatException("value: " + r.value() + " is larger in magnitude than " + MAX_MAGNITUDE
                    + ", which no instrument reads", null);
        }
        return r;
    }

    /** A time null or in [{@link #EARLIEST}, {@link #LATEST}); anything else is a clock or a placeholder, not a reading's time. */
    private static void plausibleTime(String field, Instant time) {
        if (time != null && (time.isBefore(EARLIEST) || !time.isBefore(LATEST))) {
            throw new ReadingFormatException(field + ": " + time + " is not a plausible reading time (from " + EARLIEST
                    + " to before " + LATEST + ")", null);
        }
    }

    /** The instant at the parser's current token: the usual UTC text directly, anything else as JavaTimeModule reads it. */
    private static Instant instant(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) return null;
        if (token == JsonToken.VALUE_STRING) {
            Instant usual = UtcText.instant(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (usual != null) return usual;
        }
        return MAPPER.readValue(parser, Instant.class);
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
