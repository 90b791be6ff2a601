package io.plumeline.hj212.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.hj212.packet.Cp;
import io.plumeline.hj212.packet.Flag;
import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.packet.PacketCodec;
import io.plumeline.hj212.platform.TestPlatform;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test platform over a real socket: it acknowledges, refuses with a code, and names what is wrong with a frame. */
class PlatformLinkTest {

    private static final Cp MINUTE = new Cp(List.of(List.of(new Cp.Entry("DataTime", "20260301100000"))));
    private static final Duration WAIT = Duration.ofMillis(500);
    private TestPlatform platform;
    private PlatformLink link;

    @BeforeEach
    void connect() throws IOException {
        platform = TelemetryFixture.platform();
        link = new PlatformLink("127.0.0.1", platform.port(), Duration.ofSeconds(2));
        link.connect();
    }

    @AfterEach
    void close() throws IOException {
        link.close();
        platform.close();
    }

    private static String frame(String qn, String pw) {
        return frame(qn, pw, "2051", MINUTE);
    }

    private static String frame(String qn, String pw, String cn, Cp cp) {
        return PacketCodec.encode(new Packet(qn, "31", cn, pw, "PLM0001", new Flag(1, true, false), null, null, cp), Hj212V2017.INSTANCE);
    }

    @Test
    void acknowledgesRefusesAndNamesABadFrame() throws Exception {
        assertThat(link.send(frame("20260301100000001", "123456"), "20260301100000001", WAIT).result())
                .isEqualTo(PlatformLink.Result.ACKED);
        assertThat(link.send(frame("20260301100000002", "654321"), "20260301100000002", WAIT))
                .isEqualTo(new PlatformLink.Reply(PlatformLink.Result.REFUSED, 3));   // QnRtn 3: wrong password
        platform.refuseNext(1, 2);
        assertThat(link.send(frame("20260301100000003", "123456"), "20260301100000003", WAIT))
                .isEqualTo(new PlatformLink.Reply(PlatformLink.Result.REFUSED, 2));
        String badCrc = frame("20260301100000004", "123456").replaceFirst("[0-9A-F]{4}\r\n$", "0000\r\n");
        assertThat(link.send(badCrc, "20260301100000004", WAIT).result()).isEqualTo(PlatformLink.Result.NO_REPLY);

        assertThat(platform.received()).extracting(TestPlatform.Received::outcome).containsExactly(
                TestPlatform.Outcome.ACKNOWLEDGED, TestPlatform.Outcome.REFUSED, TestPlatform.Outcome.REFUSED,
                TestPlatform.Outcome.INVALID);
        assertThat(platform.received().get(3).problem()).startsWith("CRC 0000 is wrong: the data segment's is ");
    }

    /** A real-time packet is acknowledged; one with a statistic, an unknown flag or a time that is none is not. */
    @Test
    void checksTheCodesFieldsAndFlagsOfADataUpload() throws Exception {
        Cp realtime = Cp.parse("DataTime=20260301100025;a21026-Rtd=60.000,a21026-Flag=N;a00000-Flag=B");

        assertThat(link.send(frame("20260301100030001", "123456", "2011", realtime), "20260301100030001", WAIT).result())
                .isEqualTo(PlatformLink.Result.ACKED);
        for (String cp : List.of("DataTime=20260301100025;a21026-Avg=60.000,a21026-Flag=N",
                "DataTime=20260301100025;a21026-Rtd=60.000,a21026-Flag=X", "DataTime=20260230100025;a21026-Rtd=60.000")) {
            assertThat(link.send(frame("20260301100030002", "123456", "2011", Cp.parse(cp)), "20260301100030002", WAIT).result())
                    .isEqualTo(PlatformLink.Result.NO_REPLY);
        }

        assertThat(platform.received()).extracting(TestPlatform.Received::problem).containsExactly(null,
                "a21026-Avg: CN 2011 carries no field Avg", "a21026-Flag=X is not a data flag (N F M S D C T B)",
                "DataTime=20260230100025 is not a time yyyyMMddHHmmss");
    }
}
