package io.plumeline.hj212.packet;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One HJ 212 data segment: request number, system code, command, password, device id, flag, split numbers
 * (PNUM total and PNO this one, only with {@link Flag#split()}) and the command parameters.
 */
public record Packet(String qn, String st, String cn, String pw, String mn, Flag flag, Integer pnum, Integer pno, Cp cp) {

    /** The standard's time stamps ({@code QN}, {@code DataTime}) are local time of the site, to the millisecond. */
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    /** CN 9014, the platform's data reply (§6.6.4): the same QN, PW and MN, system 91, no ack asked. */
    public static final String DATA_REPLY = "9014";
    /** CN 9011, a request reply carrying {@code QnRtn}; the test platform refuses a packet with it. */
    public static final String REQUEST_REPLY = "9011";
    /** ST 91, system interaction. */
    public static final String SYSTEM_INTERACTION = "91";

    public static String qn(Instant at, ZoneId zone) {
        return QN.format(at.atZone(zone));
    }

    /** The reply that acknowledges this packet. */
    public Packet dataReply() {
        return new Packet(qn, SYSTEM_INTERACTION, DATA_REPLY, pw, mn, new Flag(flag.version(), false, false), null, null, Cp.EMPTY);
    }

    /** The reply that refuses this packet with a QnRtn code (2 refused, 3 PW wrong, 4 MN wrong, 9 CRC wrong …). */
    public Packet refusal(int qnRtn) {
        return new Packet(qn, SYSTEM_INTERACTION, REQUEST_REPLY, pw, mn, new Flag(flag.version(), false, false), null, null,
                new Cp(java.util.List.of(java.util.List.of(new Cp.Entry("QnRtn", Integer.toString(qnRtn))))));
    }
}
