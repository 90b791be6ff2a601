package io.plumeline.reporting.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints the documentation lists ({@code docs/api.md}, and {@code docs/reports.md} where the reports are
 * documented), as "METHOD /path/{}" with path variables made anonymous, so that the tests walk what is promised.
 */
final class DocumentedEndpoints {

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) +(/api/v1/[^`?\\[ ]*)");

    private DocumentedEndpoints() {
    }

    static Set<String> all() {
        Set<String> endpoints = new LinkedHashSet<>();
        for (String name : new String[] {"api.md", "reports.md"}) {
            Path file = docs().resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = ROW.matcher(line);
                    if (m.find()) {
                        endpoints.add(normalize(m.group(1) + " " + m.group(2)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalStateException("no endpoint rows found in " + docs().resolve("api.md"));
        }
        return endpoints;
    }

    static String normalize(String endpoint) {
        return endpoint.replaceAll("\\{[^}]*}", "{}");
    }

    private static Path docs() {
        Path docs = Path.of("..", "docs").toAbsolutePath().normalize();
        if (!Files.isDirectory(docs)) {
            throw new IllegalStateException("the repository's docs folder is not at " + docs + " (run from reporting-service)");
        }
        return docs;
    }
}
