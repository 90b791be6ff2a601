package io.plumeline.hj212.packet;

/**
 * The {@code Flag} field, bits {@code V5 V4 V3 V2 V1 V0 D A} (HJ 212-2017 §6.3.3): A (bit 0) asks the receiver to
 * acknowledge, D (bit 1) says the packet is one of several (PNUM/PNO present), V5..V0 (bits 2–7) name the edition
 * of the standard the packet follows ({@link Dialect#versionBits()}).
 */
public record Flag(int version, boolean ackRequested, boolean split) {

    static final int ACK = 1;
    static final int SPLIT = 2;

    public Flag {
        if (version < 0 || version > 63) throw new IllegalArgumentException("Flag version " + version + ": must be 0..63");
    }

    public static Flag of(int bits) {
        if (bits < 0 || bits > 255) throw new IllegalArgumentException("Flag " + bits + ": must be 0..255");
        return new Flag(bits >> 2, (bits & ACK) != 0, (bits & SPLIT) != 0);
    }

    public int bits() {
        return version << 2 | (split ? SPLIT : 0) | (ackRequested ? ACK : 0);
    }
}
