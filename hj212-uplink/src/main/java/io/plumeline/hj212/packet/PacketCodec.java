package io.plumeline.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame of HJ 212 (§6.3.1): {@code ##} + the data segment's length as 4 decimal digits + the data segment +
 * its {@link Crc16} as 4 hex digits + CRLF. Pure functions; the edition's rules come from its {@link Dialect}.
 */
public final class PacketCodec {

    private static final String HEADER = "##";
    private static final String END = "\r\n";
    private static final String CP_OPEN = "CP=&&";
    private static final String CP_CLOSE = "&&";

    private PacketCodec() {
    }

    /** The frame, CRLF included. */
    public static String encode(Packet packet, Dialect dialect) {
        String data = dataSegment(packet);
        int length = data.getBytes(StandardCharsets.US_ASCII).length;
        if (length > dialect.maxDataLength()) {
            throw new PacketException("data segment of " + length + " bytes: " + dialect.name() + " allows at most "
                    + dialect.maxDataLength() + "; split the packet");
        }
        return HEADER + String.format("%04d", length) + data + Crc16.hex(data) + END;
    }

    static String dataSegment(Packet p) {
        StringBuilder out = new StringBuilder();
        if (p.qn() != null) out.append("QN=").append(p.qn()).append(';');
        out.append("ST=").append(p.st()).append(";CN=").append(p.cn()).append(";PW=").append(p.pw())
                .append(";MN=").append(p.mn()).append(";Flag=").append(p.flag().bits()).append(';');
        if (p.flag().split()) out.append("PNUM=").append(p.pnum()).append(";PNO=").append(p.pno()).append(';');
        String data = out.append(CP_OPEN).append(p.cp().text()).append(CP_CLOSE).toString();
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(data)) {
            throw new PacketException("data segment '" + data + "': only ASCII characters can be sent");
        }
        return data;
    }

    /** Parses one frame (with or without its CRLF) and checks it against the edition its Flag names. */
    public static Packet parse(String frame) {
        String f = frame.endsWith(END) ? frame.substring(0, frame.length() - END.length()) : frame;
        if (!f.startsWith(HEADER)) throw new PacketException("frame does not start with ##: '" + excerpt(f) + "'");
        if (f.length() < 2 + 4 + 4) throw new PacketException("frame of " + f.length() + " characters is too short for ##, length and CRC");
        String lengthText = f.substring(2, 6);
        if (!lengthText.chars().allMatch(Character::isDigit)) {
            throw new PacketException("length '" + lengthText + "' after ## is not 4 decimal digits");
        }
        int declared = Integer.parseInt(lengthText);
        int actual = f.length() - 6 - 4;
        if (declared != actual) {
            throw new PacketException("length " + lengthText + " does not match the data segment's " + actual + " bytes");
        }
        String data = f.substring(6, 6 + declared);
        String crc = f.substring(6 + declared);
        if (!crc.matches("[0-9A-Fa-f]{4}")) throw new PacketException("CRC '" + crc + "' is not 4 hex digits", "CRC");
        if (Integer.parseInt(crc, 16) != Crc16.of(data)) {
            throw new PacketException("CRC " + crc + " is wrong: the data segment's is " + Crc16.hex(data), "CRC");
        }
        return fields(data);
    }

    /**
     * The header fields of a frame as written, without checking length, CRC, order or limits: what a receiver still
     * needs from a frame it refuses, to answer it (its QN) and to tell a reply from a request (its CN). Empty when
     * the frame is not {@code ##…}.
     */
    public static Map<String, String> looseHeader(String frame) {
        String f = frame.endsWith(END) ? frame.substring(0, frame.length() - END.length()) : frame;
        if (!f.startsWith(HEADER) || f.length() < 2 + 4 + 4) return Map.of();
        String data = f.substring(6, f.length() - 4);
        int cpAt = data.indexOf(CP_OPEN);
        Map<String, String> header = new LinkedHashMap<>();
        for (String pair : (cpAt < 0 ? data : data.substring(0, cpAt)).split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) header.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return header;
    }

    private static Packet fields(String data) {
        int cpAt = data.indexOf(CP_OPEN);
        if (cpAt < 0) throw new PacketException("missing field CP (CP=&&…&&)");
        if (!data.endsWith(CP_CLOSE) || data.length() < cpAt + CP_OPEN.length() + CP_CLOSE.length()) {
            throw new PacketException("CP is not closed by && at the end of the data segment");
        }
        Map<String, String> header = new LinkedHashMap<>();
        for (String pair : data.substring(0, cpAt).split(";")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new PacketException("header '" + pair + "' is not key=value");
            if (header.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new PacketException("field " + pair.substring(0, eq) + " is given twice");
            }
        }
        if (!header.containsKey("Flag")) throw new PacketException("missing field Flag", "Flag");
        header.put("CP", data.substring(cpAt + CP_OPEN.length(), data.length() - CP_CLOSE.length()));
        Flag flag = flag(header.get("Flag"));
        Dialect dialect = Dialect.forVersion(flag.version()).orElseThrow(() -> new PacketException("Flag "
                + header.get("Flag") + ": version bits " + flag.version() + " name no edition this codec speaks (HJ 212-2017 is 1)", "Flag"));
        checkFields(header, flag, dialect);
        return new Packet(header.get("QN"), header.get("ST"), header.get("CN"), header.get("PW"), header.get("MN"), flag,
                integer(header, "PNUM"), integer(header, "PNO"), Cp.parse(header.get("CP")));
    }

    private static void checkFields(Map<String, String> header, Flag flag, Dialect dialect) {
        List<String> order = dialect.fieldOrder();
        for (String required : dialect.requiredFields()) {
            if (!header.containsKey(required)) throw new PacketException("missing field " + required, required);
        }
        if (flag.split() && !(header.containsKey("PNUM") && header.containsKey("PNO"))) {
            throw new PacketException("Flag " + flag.bits() + " says the packet is split, but PNUM or PNO is missing", "Flag");
        }
        List<String> seen = new ArrayList<>(header.keySet());
        for (String key : seen) {
            if (!order.contains(key)) throw new PacketException("unknown field " + key + "; " + dialect.name() + " has " + order);
        }
        List<String> expected = order.stream().filter(header::containsKey).toList();
        if (!seen.equals(expected)) {
            throw new PacketException("bad field order " + seen + ": " + dialect.name() + " requires " + expected);
        }
        header.forEach((key, value) -> dialect.maxLength(key).filter(max -> value.length() > max).ifPresent(max -> {
            throw new PacketException("field " + key + "='" + value + "' is longer than " + max + " characters", key);
        }));
    }

    private static Flag flag(String text) {
        try {
            return Flag.of(Integer.parseInt(text));
        } catch (IllegalArgumentException e) {
            throw new PacketException("Flag '" + text + "' is not a number 0..255", "Flag");
        }
    }

    private static Integer integer(Map<String, String> header, String key) {
        String text = header.get(key);
        if (text == null) return null;
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new PacketException("field " + key + "='" + text + "' is not a number", key);
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
