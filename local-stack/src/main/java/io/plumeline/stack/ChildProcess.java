package io.plumeline.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A service running as a child process whose output goes to a log file. Failures name the log file and
 * quote its last lines, because that is where the reason is.
 */
public final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int TAIL_LINES = 15;

    private final String name;
    private final Process process;
    private final Path logFile;
    private long scannedTo;

    private ChildProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.scannedTo = logStart;
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code logFile}. The child gets its own
     * session, so a Ctrl-C in the terminal reaches only the launcher, which then stops services in order.
     */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path logFile) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            Process process = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new ChildProcess(name, process, logFile, logStart);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or -1 while running. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Waits until the log shows a line matching {@code line}; fails if the process exits or time runs out. */
    public void awaitLogLine(Pattern line, Duration timeout) {
        awaitReady(() -> logContains(line), timeout, "did not log a line matching '" + line.pattern() + "'");
    }

    /** Waits until {@code ready} holds, polling; fails if the process exits first or time runs out. */
    public void awaitReady(BooleanSupplier ready, Duration timeout, String notReadyReason) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " while starting");
            }
            if (System.nanoTime() > deadline) {
                throw failure("was not ready after " + timeout.toSeconds() + " s: " + notReadyReason);
            }
            sleep(Duration.ofMillis(150));
        }
    }

    /** Whether a line matching {@code line} was logged since the last call (each line is looked at once). */
    public boolean logContains(Pattern line) {
        for (String logged : newLogLines()) {
            if (line.matcher(logged).find()) {
                return true;
            }
        }
        return false;
    }

    /** Waits for a process that is meant to end by itself (a one-shot tool). */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failure("did not finish within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StackException("interrupted while waiting for " + name, e);
        }
    }

    /**
     * SIGTERM, so the service flushes and closes cleanly; SIGKILL only if it is still there after
     * {@code grace}. Returns true when it stopped by itself.
     */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return false;
    }

    /** An error naming this service, what went wrong, the log file and its last lines. */
    public StackException failure(String what) {
        return new StackException(name + " " + what + ". See " + logFile + "; its last lines:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return last.isEmpty() ? "  (empty)" : "  | " + String.join("\n  | ", last);
        } catch (IOException | UncheckedIOException e) {
            return "  (cannot read it: " + e.getMessage() + ")";
        }
    }

    private List<String> newLogLines() {
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            if (length <= scannedTo) {
                return lines;
            }
            byte[] bytes = new byte[(int) Math.min(length - scannedTo, 8 * 1024 * 1024)];
            file.seek(scannedTo);
            file.readFully(bytes);
            int lastNewline = lastIndexOf(bytes, (byte) '\n');
            if (lastNewline < 0) {
                return lines;
            }
            scannedTo += lastNewline + 1;
            String text = new String(bytes, 0, lastNewline, StandardCharsets.UTF_8);
            lines.addAll(text.lines().toList());
        } catch (IOException e) {
            // Not created yet or briefly unreadable: the next poll looks again.
        }
        return lines;
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
