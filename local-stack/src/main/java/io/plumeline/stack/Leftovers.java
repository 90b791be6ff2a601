package io.plumeline.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The services of a run are recorded in {@code .plumeline/pids}. They run in sessions of their own, so a
 * launcher that was killed (SIGKILL, a closed terminal) leaves them running; the next run stops them
 * first instead of failing on busy ports.
 */
final class Leftovers {

    private final Path pidFile;
    private final Path root;

    Leftovers(StackLayout layout) {
        this.root = layout.root();
        this.pidFile = root.resolve("pids");
    }

    void record(ChildProcess process) {
        try {
            Files.createDirectories(root);
            Files.writeString(pidFile, process.pid() + "\t" + process.name() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StackException("cannot write " + pidFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops, newest first, the recorded processes that still run from this stack's folder (a pid that now
     * belongs to something else is left alone), then forgets them all.
     */
    void stopAll(PrintStream out) {
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(pidFile));
        } catch (IOException e) {
            throw new StackException("cannot read " + pidFile + ": " + e.getMessage(), e);
        }
        Collections.reverse(lines);
        for (String line : lines) {
            String[] fields = line.split("\t", 2);
            if (fields.length < 2 || !fields[0].matches("\\d+")) {
                continue;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(root.toString())).orElse(false));
            process.ifPresent(p -> stop(p, fields[1], out));
        }
        try {
            Files.delete(pidFile);
        } catch (IOException e) {
            throw new StackException("cannot delete " + pidFile + ": " + e.getMessage(), e);
        }
    }

    private static void stop(ProcessHandle process, String name, PrintStream out) {
        out.printf("  stopping %s (pid %d), left running by an earlier run%n", name, process.pid());
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
