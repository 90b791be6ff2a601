package io.plumeline.edge.gaps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gap record on the topic {@code plumeline.gaps} (key = server id): the interval in which a server's
 * readings did not reach the collector, and the tags concerned. Large tag lists are split into parts of at
 * most {@link #TAGS_PER_RECORD} tags, so that a record stays well below Kafka's message size limit.
 */
public final class GapRecord {

    static final int TAGS_PER_RECORD = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GapRecord() {
    }

    /** The JSON documents of one gap, one per part. */
    static List<byte[]> toJson(String site, String server, String gapId, Outage outage, Instant from, Instant to,
            List<String> tags, Instant closedAt) {
        List<byte[]> parts = new ArrayList<>();
        int count = Math.max(1, (tags.size() + TAGS_PER_RECORD - 1) / TAGS_PER_RECORD);
        for (int i = 0; i < count; i++) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("v", 1);
            doc.put("type", "gap");
            doc.put("id", gapId);
            doc.put("site", site);
            doc.put("server", server);
            doc.put("reason", outage.reason);
            doc.put("from", from.toString());
            doc.put("to", to.toString());
            doc.put("noticedAt", outage.noticedAt.toString());
            doc.put("closedAt", closedAt.toString());
            doc.put("part", i + 1);
            doc.put("parts", count);
            doc.put("tags", tags.subList(i * TAGS_PER_RECORD, Math.min(tags.size(), (i + 1) * TAGS_PER_RECORD)));
            parts.add(bytes(doc));
        }
        return parts;
    }

    /**
     * What backfill recovered for a gap: published once it finished. {@code interrupted} are the tags whose
     * read-back was cut off (the link went during it): they are read back with the next gap of the server,
     * which has the same id when it starts at the same reading.
     */
    static byte[] backfillJson(String site, String server, String gapId, long readings, List<String> unsupported,
            List<String> failed, List<String> interrupted) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("v", 1);
        doc.put("type", "backfill");
        doc.put("id", gapId);
        doc.put("site", site);
        doc.put("server", server);
        doc.put("readings", readings);
        doc.put("historyUnsupported", unsupported.subList(0, Math.min(unsupported.size(), TAGS_PER_RECORD)));
        doc.put("historyUnsupportedCount", unsupported.size());
        doc.put("failed", failed.subList(0, Math.min(failed.size(), TAGS_PER_RECORD)));
        doc.put("failedCount", failed.size());
        doc.put("interrupted", interrupted.subList(0, Math.min(interrupted.size(), TAGS_PER_RECORD)));
        doc.put("interruptedCount", interrupted.size());
        return bytes(doc);
    }

    /**
     * The spool file was damaged and moved aside at start: records it still held and could not be read are
     * lost, and the time they cover is unknown (key = site id).
     */
    public static byte[] spoolDamagedJson(String site, String movedTo, Instant at) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("v", 1);
        doc.put("type", "spool-damaged");
        doc.put("site", site);
        doc.put("movedTo", movedTo);
        doc.put("at", at.toString());
        return bytes(doc);
    }

    private static byte[] bytes(Map<String, Object> doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
