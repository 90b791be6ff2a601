package io.plumeline.core.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every module's production code names a topic, measurement, field or ready line through this package
 * (docs/contracts.md): the test reads each module's {@code src/main/java} and fails on a string literal that spells
 * one itself. Literals that are exactly a topic, measurement, ready line or multi-word key, or begin with a ready
 * line, are refused, and so is any key or measurement quoted as an InfluxQL identifier ({@code \"mass_kg\"}) in a
 * literal that is no JSON ({@code {\"value\": 1}} is the API's, not InfluxDB's); a one-word key alone
 * ({@code "site"}) is also a JSON or CLI word and is left to review.
 */
class ContractSpellingTest {

    private static final Path CONTRACTS = Path.of("core/src/main/java/io/plumeline/core/contracts");
    /** Literals that spell a contract name but mean something else, each with where and why. */
    private static final Map<String, Set<String>> NOT_CONTRACT_NAMES = Map.of(
            // a column of the report database's table (V1__reports_and_audit_log.sql), not the InfluxDB field
            "reporting-service/src/main/java/io/plumeline/reporting/reports/ReportRepository.java", Set.of("co2e_kg"));

    @Test
    void noModuleSpellsAContractNameOfItsOwn() {
        Path root = repositoryRoot();
        List<String> exact = new ArrayList<>(constants(Topics.class));
        exact.addAll(Arrays.stream(Measurement.values()).map(Measurement::id).toList());
        exact.addAll(constants(Keys.class).stream().filter(k -> k.contains("_")).toList());
        List<String> prefixes = constants(ReadyLines.class);
        List<String> identifiers = new ArrayList<>(constants(Keys.class));
        identifiers.addAll(Arrays.stream(Measurement.values()).map(Measurement::id).toList());

        List<String> misspelt = new ArrayList<>();
        for (Path file : productionSources(root)) {
            for (JavaStringLiterals.Literal literal : JavaStringLiterals.of(read(file))) {
                String text = literal.text();
                boolean own = exact.contains(text)
                        || prefixes.stream().anyMatch(text::startsWith)
                        || !text.contains("{") && identifiers.stream().anyMatch(k -> text.contains("\\\"" + k + "\\\""));
                String where = root.relativize(file).toString().replace('\\', '/');
                if (own && !NOT_CONTRACT_NAMES.getOrDefault(where, Set.of()).contains(text)) {
                    misspelt.add(where + ":" + literal.line() + " \"" + text + "\"");
                }
            }
        }
        assertThat(misspelt).as("literals to replace with io.plumeline.core.contracts").isEmpty();
    }

    @Test
    void theScanFindsALiteralThatSpellsAContractName() {
        String source = """
                class X { // "plumeline.telemetry" in a comment is fine
                  String q = "SELECT \\"mass_kg\\" FROM x"; String t = "plumeline.gaps";
                }
                """;
        assertThat(JavaStringLiterals.of(source)).extracting(JavaStringLiterals.Literal::text)
                .containsExactly("SELECT \\\"mass_kg\\\" FROM x", "plumeline.gaps");
    }

    private static List<Path> productionSources(Path root) {
        try (Stream<Path> files = Files.walk(root, 6)) {
            List<Path> mainDirs = files.filter(p -> p.endsWith(Path.of("src/main/java")) && Files.isDirectory(p)).toList();
            List<Path> sources = new ArrayList<>();
            for (Path dir : mainDirs) {
                try (Stream<Path> java = Files.walk(dir)) {
                    java.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> !root.relativize(p).startsWith(CONTRACTS))
                            .forEach(sources::add);
                }
            }
            assertThat(mainDirs).as("module source folders under " + root).hasSizeGreaterThan(5);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("plumeline"))) dir = dir.getParent();
        assertThat(dir).as("the repository root (the folder holding ./plumeline) above the working directory").isNotNull();
        return dir;
    }

    private static List<String> constants(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    values.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
