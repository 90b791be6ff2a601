package io.plumeline.flink;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumeline.stack.InfluxDbServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the tests read back from InfluxDB, as rows of column name → value. */
final class InfluxQueries {

    private final InfluxDbServer influx;
    private final String database;

    InfluxQueries(InfluxDbServer influx, String database) {
        this.influx = influx;
        this.database = database;
    }

    List<Map<String, JsonNode>> rows(String influxQl) {
        JsonNode series = influx.query(database, influxQl).path("results").path(0).path("series");
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode s : series) {
            for (JsonNode values : s.path("values")) {
                Map<String, JsonNode> row = new HashMap<>();
                for (int i = 0; i < s.path("columns").size(); i++) row.put(s.path("columns").get(i).asText(), values.get(i));
                rows.add(row);
            }
        }
        return rows;
    }

    /** Every telemetry point of a tag: time → value (null when the point has no value field). */
    Map<Instant, Double> telemetry(String tag) {
        Map<Instant, Double> points = new HashMap<>();
        for (Map<String, JsonNode> row : rows("SELECT \"value\", \"status\" FROM \"raw\".\"telemetry\" WHERE \"tag\" = '"
                + tag.replace("'", "\\'") + "'")) {
            JsonNode value = row.get("value");
            points.put(Instant.parse(row.get("time").asText()), value.isNull() ? null : value.asDouble());
        }
        return points;
    }

    /** Points of the measurement, in the retention policy the job writes it to, that have the field; 0 before any. */
    long count(String measurement, String field) {
        try {
            return influx.query(database, "SELECT count(\"" + field + "\") FROM " + qualified(measurement))
                    .path("results").path(0).path("series").path(0).path("values").path(0).path(1).asLong(0);
        } catch (RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().contains("not found")) return 0;
            throw e;
        }
    }

    /** {@code "raw"."telemetry"}: every query names the retention policy, as the reporting service must. */
    static String qualified(String measurement) {
        String rp = switch (measurement) {
            case "telemetry", "late_readings", "emission_rate" -> "raw";
            default -> "forever";
        };
        return "\"" + rp + "\".\"" + measurement + "\"";
    }
}
