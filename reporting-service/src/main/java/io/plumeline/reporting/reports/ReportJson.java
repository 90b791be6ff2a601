package io.plumeline.reporting.reports;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of stored report content and of the JSON files, fixed here rather than taken from the
 * application's mapper, so that a configuration change cannot change the bytes of a file already issued.
 */
final class ReportJson {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static ReportContent content(String json) {
        return MAPPER.readValue(json, ReportContent.class);
    }
}
