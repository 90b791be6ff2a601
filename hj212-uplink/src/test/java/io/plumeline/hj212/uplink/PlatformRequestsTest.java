package io.plumeline.hj212.uplink;

import static io.plumeline.hj212.uplink.TelemetryFixture.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.hj212.packet.Cp;
import io.plumeline.hj212.packet.Flag;
import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.packet.PacketCodec;
import io.plumeline.hj212.platform.TestPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's requests on the uplink's connection, over real TCP from the test platform, answered from a real
 * influxd: 9011 (QnRtn), what was asked, 9012 (ExeRtn), each carrying the request's QN. The telemetry is
 * {@link TelemetryFixture}'s: SO2 50 mg/Nm3 and flow 120000 Nm3/h at :00, :20 and :40 of every minute written.
 */
class PlatformRequestsTest {

    private static final String MN = "PLM0001";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private TestPlatform platform;
    private Uplink uplink;

    @AfterEach
    void stop() throws IOException {
        if (uplink != null) uplink.stop();
        if (platform != null) platform.close();
    }

    /**
     * Three hours of readings; the uplink makes their live hour packets, then the platform asks for them again
     * (BeginTime the first hour's start, EndTime the third's: DataTimes from one to the other, both included). Each hour
     * is 60 full minutes: SO2 -Cou = 60 × 50 mg/Nm3 × 120000 Nm3/h / 60 × 1e-6 = 6 kg, the flow's 60 × 120000 / 60 =
     * 120000 m3, both N (60 ≥ 45 valid minutes); NOx had no reading, B.
     */
    @Test
    void anHourHistoryRequestIsAnsweredWithTheLivePacketsOfThoseHours() throws Exception {
        Instant h0 = Cadence.HOUR.start(Instant.now(), SHANGHAI, Duration.ofSeconds(30)).minus(Duration.ofHours(3));
        TelemetryFixture.writeMinutes(h0, 180);
        start(List.of(Cadence.HOUR.cn()), h0, UplinkSettings.TimeCalibration.REFUSE);
        TelemetryFixture.await(() -> TelemetryFixture.acknowledgedDataTimes(platform).size() >= 3, WAIT, "3 live hour packets");

        String qn = platform.request(MN, request("20260301120000001", "2061",
                "BeginTime=" + local(h0) + ";EndTime=" + local(h0.plus(Duration.ofHours(2)))));
        List<Packet> answer = exchange(qn);

        assertThat(answer).extracting(Packet::cn).containsExactly("9011", "2061", "2061", "2061", "9012");
        assertThat(answer.get(0).cp().text()).isEqualTo("QnRtn=1");
        assertThat(answer.get(4).cp().text()).isEqualTo("ExeRtn=1");
        assertThat(answer).allSatisfy(p -> assertThat(p.qn()).isEqualTo(qn));
        List<Packet> hours = answer.subList(1, 4);
        assertThat(hours).extracting(p -> StackPackets.dataTime(p, SHANGHAI))
                .containsExactly(h0, h0.plus(Duration.ofHours(1)), h0.plus(Duration.ofHours(2)));
        Map<Instant, Packet> live = livePackets();
        assertThat(hours).allSatisfy(p -> {
            assertThat(p.cp()).isEqualTo(live.get(StackPackets.dataTime(p, SHANGHAI)).cp());
            assertThat(p.flag().bits()).as("no data reply asked").isEqualTo(4);
        });
        assertThat(hours.get(0).cp().text())
                .contains("a21026-Cou=6.0000,a21026-Min=50.000,a21026-Avg=50.000,a21026-Max=50.000,a21026-Flag=N;")
                .contains("a00000-Cou=120000.0000,").contains("a21002-Flag=B");
        assertThat(platform.received()).noneMatch(r -> r.outcome() == TestPlatform.Outcome.INVALID);
    }

