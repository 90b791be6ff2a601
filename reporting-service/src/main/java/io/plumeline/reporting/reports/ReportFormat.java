package io.plumeline.reporting.reports;

import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.QueryParameters;
import java.util.Arrays;
import java.util.List;

/** The files a report is exported as; {@code manifest} lists the others with their SHA-256 and the inputs. */
public enum ReportFormat {
    JSON("json", "application/json"),
    CSV("csv", "text/csv; charset=UTF-8"),
    XML("xml", "application/xml"),
    PDF("pdf", "application/pdf"),
    MANIFEST("manifest.json", "application/json");

    /** The files of a report's bundle, in the order the manifest lists them. */
    public static final List<ReportFormat> FILES = List.of(CSV, JSON, XML, PDF);

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String id() {
        return name().toLowerCase();
    }

    /** {@code json}, {@code csv}, {@code xml}, {@code pdf} and, where {@code withManifest}, {@code manifest}. */
    public static ReportFormat parse(String parameter, String value, boolean withManifest) {
        List<ReportFormat> allowed = withManifest ? List.of(values()) : FILES;
        String text = value == null || value.isBlank() ? "json" : value.strip();
        return allowed.stream().filter(f -> f.id().equals(text)).findFirst()
                .orElseThrow(() -> new BadParameterException(parameter, "unknown format '" + QueryParameters.shorten(text)
                        + "'; one of " + Arrays.toString(allowed.stream().map(ReportFormat::id).toArray())));
    }
}
