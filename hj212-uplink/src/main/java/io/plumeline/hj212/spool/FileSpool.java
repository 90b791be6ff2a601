package io.plumeline.hj212.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A durable queue of packets in the order they were made, one line each, for one stack and platform. A packet is
 * appended to {@code packets-<generation>.log} and fsynced before {@link #append} returns, so it survives SIGKILL and
 * a power cut; {@code acked} holds the generation and the byte offset up to which the platform acknowledged, replaced
 * atomically. When everything is acknowledged and the log has grown past {@code compactBytes}, a new generation
 * starts empty and the old log is deleted: the {@code acked} file names the generation, so a crash at any point of
 * that leaves either the old log with its offset or the new one. A line cut short by a crash mid-write was never
 * handed on as spooled, and is dropped when the spool opens.
 */
public final class FileSpool implements AutoCloseable {

    private static final String ACKED = "acked";

    private record Entry(String line, long end) {
    }

    private final Path dir;
    private final long compactBytes;
    private final Deque<Entry> pending = new ArrayDeque<>();
    private long generation;
    private long ackedOffset;
    private long size;
    private String last;
    private FileChannel log;

    public FileSpool(Path dir, long compactBytes) {
        this.dir = dir;
        this.compactBytes = compactBytes;
        try {
            Files.createDirectories(dir);
            readAcked();
            openLog();
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + dir + ": " + e.getMessage(), e);
        }
    }

    private void readAcked() throws IOException {
        Path acked = dir.resolve(ACKED);
        if (!Files.exists(acked)) return;
        String[] parts = Files.readString(acked).trim().split(" ");
        generation = Long.parseLong(parts[0]);
        ackedOffset = Long.parseLong(parts[1]);
    }

    private Path logFile() {
        return dir.resolve("packets-" + generation + ".log");
    }

    private void openLog() throws IOException {
        log = FileChannel.open(logFile(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        byte[] bytes = Files.readAllBytes(logFile());
        int complete = bytes.length;
        while (complete > 0 && bytes[complete - 1] != '\n') complete--;
        if (complete < bytes.length) {
            log.truncate(complete);
            log.force(true);
        }
        size = complete;
        int start = 0;
        for (int i = 0; i < complete; i++) {
            if (bytes[i] != '\n') continue;
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            last = line;
            if (i + 1 > ackedOffset) pending.addLast(new Entry(line, i + 1));
            start = i + 1;
        }
        log.position(size);
    }

    /** Appends a packet (one line, no line break in it) and returns once it is on disk. */
    public synchronized void append(String line) {
        append(List.of(line));
    }

    /**
     * Appends packets (the parts of one split packet) with one write, so that a stopped process leaves all of them or
     * none, and returns once they are on disk.
     */
    public synchronized void append(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) throw new IllegalArgumentException("a spooled packet has no line break");
            text.append(line).append('\n');
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) log.write(buffer);
            log.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + dir + ": cannot append: " + e.getMessage(), e);
        }
        for (String line : lines) {
            size += (line + "\n").getBytes(StandardCharsets.UTF_8).length;
            last = line;
            pending.addLast(new Entry(line, size));
        }
        notifyAll();
    }

    /** The oldest packet not yet acknowledged, waiting up to {@code timeoutMs} for one. */
    public synchronized Optional<String> head(long timeoutMs) throws InterruptedException {
        if (pending.isEmpty() && timeoutMs > 0) wait(timeoutMs);
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending.peekFirst().line());
    }

    /** The head is acknowledged (or set aside): it is not sent again, even after a restart. */
    public synchronized void ack() {
        Entry head = pending.removeFirst();
        try {
            ackedOffset = head.end();
            AtomicFile.write(dir.resolve(ACKED), generation + " " + ackedOffset);
            if (pending.isEmpty() && size >= compactBytes) compact();
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + dir + ": cannot record the acknowledgement: " + e.getMessage(), e);
        }
    }

    private void compact() throws IOException {
        Path old = logFile();
        log.close();
        generation++;
        ackedOffset = 0;
        size = 0;
        log = FileChannel.open(logFile(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        log.force(true);
        AtomicFile.write(dir.resolve(ACKED), generation + " 0");
        Files.deleteIfExists(old);
    }

    /** The packets waiting, oldest first. */
    public synchronized List<String> pending() {
        return pending.stream().map(Entry::line).toList();
    }

    public synchronized int depth() {
        return pending.size();
    }

    /** The newest packet the log still holds, acknowledged or not (empty after a compaction). */
    public synchronized Optional<String> last() {
        return Optional.ofNullable(last);
    }

    @Override
    public synchronized void close() {
        try {
            log.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