    /**
     * Live minute packets flow while the platform asks for ten of their minutes again: the answer goes out whole between
     * two live packets, the live ones are still acknowledged once each and in order, and none of the answer is spooled.
     * The platform waits 100 ms before each acknowledgement, so the 20 live minutes take 2 s at least and the request
     * lands among them.
     */
    @Test
    void liveMinutesKeepBeingAcknowledgedInOrderAroundAHistoryRequest() throws Exception {
        Instant first = TelemetryFixture.minutesAgo(20);
        TelemetryFixture.writeMinutes(first, 20);
        platform = TelemetryFixture.platform();
        platform.delayReplies(Duration.ofMillis(100));
        uplink = TelemetryFixture.uplink(dir, List.of(Cadence.MINUTE.cn()), first, platform.port());
        uplink.start();
        TelemetryFixture.await(() -> TelemetryFixture.acknowledgedDataTimes(platform).size() >= 3, WAIT, "3 live minute packets");

        String qn = platform.request(MN, request("20260301120000002", "2051",
                "BeginTime=" + local(first) + ";EndTime=" + local(first.plus(Duration.ofMinutes(9)))));
        List<Packet> answer = exchange(qn);
        TelemetryFixture.await(() -> TelemetryFixture.acknowledgedDataTimes(platform).stream().distinct().count() >= 20, WAIT,
                "20 live minute packets");

        TelemetryFixture.assertEveryMinuteOnceInOrder(platform, first, 20);
        assertThat(answer).extracting(Packet::cn).containsExactly(Stream.of(List.of("9011"), java.util.Collections.nCopies(10, "2051"),
                List.of("9012")).flatMap(List::stream).toArray(String[]::new));
        assertThat(answer.get(11).cp().text()).isEqualTo("ExeRtn=1");
        Map<Instant, Packet> live = livePackets();
        assertThat(answer.subList(1, 11)).allSatisfy(p -> assertThat(p.cp()).isEqualTo(live.get(StackPackets.dataTime(p, SHANGHAI)).cp()));

        List<TestPlatform.Received> received = platform.received();
        List<Integer> at = IntStream.range(0, received.size())
                .filter(i -> received.get(i).packet() != null && qn.equals(received.get(i).packet().qn())).boxed().toList();
        assertThat(at).as("one answer, nothing between its frames").hasSize(12)
                .isEqualTo(IntStream.rangeClosed(at.get(0), at.get(0) + 11).boxed().toList());
        assertThat(received.subList(0, at.get(0))).anyMatch(r -> r.outcome() == TestPlatform.Outcome.ACKNOWLEDGED);
        assertThat(received.subList(at.get(11) + 1, received.size())).anyMatch(r -> r.outcome() == TestPlatform.Outcome.ACKNOWLEDGED);
        try (Stream<Path> files = Files.walk(dir.resolve("spool"))) {
            List<String> spooled = new ArrayList<>();
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("packets-")).toList()) {
                spooled.addAll(Files.readAllLines(log));
            }
            assertThat(spooled).hasSizeGreaterThanOrEqualTo(20).noneMatch(line -> line.contains("QN=" + qn));
        }
    }

    /**
     * Wrong requests get one 9011 naming what is wrong (HJ 212-2017's QnRtn) and nothing else: a wrong password 3, an MN
     * that is not this connection's logger 4, an ST not the stack's (31) 5, a QN that is no time (month 13) 7, a wrong
     * CRC 9 — the request's QN still echoed, taken from the frame the codec refused.
     */
    @Test
    void aWrongRequestIsRefusedWithTheCodeThatNamesWhat() throws Exception {
        start(List.of(Cadence.MINUTE.cn()), TelemetryFixture.minutesAgo(2), UplinkSettings.TimeCalibration.REFUSE);
        String cp = "BeginTime=20260301100000;EndTime=20260301110000";

        assertRefused(platform.request(MN, new Packet("20260301120000003", "31", "2061", "654321", MN, new Flag(1, true, false),
                null, null, Cp.parse(cp))), 3);
        assertRefused(platform.request(MN, new Packet("20260301120000004", "31", "2061", "123456", "PLM9999", new Flag(1, true, false),
                null, null, Cp.parse(cp))), 4);
        assertRefused(platform.request(MN, new Packet("20260301120000005", "32", "2061", "123456", MN, new Flag(1, true, false),
                null, null, Cp.parse(cp))), 5);
        assertRefused(platform.request(MN, request("20261301120000006", "2061", cp)), 7);
        String frame = PacketCodec.encode(request("20260301120000007", "2061", cp), Hj212V2017.INSTANCE);
        platform.request(MN, frame.substring(0, frame.length() - 6) + (frame.endsWith("0000\r\n") ? "0001" : "0000") + "\r\n");
        assertRefused("20260301120000007", 9);
    }

    /** CN 1072 (set the logger's access password) is a command of the standard this logger does not answer: QnRtn 8. */
    @Test
    void aCommandItDoesNotAnswerIsRefusedWithCnWrong() throws Exception {
        start(List.of(Cadence.MINUTE.cn()), TelemetryFixture.minutesAgo(2), UplinkSettings.TimeCalibration.REFUSE);

        assertRefused(platform.request(MN, request("20260301120000008", "1072", "NewPW=654321")), 8);
    }

    /**
     * CN 1061: 9011, a 1061 with RtdInterval=30 (the fixture's --realtime-interval, seconds), 9012 ExeRtn 1. CN 1062,
     * setting it to 60: refused with QnRtn 2, the interval being the uplink's option.
     */
    @Test
    void theRealTimeIntervalIsAnsweredAndNotSetFromThePlatform() throws Exception {
        start(List.of(Cadence.MINUTE.cn()), TelemetryFixture.minutesAgo(2), UplinkSettings.TimeCalibration.REFUSE);

        assertThat(exchange(platform.request(MN, request("20260301120000040", "1061", ""))))
                .extracting(p -> p.cn() + " " + p.cp().text()).containsExactly("9011 QnRtn=1", "1061 RtdInterval=30", "9012 ExeRtn=1");
        assertRefused(platform.request(MN, request("20260301120000041", "1062", "RtdInterval=60")), 2);
    }

    /**
     * A range the logger will not answer: 9011 QnRtn 1, then 9012 ExeRtn 3 (command request condition error) and no data —
     * reversed; 7 days and a minute of minutes (the limit is 7 days); 367 days of days (the limit is 366); a BeginTime
     * that is no time. A range with no reading at all (2020, before any telemetry and past the 90-day retention):
     * ExeRtn 100, no data.
     */
    @Test
    void aRangeReversedTooLongUnreadableOrEmptyIsNotAnswered() throws Exception {
        start(List.of(Cadence.MINUTE.cn()), TelemetryFixture.minutesAgo(2), UplinkSettings.TimeCalibration.REFUSE);

        assertNotExecuted(request("20260301120000010", "2061", "BeginTime=20260301110000;EndTime=20260301100000"), 3);
        assertNotExecuted(request("20260301120000011", "2051", "BeginTime=20260301000000;EndTime=20260308000100"), 3);
        assertNotExecuted(request("20260301120000012", "2031", "BeginTime=20250101000000;EndTime=20260103000000"), 3);
        assertNotExecuted(request("20260301120000013", "2061", "BeginTime=2026-03-01;EndTime=20260301100000"), 3);
        assertNotExecuted(request("20260301120000014", "2061", "BeginTime=20200101000000;EndTime=20200101020000"), 100);
    }

    /**
     * CN 1011: 9011, a 1011 with SystemTime (site time, to the second) within 5 s of this machine's clock, 9012 ExeRtn 1.
     * Asked with Flag 4 (no reply wanted), the 9011 is left out.
     */
    @Test
    void theLoggersTimeIsAnsweredInSiteTime() throws Exception {
        start(List.of(Cadence.MINUTE.cn()), TelemetryFixture.minutesAgo(2), UplinkSettings.TimeCalibration.REFUSE);

        List<Packet> answer = exchange(platform.request(MN, request("20260301120000020", "1011", "")));

        assertThat(answer).extracting(Packet::cn).containsExactly("9011", "1011", "9012");
        Instant systemTime = LocalDateTime.parse(answer.get(1).cp().get("SystemTime").orElseThrow(), LOCAL).atZone(SHANGHAI).toInstant();
        assertThat(Duration.between(systemTime, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.get(2).cp().text()).isEqualTo("ExeRtn=1");

        Packet noReplyAsked = new Packet("20260301120000021", "31", "1011", "123456", MN, new Flag(1, false, false), null, null, Cp.EMPTY);
        assertThat(exchange(platform.request(MN, noReplyAsked))).extracting(Packet::cn).containsExactly("1011", "9012");
    }

    /** CN 1012 under the default --time-calibration refuse: 9011 QnRtn 2 and nothing else. */
    @Test
    void settingTheTimeIsRefusedByDefault() throws Exception {
        start(List.of(Cadence.MINUTE.cn()), TelemetryFixture.minutesAgo(2), UplinkSettings.TimeCalibration.REFUSE);

        assertRefused(platform.request(MN, request("20260301120000030", "1012", "SystemTime=20260301120000")), 2);
    }

    /**
     * CN 1012 under --time-calibration accept: 9011 QnRtn 1, 9012 ExeRtn 1 (the offset is logged, nothing is shifted);
     * a SystemTime that is no time: ExeRtn 3.
     */
    @Test
    void settingTheTimeIsAcceptedWhenConfigured() throws Exception {
        start(List.of(Cadence.MINUTE.cn()), TelemetryFixture.minutesAgo(2), UplinkSettings.TimeCalibration.ACCEPT);

        List<Packet> answer = exchange(platform.request(MN, request("20260301120000031", "1012", "SystemTime=20260301120000")));

        assertThat(answer).extracting(p -> p.cn() + " " + p.cp().text()).containsExactly("9011 QnRtn=1", "9012 ExeRtn=1");
        assertNotExecuted(request("20260301120000032", "1012", "SystemTime=20260230120000"), 3);
    }

    private void start(List<String> commands, Instant first, UplinkSettings.TimeCalibration timeCalibration) throws Exception {
        platform = TelemetryFixture.platform();
        uplink = TelemetryFixture.uplink(dir, commands, first, platform.port(), timeCalibration);
        uplink.start();
        TelemetryFixture.await(() -> platform.loggers().contains(MN), WAIT, "the logger's first packet");
    }

    /** A request of the cn-site stack's logger (ST 31, its MN and password) asking for a reply (Flag 5). */
    private static Packet request(String qn, String cn, String cp) {
        return new Packet(qn, "31", cn, "123456", MN, new Flag(1, true, false), null, null, cp.isEmpty() ? Cp.EMPTY : Cp.parse(cp));
    }

    private static String local(Instant at) {
        return LOCAL.format(at.atZone(SHANGHAI));
    }

    /** The logger's replies to the request {@code qn}, once its 9012 or a refusing 9011 has come. */
    private List<Packet> exchange(String qn) throws InterruptedException {
        TelemetryFixture.await(() -> platform.replies(qn).stream().map(TestPlatform.Received::packet).anyMatch(p -> p.cn().equals("9012")
                || p.cn().equals("9011") && !p.cp().text().equals("QnRtn=1")), WAIT, "the answer to request " + qn);
        return platform.replies(qn).stream().map(TestPlatform.Received::packet).toList();
    }

    /** One 9011 with {@code qnRtn} and, half a second later, still nothing else. */
    private void assertRefused(String qn, int qnRtn) throws InterruptedException {
        assertThat(exchange(qn)).extracting(p -> p.cn() + " " + p.cp().text()).containsExactly("9011 QnRtn=" + qnRtn);
        Thread.sleep(500);
        assertThat(platform.replies(qn)).hasSize(1);
    }

    private void assertNotExecuted(Packet request, int exeRtn) throws Exception {
        assertThat(exchange(platform.request(MN, request))).extracting(p -> p.cn() + " " + p.cp().text())
                .containsExactly("9011 QnRtn=1", "9012 ExeRtn=" + exeRtn);
    }

    /** The live packets the platform acknowledged, by DataTime. */
    private Map<Instant, Packet> livePackets() {
        return platform.received().stream().filter(r -> r.outcome() == TestPlatform.Outcome.ACKNOWLEDGED).map(TestPlatform.Received::packet)
                .collect(Collectors.toMap(p -> StackPackets.dataTime(p, SHANGHAI), Function.identity(), (a, b) -> a));
    }
}
