package io.plumeline.core.chain;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example refinery, as is or with one edit, for the chain tests. */
final class Refinery {

    static final Path FILE = Path.of("../examples/sites/refinery.yaml");
    static final String CDU = "{id: cdu-1, name: Crude distillation unit}";
    static final String REFORMER = "{id: reformer-1, name: Catalytic reformer}";

    private Refinery() {
    }

    static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SiteModel model() {
        return SiteModelLoader.load(FILE);
    }

    /** The refinery with each {@code edits[i]} replaced by {@code edits[i + 1]}. */
    static String editedText(String... edits) {
        String text = text();
        for (int i = 0; i < edits.length; i += 2) {
            if (!text.contains(edits[i])) throw new AssertionError("the example refinery no longer contains " + edits[i]);
            text = text.replace(edits[i], edits[i + 1]);
        }
        return text;
    }

    static SiteModel edited(String... edits) {
        return SiteModelLoader.parse(editedText(edits), "refinery-edited.yaml");
    }
}
