package io.plumeline.reporting.influx;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One series of an InfluxQL result: its tag set (when grouped by tags), its columns and rows. */
public record Series(String name, Map<String, String> tags, List<String> columns, List<Row> rows) {

    public String tag(String key) {
        return tags.get(key);
    }

    /** One row; values are read by column name, numbers always as doubles (contract 3 writes numbers as doubles). */
    public record Row(List<String> columns, JsonNode values) {

        public Instant time() {
            return Instant.parse(values.get(columns.indexOf("time")).asString());
        }

        public Double number(String column) {
            JsonNode value = cell(column);
            return value == null || !value.isNumber() ? null : value.asDouble();
        }

        public Boolean bool(String column) {
            JsonNode value = cell(column);
            return value == null || !value.isBoolean() ? null : value.asBoolean();
        }

        public String text(String column) {
            JsonNode value = cell(column);
            return value == null || value.isNull() ? null : value.asString();
        }

        private JsonNode cell(String column) {
            int index = columns.indexOf(column);
            return index < 0 ? null : values.get(index);
        }
    }
}
