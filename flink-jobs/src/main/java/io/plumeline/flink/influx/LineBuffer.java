package io.plumeline.flink.influx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Line-protocol lines as the UTF-8 body of a write, each ending with '\n', in an array that grows and is
 * used again batch after batch (no text copy of the batch, no body built from it). '\n' never occurs inside a
 * multi-byte UTF-8 character, so the body can be cut and its lines counted by that byte.
 */
final class LineBuffer {

    private byte[] bytes = new byte[64 * 1024];
    private int length;
    private int points;

    /** Appends the line and its '\n'; returns the bytes added. */
    int append(String line) {
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        int added = utf8.length + 1;
        if (length + added > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + added));
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        bytes[length + utf8.length] = '\n';
        length += added;
        points++;
        return added;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    int points() {
        return points;
    }

    void clear() {
        length = 0;
        points = 0;
    }

    /** The last '\n' in {@code bytes[from..at]}, or -1. */
    static int lineEndAtOrBefore(byte[] bytes, int from, int at) {
        for (int i = at; i >= from; i--) {
            if (bytes[i] == '\n') return i;
        }
        return -1;
    }

    /** The first '\n' in {@code bytes[from..to)}, or -1. */
    static int lineEndAtOrAfter(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') return i;
        }
        return -1;
    }

    /** How many lines end in {@code bytes[from..to)}. */
    static int lines(byte[] bytes, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') lines++;
        }
        return lines;
    }
}
