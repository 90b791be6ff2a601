package io.plumeline.hj212.packet;

import java.util.Optional;

/**
 * A packet that does not follow the standard; the message names what is wrong and where, and {@link #field()} the
 * header field at fault ({@code QN}, {@code ST}, {@code CN}, {@code PW}, {@code MN}, {@code Flag}, {@code PNUM},
 * {@code PNO}, or {@code CRC} for the checksum) when it is one, so that a request can be refused with the
 * {@link QnRtn} that names it.
 */
public final class PacketException extends RuntimeException {

    private final String field;

    public PacketException(String message) {
        this(message, null);
    }

    public PacketException(String message, String field) {
        super(message);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
