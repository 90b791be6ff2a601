package io.plumeline.hj212.packet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One HJ 212 data segment: request number, system code, command, password, device id, flag, split numbers
 * (PNUM total and PNO this one, only with {@link Flag#split()}) and the command parameters.
 */
public record Packet(String qn, String st, String cn, String pw, String mn, Flag flag, Integer pnum, Integer pno, Cp cp) {

    /** The standard's time stamps ({@code QN}, {@code DataTime}) are local time of the site, to the millisecond. */

    /** CN 9014, the platform's data reply (§6.6.4): the same QN, PW and MN, system 91, no ack asked. */
    public static final String DATA_REPLY = "9014";
    /** CN 9011, a request reply carrying {@code QnRtn}; the test platform refuses a packet with it. */
    public static final String REQUEST_REPLY = "9011";
    /** CN 9012, the execution result of a request, carrying {@code ExeRtn}. */
    public static final String EXECUTION_RESULT = "9012";
    /** CN 9013, a notification reply. */
    public static final String NOTIFICATION_REPLY = "9013";
    /** ST 91, system interaction. */
    public static final String SYSTEM_INTERACTION = "91";

    public static String qn(Instant at, ZoneId zone) {
        return Hj212Time.QN.format(at.atZone(zone));
    }

    /** The interaction commands (CN 9011–9014): replies, never requests. */
    public static boolean isReply(String cn) {
        return REQUEST_REPLY.equals(cn) || EXECUTION_RESULT.equals(cn) || NOTIFICATION_REPLY.equals(cn) || DATA_REPLY.equals(cn);
    }

    /** The reply that acknowledges this packet. */
    public Packet dataReply() {
        return new Packet(qn, SYSTEM_INTERACTION, DATA_REPLY, pw, mn, new Flag(flag.version(), false, false), null, null, Cp.EMPTY);
    }

    /** The reply that refuses this packet with a QnRtn code (2 refused, 3 PW wrong, 4 MN wrong, 9 CRC wrong …). */
    public Packet refusal(int qnRtn) {
        return requestReply(qn, pw, mn, qnRtn);
    }

    /**
     * A request reply (CN 9011) to the request numbered {@code qn} (null when the request had none): system 91, no
     * reply asked (Flag 4), {@code CP=&&QnRtn=n&&}.
     */
    public static Packet requestReply(String qn, String pw, String mn, int qnRtn) {
        return interaction(qn, REQUEST_REPLY, pw, mn, "QnRtn", qnRtn);
    }

    /** The execution result (CN 9012) of the request numbered {@code qn}: system 91, Flag 4, {@code CP=&&ExeRtn=n&&}. */
    public static Packet executionResult(String qn, String pw, String mn, int exeRtn) {
        return interaction(qn, EXECUTION_RESULT, pw, mn, "ExeRtn", exeRtn);
    }

    private static Packet interaction(String qn, String cn, String pw, String mn, String key, int code) {
        return new Packet(qn, SYSTEM_INTERACTION, cn, pw, mn, new Flag(Hj212V2017.INSTANCE.versionBits(), false, false), null, null,
                new Cp(List.of(List.of(new Cp.Entry(key, Integer.toString(code))))));
    }

    /** This packet numbered {@code qn} and asking for no data reply: what answers a request. */
    public Packet answering(String qn) {
        return new Packet(qn, st, cn, pw, mn, new Flag(flag.version(), false, flag.split()), pnum, pno, cp);
    }
}
