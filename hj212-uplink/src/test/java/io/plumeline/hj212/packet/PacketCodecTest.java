package io.plumeline.hj212.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

    private static final String STANDARD_EXAMPLE =
            "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n";

    private static Packet minutePacket() {
        Cp cp = new Cp(List.of(
                List.of(new Cp.Entry("DataTime", "20260301100000")),
                List.of(new Cp.Entry("a21026-Avg", "12.50"), new Cp.Entry("a21026-Flag", "N"))));
        return new Packet("20260301100100000", "31", "2051", "123456", "PLM0001", new Flag(1, true, false), null, null, cp);
    }

    @Test
    void parsesTheStandardsExample() {
        Packet p = PacketCodec.parse(STANDARD_EXAMPLE);

        assertThat(p.qn()).isEqualTo("20160801085857223");
        assertThat(p.cn()).isEqualTo("1062");
        assertThat(p.mn()).isEqualTo("010000A8900016F000169DC0");
        // Flag 5 = 0b101: version 1 (HJ 212-2017), ack asked, not split
        assertThat(p.flag()).isEqualTo(new Flag(1, true, false));
        assertThat(p.cp().get("RtdInterval")).contains("30");
    }

    /**
     * The frame of a minute packet. Data segment, byte counts in brackets:
     * QN=20260301100100000; (21) ST=31; (6) CN=2051; (8) PW=123456; (10) MN=PLM0001; (11) Flag=5; (7)
     * CP=&& (5) DataTime=20260301100000 (23) ; (1) a21026-Avg=12.50 (16) , (1) a21026-Flag=N (13) && (2)
     * = 21+6+8+10+11+7+5+23+1+16+1+13+2 = 124 bytes, so the length field is 0124.
     */
    @Test
    void encodesLengthAndCrcAroundTheDataSegment() {
        String frame = PacketCodec.encode(minutePacket(), Hj212V2017.INSTANCE);
        String data = "QN=20260301100100000;ST=31;CN=2051;PW=123456;MN=PLM0001;Flag=5;CP=&&DataTime=20260301100000;"
                + "a21026-Avg=12.50,a21026-Flag=N&&";

        assertThat(frame).isEqualTo("##0124" + data + Crc16.hex(data) + "\r\n");
        assertThat(PacketCodec.parse(frame)).isEqualTo(minutePacket());
    }

    @Test
    void theFlagCarriesVersionSplitAndAckBits() {
        assertThat(new Flag(1, false, false).bits()).isEqualTo(4);
        assertThat(new Flag(1, true, false).bits()).isEqualTo(5);
        assertThat(new Flag(1, true, true).bits()).isEqualTo(7);
        assertThat(Flag.of(0)).isEqualTo(new Flag(0, false, false));  // HJ/T 212-2005
    }

    /** QN=…; (21) ST=91; (6) CN=9014; (8) PW=123456; (10) MN=PLM0001; (11) Flag=4; (7) CP=&&&& (7) = 70 bytes. */
    @Test
    void aDataReplyKeepsQnAndAsksForNoAck() {
        String reply = PacketCodec.encode(minutePacket().dataReply(), Hj212V2017.INSTANCE);

        assertThat(reply).startsWith("##0070QN=20260301100100000;ST=91;CN=9014;PW=123456;MN=PLM0001;Flag=4;CP=&&&&");
    }

    @Test
    void refusesABadCrcNamingBoth() {
        assertThatThrownBy(() -> PacketCodec.parse(STANDARD_EXAMPLE.replace("1C80", "1C81")))
                .isInstanceOf(PacketException.class).hasMessage("CRC 1C81 is wrong: the data segment's is 1C80");
    }

    @Test
    void refusesABadLength() {
        assertThatThrownBy(() -> PacketCodec.parse(STANDARD_EXAMPLE.replace("##0101", "##0100")))
                .isInstanceOf(PacketException.class).hasMessage("length 0100 does not match the data segment's 101 bytes");
        assertThatThrownBy(() -> PacketCodec.parse("##01x1QN=1;CP=&&&&FFFF"))
                .isInstanceOf(PacketException.class).hasMessage("length '01x1' after ## is not 4 decimal digits");
    }

    @Test
    void refusesAMissingField() {
        assertThatThrownBy(() -> PacketCodec.parse(frame("QN=20160801085857223;ST=32;CN=1062;MN=X;Flag=4;CP=&&&&")))
                .isInstanceOf(PacketException.class).hasMessage("missing field PW");
        assertThatThrownBy(() -> PacketCodec.parse(frame("ST=32;CN=1062;PW=1;MN=X;Flag=4;")))
                .isInstanceOf(PacketException.class).hasMessage("missing field CP (CP=&&…&&)");
    }

    @Test
    void refusesABadFieldOrder() {
        assertThatThrownBy(() -> PacketCodec.parse(frame("QN=20160801085857223;CN=1062;ST=32;PW=1;MN=X;Flag=4;CP=&&&&")))
                .isInstanceOf(PacketException.class)
                .hasMessage("bad field order [QN, CN, ST, PW, MN, Flag, CP]: HJ 212-2017 requires [QN, ST, CN, PW, MN, Flag, CP]");
    }

    @Test
    void refusesAnEditionItDoesNotSpeakAndASplitWithoutNumbers() {
        assertThatThrownBy(() -> PacketCodec.parse(frame("ST=32;CN=2011;PW=1;MN=X;Flag=0;CP=&&&&")))
                .isInstanceOf(PacketException.class)
                .hasMessage("Flag 0: version bits 0 name no edition this codec speaks (HJ 212-2017 is 1)");
        assertThatThrownBy(() -> PacketCodec.parse(frame("ST=32;CN=2011;PW=1;MN=X;Flag=6;CP=&&&&")))
                .isInstanceOf(PacketException.class)
                .hasMessage("Flag 6 says the packet is split, but PNUM or PNO is missing");
    }

    @Test
    void refusesAnMnLongerThan24() {
        assertThatThrownBy(() -> PacketCodec.parse(frame("ST=32;CN=2011;PW=1;MN=0123456789012345678901234;Flag=4;CP=&&&&")))
                .isInstanceOf(PacketException.class)
                .hasMessage("field MN='0123456789012345678901234' is longer than 24 characters");
    }

    /**
     * The standard's request (CN 1062) answered: QN=20160801085857223; (21) ST=91; (6) CN=9011; (8) PW=100000; (10)
     * MN=010000A8900016F000169DC0; (28) Flag=4; (7) CP=&& (5) QnRtn=1 (7) && (2) = 94 bytes; the execution result has
     * CN=9012 and ExeRtn=1 (8) instead: 95 bytes. Both carry the request's QN and ask for no reply.
     */
    @Test
    void aRequestReplyAndAnExecutionResultCarryTheRequestsQn() {
        Packet request = PacketCodec.parse(STANDARD_EXAMPLE);

        assertThat(PacketCodec.encode(Packet.requestReply(request.qn(), request.pw(), request.mn(), QnRtn.READY.code()), Hj212V2017.INSTANCE))
                .startsWith("##0094QN=20160801085857223;ST=91;CN=9011;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&");
        assertThat(PacketCodec.encode(Packet.executionResult(request.qn(), request.pw(), request.mn(), ExeRtn.SUCCESS.code()), Hj212V2017.INSTANCE))
                .startsWith("##0095QN=20160801085857223;ST=91;CN=9012;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&ExeRtn=1&&");
        assertThat(minutePacket().answering("20160801085857223").flag().bits()).isEqualTo(4);
        assertThat(Packet.isReply("9014")).isTrue();
        assertThat(Packet.isReply("2061")).isFalse();
    }

    /** What a refused request's reply needs: the header as written, and the field at fault named for its QnRtn. */
    @Test
    void aBadFrameStillShowsItsHeaderAndNamesTheFieldAtFault() {
        String badCrc = STANDARD_EXAMPLE.replace("1C80", "1C81");
        assertThat(PacketCodec.looseHeader(badCrc)).containsEntry("QN", "20160801085857223").containsEntry("CN", "1062")
                .doesNotContainKey("CP");
        assertThat(PacketCodec.looseHeader("hello\r\n")).isEmpty();

        assertThat(fieldAtFault(badCrc)).isEqualTo(QnRtn.CRC_WRONG);
        assertThat(fieldAtFault(frame("QN=20160801085857223;ST=32;CN=1062;MN=X;Flag=5;CP=&&&&"))).isEqualTo(QnRtn.PW_WRONG);
        assertThat(fieldAtFault(frame("ST=32;CN=2011;PW=1;MN=0123456789012345678901234;Flag=5;CP=&&&&"))).isEqualTo(QnRtn.MN_WRONG);
        assertThat(fieldAtFault(frame("ST=32;CN=2011;PW=1;MN=X;Flag=0;CP=&&&&"))).isEqualTo(QnRtn.FLAG_WRONG);
        assertThat(fieldAtFault(frame("QN=201608010858572230000;ST=32;CN=2011;PW=1;MN=X;Flag=5;CP=&&&&"))).isEqualTo(QnRtn.QN_WRONG);
        assertThat(fieldAtFault(frame("QN=20160801085857223;CN=1062;ST=32;PW=1;MN=X;Flag=5;CP=&&&&"))).isEqualTo(QnRtn.UNKNOWN);
    }

    private static QnRtn fieldAtFault(String frame) {
        try {
            PacketCodec.parse(frame);
        } catch (PacketException e) {
            return QnRtn.forField(e.field().orElse(null));
        }
        throw new AssertionError("parsed: " + frame);
    }

    private static String frame(String data) {
        return "##" + String.format("%04d", data.length()) + data + Crc16.hex(data) + "\r\n";
    }
}
