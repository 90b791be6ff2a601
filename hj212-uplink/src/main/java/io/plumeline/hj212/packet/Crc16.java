package io.plumeline.hj212.packet;

import java.nio.charset.StandardCharsets;

/**
 * The checksum of HJ 212-2017 Annex A, over the data segment's bytes only (not "##", the length or the CRLF).
 * It is <em>not</em> Modbus CRC-16, though both use the reflected polynomial 0xA001 and start at 0xFFFF: Modbus
 * XORs each byte into the register's low byte ({@code reg ^= byte}), HJ 212 first shifts the register's high
 * byte down ({@code reg = (reg >> 8) ^ byte}), so the two give different values for the same text. The algorithm
 * as the Annex gives it and as field loggers implement it (xiaoyao9184/hj-t212-parser, {@code T212Parser.crc16Checkout};
 * a C# {@code HJ212CRC16Check.CRC16Checkout}; shared/reference/standards-and-users.md §2.1):
 * <pre>
 * reg = 0xFFFF
 * for each byte b:  reg = (reg >> 8) ^ b
 *                   8 times: lsb = reg &amp; 1; reg >>= 1; if lsb: reg ^= 0xA001
 * </pre>
 * and the packet carries it as four upper-case hex digits.
 */
public final class Crc16 {

    private Crc16() {
    }

    public static int of(String dataSegment) {
        int reg = 0xFFFF;
        for (byte b : dataSegment.getBytes(StandardCharsets.US_ASCII)) {
            reg = (reg >> 8) ^ (b & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean lsb = (reg & 1) != 0;
                reg >>= 1;
                if (lsb) reg ^= 0xA001;
            }
        }
        return reg;
    }

    /** The four hex digits the packet carries after the data segment. */
    public static String hex(String dataSegment) {
        return String.format("%04X", of(dataSegment));
    }
}
