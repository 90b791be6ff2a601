package io.plumeline.flink;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The site model as the text of its file: core's model records are not Serializable, so functions carry
 * the text and parse it in {@code open()}. The text was validated in main, so parsing it again cannot fail.
 */
public record SiteModelText(String yaml, String origin) implements Serializable {

    public static SiteModelText read(Path file) {
        try {
            String yaml = Files.readString(file, StandardCharsets.UTF_8);
            SiteModelLoader.parse(yaml, file.toString());
            return new SiteModelText(yaml, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the site model " + file, e);
        }
    }

    public SiteModel parse() {
        return SiteModelLoader.parse(yaml, origin);
    }
}
