package io.plumeline.systemtests;

import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.JavaModule;
import java.nio.file.Path;
import java.util.List;

/** Launches Plumeline's services the way the local stack does: each module as its own JVM from its target/ folder. */
final class Services {

    static final Path ROOT = Path.of(System.getProperty("plumeline.root", "..")).toAbsolutePath().normalize();

    private Services() {
    }

    static ChildProcess launch(String module, String mainClass, Path logDir, String... args) {
        List<String> command = new JavaModule(ROOT, module, mainClass).command(List.of("-Xmx512m"), List.of(args));
        return ChildProcess.start(module, command, ROOT, logDir.resolve(module + ".log"));
    }
}
