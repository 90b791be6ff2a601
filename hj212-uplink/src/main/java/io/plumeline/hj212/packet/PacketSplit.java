package io.plumeline.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A packet whose data segment is longer than the dialect allows, cut into parts (HJ 212-2017 §6.3.2: Flag bit D,
 * {@code PNUM} the number of parts, {@code PNO} this part's, from 1): the parts of one communication, with its QN, ST,
 * CN, PW and MN, each carrying the first group of the CP (DataTime) and as many of the following groups (one pollutant
 * each) as fit, in their order. A single group that does not fit with the first is refused: no part could carry it.
 */
public final class PacketSplit {

    /** PNUM and PNO of up to this many digits are reserved when a part is filled. */
    private static final int NUMBER_DIGITS = 3;

    private PacketSplit() {
    }

    /** The packet itself when it fits, else its parts. */
    public static List<Packet> of(Packet packet, Dialect dialect) {
        if (length(packet) <= dialect.maxDataLength() || packet.cp().groups().size() < 2) return List.of(packet);
        List<List<Cp.Entry>> groups = packet.cp().groups();
        List<Cp.Entry> first = groups.get(0);
        List<List<List<Cp.Entry>>> parts = new ArrayList<>();
        List<List<Cp.Entry>> current = new ArrayList<>(List.of(first));
        for (List<Cp.Entry> group : groups.subList(1, groups.size())) {
            List<List<Cp.Entry>> with = new ArrayList<>(current);
            with.add(group);
            if (length(part(packet, with, 1, 1)) <= dialect.maxDataLength()) {
                current = with;
                continue;
            }
            if (current.size() > 1) parts.add(current);
            current = new ArrayList<>(List.of(first, group));
            if (length(part(packet, current, 1, 1)) > dialect.maxDataLength()) {
                throw new PacketException("the CP group " + new Cp(List.of(group)).text() + " does not fit a data segment of "
                        + dialect.maxDataLength() + " bytes beside " + new Cp(List.of(first)).text(), "CP");
            }
        }
        parts.add(current);
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) packets.add(part(packet, parts.get(i), parts.size(), i + 1));
        return packets;
    }

    private static Packet part(Packet packet, List<List<Cp.Entry>> groups, int pnum, int pno) {
        Flag flag = new Flag(packet.flag().version(), packet.flag().ackRequested(), true);
        return new Packet(packet.qn(), packet.st(), packet.cn(), packet.pw(), packet.mn(), flag, pnum, pno, new Cp(groups));
    }

    /** The data segment's length, with room for PNUM and PNO of {@value #NUMBER_DIGITS} digits on a split part. */
    private static int length(Packet packet) {
        int digits = packet.flag().split()
                ? 2 * NUMBER_DIGITS - String.valueOf(packet.pnum()).length() - String.valueOf(packet.pno()).length() : 0;
        return PacketCodec.dataSegment(packet).getBytes(StandardCharsets.US_ASCII).length + digits;
    }
}
