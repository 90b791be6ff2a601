package io.plumeline.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A runnable module of the reactor, launched as {@code java -cp <module>/target/classes:<runtime.classpath>
 * [:<provided.classpath>] <mainClass> <flags>}; the parent POM's {@code runnable} profile writes both files
 * for modules that have the {@code plumeline-runnable} marker (provided jars: Flink's runtime, which a
 * cluster supplies and a local run needs).
 */
public record JavaModule(Path repository, String module, String mainClass) {

    public List<String> command(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(KafkaBroker.javaBinary().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    String classpath() {
        Path moduleDir = repository.resolve(module);
        Path classes = moduleDir.resolve("target/classes");
        Path runtime = moduleDir.resolve("target/runtime.classpath");
        for (Path needed : List.of(classes, runtime)) {
            if (!Files.exists(needed)) {
                throw new StackException(module + " is not built: " + needed + " is missing. ./plumeline demo"
                        + " or run builds it (or ./mvnw -B install -DskipTests; the module needs the marker"
                        + " src/main/resources/plumeline-runnable for runtime.classpath).");
            }
        }
        List<String> entries = new ArrayList<>(List.of(classes.toString()));
        entries.add(read(runtime));
        Path provided = moduleDir.resolve("target/provided.classpath");
        if (Files.exists(provided)) {
            entries.add(read(provided));
        }
        entries.removeIf(String::isEmpty);
        return String.join(File.pathSeparator, entries);
    }

    private static String read(Path classpathFile) {
        try {
            return Files.readString(classpathFile).trim();
        } catch (IOException e) {
            throw new StackException("cannot read " + classpathFile + ": " + e.getMessage(), e);
        }
    }
}
