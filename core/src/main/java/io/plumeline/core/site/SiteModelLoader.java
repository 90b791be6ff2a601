package io.plumeline.core.site;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumeline.core.lineage.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a site model file and refuses every mistake with the path where it is: unknown keys, unknown units,
 * dangling references, duplicate ids, bad node ids, unsolvable cycles.
 */
public final class SiteModelLoader {

    /**
     * SnakeYAML refuses documents over 3 MB by default (its code-point limit); a site of 50,000 tags is about
     * 10 MB of YAML. The limit guards against untrusted input, and a site model is the operator's own file.
     */
    static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(loaderOptions()).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SiteModelLoader() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    public static SiteModel load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new SiteModelException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
    }

    /** Parses and validates a site model held in {@code yaml}; {@code origin} names it in error messages. */
    public static SiteModel parse(String yaml, String origin) {
        SiteModel model;
        try {
            model = YAML.readValue(yaml, SiteModel.class);
        } catch (JacksonException e) {
            throw new SiteModelException(origin, List.of(describe(e)));
        }
        if (model == null) {
            throw new SiteModelException(origin, List.of("the file is empty"));
        }
        List<String> problems = new SiteModelValidator(model).problems();
        if (!problems.isEmpty()) {
            throw new SiteModelException(origin, problems);
        }
        return model;
    }

    /** SHA-256 of the file's bytes: names the exact site model a result was computed under. */
    public static String contentHash(Path file) {
        try {
            return Sha256.hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(JacksonException e) {
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        if (e instanceof UnrecognizedPropertyException u) {
            String at = path(u.getPath().subList(0, u.getPath().size() - 1));
            return (at.isEmpty() ? "" : at + ": ") + "unknown key '" + u.getPropertyName() + "'" + where
                    + "; known keys: " + u.getKnownPropertyIds();
        }
        String message = e.getOriginalMessage();
        return (path.isEmpty() ? "" : path + ": ") + firstLine(message) + where;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
