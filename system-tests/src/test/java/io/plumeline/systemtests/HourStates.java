package io.plumeline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every distinct state the reporting API showed of each hourly row, in the order polls saw them. A row is
 * overwritten in place as the job revises its hour, so a state that lasts less than a poll may never be seen: a
 * test can rely on the states that last, and on the last one.
 */
final class HourStates {

    /** The fields of a row that change when the job computes its hour again. */
    private static final List<String> FIELDS = List.of("massKg", "availabilityPct", "substituted", "lateCount",
            "backfillPending");

    private final Map<Instant, List<JsonNode>> seen = new TreeMap<>();
    private final Map<Instant, JsonNode> latest = new TreeMap<>();

    /** Takes the {@code rows} of a {@code /api/v1/emissions} answer. */
    void record(JsonNode rows) {
        for (JsonNode row : rows) {
            Instant hour = Instant.parse(row.path("start").asText());
            ObjectNode state = ((ObjectNode) row).objectNode();
            FIELDS.forEach(field -> state.set(field, row.path(field)));
            List<JsonNode> states = seen.computeIfAbsent(hour, h -> new ArrayList<>());
            if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) states.add(state);
            latest.put(hour, row);
        }
    }

    /** The states of the hour in the order seen; empty while it has no row. */
    List<JsonNode> of(Instant hour) {
        return seen.getOrDefault(hour, List.of());
    }

    /** The whole row as last seen, or null. */
    JsonNode latest(Instant hour) {
        return latest.get(hour);
    }

    @Override
    public String toString() {
        return seen.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n  ", "states seen per hour:\n  ", ""));
    }
}
