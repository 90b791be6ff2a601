package io.plumeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart helm/plumeline driven through helm-java's bundled helm: lint, template, and the rendered documents. */
final class Chart {

    static final String RELEASE = "plm";
    static final String NAMESPACE = "plumeline";
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Path dir;

    private Chart(Path dir) {
        this.dir = dir;
    }

    /** The chart of this checkout; the build passes its folder, a run from the IDE finds it from the module. */
    static Chart plumeline() {
        String configured = System.getProperty("plumeline.chart");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "helm", "plumeline");
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no Helm chart at " + dir.toAbsolutePath() + " (Chart.yaml missing)");
        }
        return new Chart(dir.toAbsolutePath().normalize());
    }

    Path dir() {
        return dir;
    }

    Path productionValues() {
        return dir.resolve("values-production.yaml");
    }

    LintResult lint() {
        return new Helm(dir).lint().strict().call();
    }

    /**
     * Lints the chart as it is with {@code values} given on top of its defaults. helm-java's lint takes no values
     * file, so a copy of the chart gets the merged values as its values.yaml (helm's rules: maps merge, anything
     * else replaces, null removes).
     */
    LintResult lintWith(Path values, Path workDir) {
        Path copy = workDir.resolve("plumeline");
        copyTree(dir, copy);
        ObjectNode merged = (ObjectNode) read(dir.resolve("values.yaml"));
        merge(merged, read(values));
        write(copy.resolve("values.yaml"), merged);
        return new Helm(copy).lint().strict().call();
    }

    /** helm template with the values files and --set pairs, in order; throws when helm refuses. */
    Rendered template(List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand command = new Helm(dir).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) command = command.withValuesFile(file);
        for (Map.Entry<String, String> set : sets.entrySet()) command = command.set(set.getKey(), set.getValue());
        return Rendered.parse(command.call());
    }

    Rendered template(Path... valuesFiles) {
        return template(List.of(valuesFiles), Map.of());
    }

    static JsonNode read(Path yaml) {
        try {
            return YAML.readTree(yaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }

    static void write(Path yaml, JsonNode node) {
        try {
            YAML.writeValue(yaml.toFile(), node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + yaml, e);
        }
    }

    private static void merge(ObjectNode base, JsonNode override) {
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = base.get(field.getKey());
            if (field.getValue().isNull()) {
                base.remove(field.getKey());
            } else if (current instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) Files.createDirectories(target);
                else Files.copy(path, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the chart to " + to, e);
        }
    }

    /** The documents helm rendered, parsed; the text is kept for scans. */
    record Rendered(String text, List<JsonNode> documents) {

        static Rendered parse(String text) {
            List<JsonNode> documents = new ArrayList<>();
            try (var parser = new YAMLFactory().createParser(text)) {
                var values = YAML.readValues(parser, JsonNode.class);
                while (values.hasNext()) {
                    JsonNode document = values.next();
                    if (document != null && !document.isNull() && !document.isMissingNode()) documents.add(document);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("helm rendered YAML that does not parse", e);
            }
            return new Rendered(text, List.copyOf(documents));
        }

        List<JsonNode> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        }

        JsonNode named(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(d -> name.equals(d.path("metadata").path("name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " among "
                            + ofKind(kind).stream().map(d -> d.path("metadata").path("name").asText()).toList()));
        }
    }
}
