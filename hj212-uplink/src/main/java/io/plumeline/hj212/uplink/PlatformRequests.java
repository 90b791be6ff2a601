package io.plumeline.hj212.uplink;

import io.plumeline.hj212.packet.Cp;
import io.plumeline.hj212.packet.ExeRtn;
import io.plumeline.hj212.packet.Flag;
import io.plumeline.hj212.packet.Hj212Time;
import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.packet.PacketCodec;
import io.plumeline.hj212.packet.PacketException;
import io.plumeline.hj212.packet.QnRtn;
import io.plumeline.hj212.site.Hj212Stack;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stack's logger answers to the requests its platform sends on the channel's connection, following HJ 212-2017's
 * command flow: the request, the logger's request reply (CN 9011, {@link QnRtn}), what the request asks for, and the
 * execution result (CN 9012, {@link ExeRtn}); every reply carries the request's QN.
 *
 * <p>A request is checked first: its frame (length, CRC, fields; QnRtn 9 for a CRC, else the code of the field the codec
 * names, else 100), then its QN ({@code yyyyMMddHHmmssSSS}, 7), PW (the platform's password, 3), MN (the stack's, 4),
 * ST (the stack's system code, 5), Flag (no split request, 2) and CN (8 for a command the logger does not answer).
 * A refused request gets its 9011 and nothing else. An accepted one gets 9011 QnRtn 1 when its Flag asks for a reply
 * (bit A; a field logger skips it otherwise), then its answer, then 9012.
 *
 * <ul>
 * <li>CN 2051, 2061, 2031 with {@code BeginTime=yyyyMMddHHmmss;EndTime=yyyyMMddHHmmss} (site time): the minute, hour or
 * day packets whose DataTime lies from BeginTime to EndTime, both included, made by {@link PacketMaker} as the live
 * ones are, in order, carrying the request's QN and asking for no data reply (Flag 4: the exchange ends with the 9012).
 * Only intervals that have ended at least {@code --delay} ago, as for live packets. ExeRtn 1 when sent; 3 for a
 * missing, unreadable or reversed range or one longer than {@link #limit}; 100 when no interval of the range has
 * ended yet or the stack's tags have no reading in it (nothing a logger would have recorded); 6 when InfluxDB cannot
 * be read; 2 when a packet cannot be made.</li>
 * <li>CN 1011, the logger's time: a 1011 packet with {@code SystemTime=yyyyMMddHHmmss} (site time), ExeRtn 1. With a
 * {@code PolId} it asks for an analyser's clock, which a virtual logger does not reach: ExeRtn 3.</li>
 * <li>CN 1012, set the logger's time ({@code SystemTime=…}): per {@link UplinkSettings.TimeCalibration}.</li>
 * <li>CN 1061, the real-time interval: a 1061 packet with {@code RtdInterval} (seconds), ExeRtn 1. CN 1062, setting it,
 * is refused (QnRtn 2): the interval is the uplink's {@code --realtime-interval}, which the operator sets, and its
 * real-time slots and their spool follow it.</li>
 * </ul>
 * These are not spooled: they answer a request on the live connection, and a request is answered whole between two
 * live packets, so the live packets' order and acknowledgements are not touched.
 */
final class PlatformRequests {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformRequests.class);

    static final String GET_TIME = "1011";
    static final String SET_TIME = "1012";
    static final String GET_REALTIME_INTERVAL = "1061";
    static final String SET_REALTIME_INTERVAL = "1062";

    /** Where the replies go: the channel's connection. */
    interface Out {
        void send(Packet packet) throws IOException;
    }

    /**
     * The longest BeginTime–EndTime a history request may span: 7 days of minutes (10,080 packets, read an hour at a
     * time: 168 reads), 90 days of hours (2,160 packets and reads; raw telemetry is kept 90 days unless configured,
     * docs/contracts.md), 366 days of days (a year; 8,784 hour reads). A request is answered whole before the next live
     * packet goes, so the limits bound how long the live packets wait.
     */
    static Duration limit(Cadence cadence) {
        return switch (cadence) {
            case MINUTE -> Duration.ofDays(7);
            case HOUR -> Duration.ofDays(90);
            case DAY -> Duration.ofDays(366);
            case REALTIME -> Duration.ZERO;
        };
    }

    private final String name;
    private final Hj212Stack stack;
    private final String pw;
    private final UplinkSettings settings;
    private final ZoneId zone;
    private final PacketMaker maker;

    PlatformRequests(String name, Hj212Stack stack, UplinkSettings.Platform platform, UplinkSettings settings, ZoneId zone,
            PacketMaker maker) {
        this.name = name;
        this.stack = stack;
        this.pw = platform.password();
        this.settings = settings;
        this.zone = zone;
        this.maker = maker;
    }

    /** Answers one frame the platform sent that is no reply. An IOException is the connection's. */
    void answer(String frame, Out out) throws IOException, InterruptedException {
        if (!frame.startsWith("##")) {
            LOG.warn("{}: the platform sent something that is no HJ 212 frame, not answered: {}", name, excerpt(frame));
            return;
        }
        Packet request;
        try {
            request = PacketCodec.parse(frame);
        } catch (PacketException e) {
            Map<String, String> header = PacketCodec.looseHeader(frame);
            refuse(header.get("QN"), header.get("CN"), QnRtn.forField(e.field().orElse(null)), e.getMessage(), out);
            return;
        }
        Optional<String> wrong = Optional.empty();
        QnRtn check = QnRtn.READY;
        if (request.qn() == null || !validQn(request.qn())) {
            check = QnRtn.QN_WRONG;
            wrong = Optional.of(request.qn() == null ? "no QN" : "QN " + request.qn() + " is not yyyyMMddHHmmssSSS");
        } else if (!pw.equals(request.pw())) {
            check = QnRtn.PW_WRONG;
            wrong = Optional.of("wrong password");
        } else if (!stack.mn().equals(request.mn())) {
            check = QnRtn.MN_WRONG;
            wrong = Optional.of("MN " + request.mn() + " is not this logger's (" + stack.mn() + ")");
        } else if (!stack.st().equals(request.st())) {
            check = QnRtn.ST_WRONG;
            wrong = Optional.of("ST " + request.st() + " is not this logger's (" + stack.st() + ")");
        } else if (request.flag().split()) {
            check = QnRtn.REFUSED;
            wrong = Optional.of("a request split into packets (PNUM/PNO) is not taken");
        } else if (!answered(request.cn())) {
            check = QnRtn.CN_WRONG;
            wrong = Optional.of("CN " + request.cn() + " is not a request this logger answers (2051, 2061, 2031, 1011, 1012, 1061)");
        } else if (request.cn().equals(SET_TIME) && settings.timeCalibration() == UplinkSettings.TimeCalibration.REFUSE) {
            check = QnRtn.REFUSED;
            wrong = Optional.of("asks to set the logger's time to " + request.cp().get("SystemTime").orElse("?")
                    + "; --time-calibration refuse");
        } else if (request.cn().equals(SET_REALTIME_INTERVAL)) {
            check = QnRtn.REFUSED;
            wrong = Optional.of("asks to set the real-time interval to " + request.cp().get("RtdInterval").orElse("?")
                    + " s; it is the uplink's --realtime-interval (" + settings.realtimeInterval().toSeconds() + " s)");
        }
        if (check != QnRtn.READY) {
            refuse(request.qn(), request.cn(), check, wrong.get(), out);
            return;
        }
        if (request.flag().ackRequested()) out.send(Packet.requestReply(request.qn(), pw, stack.mn(), QnRtn.READY.code()));
        ExeRtn result = execute(request, out);
        out.send(Packet.executionResult(request.qn(), pw, stack.mn(), result.code()));
    }

    private static boolean answered(String cn) {
        return cn.equals(GET_TIME) || cn.equals(SET_TIME) || cn.equals(GET_REALTIME_INTERVAL) || cn.equals(SET_REALTIME_INTERVAL)
                || history(cn).isPresent();
    }

    private static Optional<Cadence> history(String cn) {
        return Cadence.of(cn).filter(c -> c != Cadence.REALTIME);
    }

    private void refuse(String qn, String cn, QnRtn code, String why, Out out) throws IOException {
        LOG.warn("{}: platform request QN={} CN={} refused with QnRtn={}: {}", name, qn, cn, code, why);
        out.send(Packet.requestReply(echoable(qn), pw, stack.mn(), code.code()));
    }

    private ExeRtn execute(Packet request, Out out) throws IOException, InterruptedException {
        return switch (request.cn()) {
            case GET_TIME -> getTime(request, out);
            case SET_TIME -> setTime(request);
            case GET_REALTIME_INTERVAL -> {
                out.send(new Packet(request.qn(), stack.st(), GET_REALTIME_INTERVAL, pw, stack.mn(),
                        new Flag(Hj212V2017.INSTANCE.versionBits(), false, false), null, null, new Cp(List.of(List.of(
                        new Cp.Entry("RtdInterval", Long.toString(settings.realtimeInterval().toSeconds())))))));
                yield ExeRtn.SUCCESS;
            }
            default -> history(request, history(request.cn()).orElseThrow(), out);
        };
    }

    private ExeRtn getTime(Packet request, Out out) throws IOException {
        if (request.cp().get("PolId").isPresent()) {
            return condition(request, "PolId " + request.cp().get("PolId").get() + ": a virtual logger reads no analyser's clock");
        }
        String now = Hj212Time.DATA_TIME.format(Instant.now().atZone(zone));
        out.send(new Packet(request.qn(), stack.st(), GET_TIME, pw, stack.mn(), new Flag(Hj212V2017.INSTANCE.versionBits(), false, false),
                null, null, new Cp(List.of(List.of(new Cp.Entry("SystemTime", now))))));
        LOG.info("{}: platform request QN={} CN=1011 answered SystemTime={}", name, request.qn(), now);
        return ExeRtn.SUCCESS;
    }

    /**
     * Accepted ({@code --time-calibration accept}): nothing to set — the host's clock is NTP's and readings keep their
     * time stamps — so the offset asked for is logged, for an operator to check the host's NTP when it is real.
     */
    private ExeRtn setTime(Packet request) {
        if (request.cp().get("PolId").isPresent()) {
            return condition(request, "PolId " + request.cp().get("PolId").get() + ": a virtual logger sets no analyser's clock");
        }
        Optional<LocalDateTime> asked = time(request.cp().get("SystemTime"));
        if (asked.isEmpty()) return condition(request, "SystemTime=" + request.cp().get("SystemTime").orElse("") + " is not yyyyMMddHHmmss");
        Instant now = Instant.now();
        long offset = Duration.between(now, asked.get().atZone(zone).toInstant()).toSeconds();
        LOG.warn("{}: platform request QN={} CN=1012 sets the logger's time to {}, {} s from the host's clock; accepted "
                + "(--time-calibration accept) but not applied: the logger's clock is the host's, check its NTP if the offset is real",
                name, request.qn(), request.cp().get("SystemTime").get(), offset);
        return ExeRtn.SUCCESS;
    }

    private ExeRtn history(Packet request, Cadence cadence, Out out) throws IOException, InterruptedException {
        Optional<LocalDateTime> begin = time(request.cp().get("BeginTime"));
        Optional<LocalDateTime> end = time(request.cp().get("EndTime"));
        if (begin.isEmpty() || end.isEmpty()) {
            return condition(request, "BeginTime=" + request.cp().get("BeginTime").orElse("") + ", EndTime="
                    + request.cp().get("EndTime").orElse("") + ": both must be yyyyMMddHHmmss");
        }
        Instant from = begin.get().atZone(zone).toInstant();
        Instant until = end.get().atZone(zone).toInstant();
        if (from.isAfter(until)) return condition(request, "BeginTime " + request.cp().get("BeginTime").get() + " is after EndTime");
        if (Duration.between(from, until).compareTo(limit(cadence)) > 0) {
            return condition(request, "BeginTime to EndTime is longer than the " + limit(cadence).toDays() + " days a CN "
                    + cadence.cn() + " request may span");
        }
        // the intervals whose DataTime (start) is from BeginTime to EndTime and that ended --delay ago
        Instant first = maker.start(cadence, from);
        if (first.isBefore(from)) first = maker.end(cadence, first);
        Instant to = maker.end(cadence, maker.start(cadence, until));
        Instant complete = maker.start(cadence, Instant.now().minus(settings.delay()));
        if (complete.isBefore(to)) to = complete;
        int sent = 0;
        try {
            if (maker.end(cadence, first).isAfter(to) || !maker.anyReading(first, to)) {
                LOG.info("{}: platform request QN={} CN={} {}: no data", name, request.qn(), cadence.cn(), range(request));
                return ExeRtn.NO_DATA;
            }
            Instant start = first;
            for (List<Packet> read = maker.next(cadence, start, to, pw, request::qn); !read.isEmpty();
                    read = maker.next(cadence, start, to, pw, request::qn)) {
                for (Packet p : read) {
                    out.send(p.answering(request.qn()));
                    sent++;
                    start = maker.end(cadence, start);
                }
            }
        } catch (IOException e) {
            if (!(e instanceof InfluxTelemetry.Failure)) throw e;
            LOG.error("{}: platform request QN={} CN={} {}: InfluxDB failed after {} packets: {}", name, request.qn(), cadence.cn(),
                    range(request), sent, e.getMessage());
            return ExeRtn.FAULT;
        } catch (RuntimeException e) {
            LOG.error("{}: platform request QN={} CN={} {}: cannot make a packet after {}: {}", name, request.qn(), cadence.cn(),
                    range(request), sent, e.getMessage());
            return ExeRtn.FAILED;
        }
        LOG.info("{}: platform request QN={} CN={} {}: sent {} packets", name, request.qn(), cadence.cn(), range(request), sent);
        return ExeRtn.SUCCESS;
    }

    private ExeRtn condition(Packet request, String why) {
        LOG.warn("{}: platform request QN={} CN={} not executed, ExeRtn={}: {}", name, request.qn(), request.cn(),
                ExeRtn.CONDITION_ERROR, why);
        return ExeRtn.CONDITION_ERROR;
    }

    private static String range(Packet request) {
        return request.cp().get("BeginTime").orElse("") + "–" + request.cp().get("EndTime").orElse("");
    }

    private static Optional<LocalDateTime> time(Optional<String> text) {
        try {
            return text.map(t -> LocalDateTime.parse(t, Hj212Time.DATA_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean validQn(String qn) {
        try {
            LocalDateTime.parse(qn, Hj212Time.QN);
            return qn.length() == 17;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A QN the reply can carry back: as the request wrote it when the codec would take it, else none. */
    private static String echoable(String qn) {
        return qn != null && qn.length() <= 20 && qn.matches("[0-9A-Za-z]*") ? qn : null;
    }

    private static String excerpt(String frame) {
        String s = frame.strip();
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
