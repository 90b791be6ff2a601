package io.plumeline.hj212.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A minute packet of 20 codes, each group 96 characters (a21000…a21019 with -Cou, -Min, -Avg, -Max and -Flag): about
 * 2,000 bytes of CP, twice what one data segment of HJ 212-2017 may hold.
 */
class PacketSplitTest {

    private static final Cp.Entry DATA_TIME = new Cp.Entry("DataTime", "20260301100000");

    private static List<Cp.Entry> group(int i) {
        String code = String.format("a210%02d", i);
        return List.of(new Cp.Entry(code + "-Cou", "1234.5678"), new Cp.Entry(code + "-Min", "12.345"),
                new Cp.Entry(code + "-Avg", "23.456"), new Cp.Entry(code + "-Max", "34.567"), new Cp.Entry(code + "-Flag", "N"));
    }

    private static Packet minute(int codes) {
        List<List<Cp.Entry>> groups = new ArrayList<>();
        groups.add(List.of(DATA_TIME));
        IntStream.range(0, codes).forEach(i -> groups.add(group(i)));
        return new Packet("20260301100100000", "31", "2051", "123456", "PLM0001", new Flag(Hj212V2017.INSTANCE.versionBits(), true, false),
                null, null, new Cp(groups));
    }

    @Test
    void aPacketThatFitsIsItself() {
        Packet small = minute(3);
        assertThat(PacketSplit.of(small, Hj212V2017.INSTANCE)).containsExactly(small);
    }

    @Test
    void aLongPacketGoesInNumberedPartsEachWithItsDataTimeAndTheGroupsInOrder() {
        Packet whole = minute(20);
        List<Packet> parts = PacketSplit.of(whole, Hj212V2017.INSTANCE);

        assertThat(parts).hasSizeGreaterThan(1);
        List<List<Cp.Entry>> carried = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Packet part = parts.get(i);
            String frame = PacketCodec.encode(part, Hj212V2017.INSTANCE);
            assertThat(Integer.parseInt(frame.substring(2, 6))).as("part %d's data segment", i + 1).isLessThanOrEqualTo(1024);
            Packet read = PacketCodec.parse(frame);
            assertThat(read.flag().split()).isTrue();
            assertThat(read.flag().ackRequested()).isTrue();
            assertThat(read.pnum()).isEqualTo(parts.size());
            assertThat(read.pno()).isEqualTo(i + 1);
            assertThat(read.qn()).isEqualTo(whole.qn());
            assertThat(read.cp().groups().get(0)).containsExactly(DATA_TIME);
            carried.addAll(read.cp().groups().subList(1, read.cp().groups().size()));
        }
        assertThat(carried).isEqualTo(whole.cp().groups().subList(1, 21));
    }

    @Test
    void aGroupThatFitsNoPartIsRefused() {
        List<Cp.Entry> huge = IntStream.range(0, 60).mapToObj(i -> new Cp.Entry("a21026-Avg" + i, "12345.678")).toList();
        Packet packet = new Packet("1", "31", "2051", "1", "PLM0001", new Flag(Hj212V2017.INSTANCE.versionBits(), true, false), null, null,
                new Cp(List.of(List.of(DATA_TIME), group(0), huge)));
        assertThatThrownBy(() -> PacketSplit.of(packet, Hj212V2017.INSTANCE)).isInstanceOf(PacketException.class)
                .hasMessageContaining("does not fit a data segment of 1024 bytes beside DataTime=20260301100000");
    }
}
