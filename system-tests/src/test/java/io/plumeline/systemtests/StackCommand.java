package io.plumeline.systemtests;

import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.JavaModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./plumeline demo|run} as a user runs it, minus the build step: the local stack's main class in its
 * own JVM from the repository root, on the standard ports of docs/contracts.md §4 (8086, 9092, 8080).
 */
final class StackCommand implements AutoCloseable {

    static final Api API = new Api("http://127.0.0.1:8080");

    private final ChildProcess process;

    private StackCommand(ChildProcess process) {
        this.process = process;
    }

    static StackCommand start(Path output, String... args) {
        List<String> command = new JavaModule(Services.ROOT, "local-stack", "io.plumeline.stack.LocalStack")
                .command(List.of("-Xmx256m"), List.of(args));
        return new StackCommand(ChildProcess.start("plumeline " + args[0], command, Services.ROOT, output));
    }

    int awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    String output() {
        try {
            return Files.readString(process.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(60));
    }
}
