package io.plumeline.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A runnable module of the reactor, launched as {@code java -cp <module>/target/classes:<runtime.classpath>
 * <mainClass> <flags>}; the parent POM's {@code runnable} profile writes {@code target/runtime.classpath}
 * for modules that have the {@code plumeline-runnable} marker.
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
        try {
            String dependencies = Files.readString(runtime).trim();
            return dependencies.isEmpty() ? classes.toString() : classes + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new StackException("cannot read " + runtime + ": " + e.getMessage(), e);
        }
    }
}
