package io.plumeline.hj212.packet;

/** A packet that does not follow the standard; the message names what is wrong and where. */
public final class PacketException extends RuntimeException {

    public PacketException(String message) {
        super(message);
    }
}
