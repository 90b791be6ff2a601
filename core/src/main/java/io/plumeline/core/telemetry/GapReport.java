package io.plumeline.core.telemetry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A record of the topic {@code plumeline.gaps} as the edge collector writes it (docs/processes.md, "Gaps and
 * backfill"), as far as the accounting needs it: a {@link Type#GAP} names the interval in which the readings of its
 * {@code tags} did not reach the collector (one part of at most 1,000 tags; the parts share the {@code id}), a
 * {@link Type#BACKFILL} says that the read-back of the gap with the same {@code id} is done and what it recovered.
 * Other types ({@code spool-damaged}) name no interval of any tag: {@link Type#OTHER}. {@code detail}: the gap's
 * reason ({@code connection-lost}, …), or what the backfill recovered.
 */
public record GapReport(Type type, String id, String site, String server, Instant from, Instant to, List<String> tags,
                        String detail) {

    public enum Type { GAP, BACKFILL, OTHER }

    private static final ObjectMapper JSON = new ObjectMapper();

    public GapReport {
        tags = List.copyOf(tags);
    }

    /** Reads one record; anything a gap or backfill record needs and lacks is refused with the field named. */
    public static GapReport parse(byte[] json) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ReadingFormatException("gap record: not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new ReadingFormatException("gap record: unreadable (" + e.getMessage() + ")", e);
        }
        if (doc == null || !doc.isObject()) throw new ReadingFormatException("gap record: not a JSON object", null);
        if (doc.path("v").asInt() != 1) throw new ReadingFormatException("gap record: v " + doc.path("v") + " (1 is read)", null);
        String type = text(doc, "type");
        String site = text(doc, "site");
        if (type.equals("backfill")) {
            return new GapReport(Type.BACKFILL, text(doc, "id"), site, text(doc, "server"), null, null, List.of(),
                    doc.path("readings").asLong() + " readings read back"
                            + count(doc, "historyUnsupportedCount", " without history on the server")
                            + count(doc, "failedCount", " failed") + count(doc, "interruptedCount", " interrupted"));
        }
        if (!type.equals("gap")) return new GapReport(Type.OTHER, null, site, null, null, null, List.of(), null);
        Instant from = instant(doc, "from");
        Instant to = instant(doc, "to");
        if (to.isBefore(from)) throw new ReadingFormatException("gap record: to " + to + " is before from " + from, null);
        JsonNode tags = doc.path("tags");
        if (!tags.isArray()) throw new ReadingFormatException("gap record: tags is not a list", null);
        List<String> names = new ArrayList<>();
        tags.forEach(t -> names.add(t.asText()));
        return new GapReport(Type.GAP, text(doc, "id"), site, text(doc, "server"), from, to, names,
                text(doc, "reason"));
    }

    private static String text(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ReadingFormatException("gap record: " + field + " missing or not a text", null);
        }
        return value.asText();
    }

    private static Instant instant(JsonNode doc, String field) {
        String text = text(doc, field);
        try {
            Instant at = Instant.parse(text);
            if (at.isBefore(ReadingJson.EARLIEST) || !at.isBefore(ReadingJson.LATEST)) {
                throw new ReadingFormatException("gap record: " + field + " " + text + " is outside ["
                        + ReadingJson.EARLIEST + ", " + ReadingJson.LATEST + ")", null);
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new ReadingFormatException("gap record: " + field + " '" + text + "' is not an ISO-8601 instant", e);
        }
    }

    private static String count(JsonNode doc, String field, String what) {
        long n = doc.path(field).asLong();
        return n == 0 ? "" : ", " + n + " tags" + what;
    }
}
