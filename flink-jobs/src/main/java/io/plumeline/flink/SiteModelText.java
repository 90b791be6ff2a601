package io.plumeline.flink;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site model as the text of its file: core's model is not Serializable, so functions carry the text. It is
 * parsed and validated once per process (in main, and once in each task manager), and every operator then takes
 * that model with its indexes: the text was validated in main, so parsing it again cannot fail.
 */
public record SiteModelText(String yaml, String origin) implements Serializable {

    /** By text: a task manager running several jobs (or tests) keeps one model per distinct file. */
    private static final Map<String, SiteModel> PARSED = new ConcurrentHashMap<>();

    public static SiteModelText read(Path file) {
        try {
            SiteModelText text = new SiteModelText(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            text.model();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the site model " + file, e);
        }
    }

    public SiteModel model() {
        SiteModel model = PARSED.get(yaml);
        if (model == null) {
            model = SiteModelLoader.parse(yaml, origin);
            PARSED.putIfAbsent(yaml, model);
        }
        return model;
    }
}
