package io.plumeline.hj212.packet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Cuts a TCP byte stream into HJ 212 frames at CRLF. A frame longer than any the standard allows (## + 4 + 1024 + 4
 * + CRLF) is cut off and handed on as it is, so that the parser names it instead of the reader waiting for ever.
 */
public final class FrameReader {

    private static final int MAX_FRAME = 2 + 4 + 1024 + 4 + 2;

    private final InputStream in;
    /** What came before a read timed out belongs to the next frame. */
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private int previous = -1;

    public FrameReader(InputStream in) {
        this.in = in;
    }

    /** The next frame with its CRLF; empty at the end of the stream. A read timeout keeps the part read so far. */
    public Optional<String> next() throws IOException {
        for (int b = in.read(); b >= 0; b = in.read()) {
            frame.write(b);
            if (previous == '\r' && b == '\n' || frame.size() >= MAX_FRAME) {
                String text = frame.toString(StandardCharsets.US_ASCII);
                frame.reset();
                previous = -1;
                return Optional.of(text);
            }
            previous = b;
        }
        return Optional.empty();
    }
}
