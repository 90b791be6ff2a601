package io.plumeline.hj212.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.hj212.packet.Cp;
import io.plumeline.hj212.packet.Flag;
import io.plumeline.hj212.packet.FrameReader;
import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.packet.PacketCodec;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code receive}'s requests from standard input, to a logger played here by a plain socket: the platform knows it by
 * the MN of the packet it sent, sends it the request with that packet's ST and PW, and picks its reply out by the QN.
 */
class ReceiveRequestsTest {

    @Test
    void eachLineOfInputIsARequestToTheLoggerWithThatMn() throws Exception {
        try (TestPlatform platform = new TestPlatform(InetAddress.getLoopbackAddress(), 0, Optional.empty(), r -> { }).start();
             Socket logger = new Socket(InetAddress.getLoopbackAddress(), platform.port())) {
            FrameReader frames = new FrameReader(logger.getInputStream());
            send(logger, new Packet("20260301100100000", "31", "2051", "123456", "PLM0001", new Flag(1, true, false), null, null,
                    Cp.parse("DataTime=20260301100000;a21026-Avg=50.000,a21026-Flag=N")));
            assertThat(PacketCodec.parse(frames.next().orElseThrow()).cn()).isEqualTo("9014");

            StringWriter printed = new StringWriter();
            Receive.sendRequests(platform, new BufferedReader(new StringReader(
                    "PLM0001 2061 BeginTime=20260301100000;EndTime=20260301120000\nPLM0001\n\nPLM9999 1011\n")), new PrintWriter(printed));

            Packet request = PacketCodec.parse(frames.next().orElseThrow());
            assertThat(request.qn()).matches("\\d{17}");
            assertThat(request).extracting(Packet::st, Packet::cn, Packet::pw, Packet::mn).containsExactly("31", "2061", "123456", "PLM0001");
            assertThat(request.flag().bits()).isEqualTo(5);
            assertThat(request.cp().text()).isEqualTo("BeginTime=20260301100000;EndTime=20260301120000");
            List<String> lines = printed.toString().lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
            assertThat(lines).containsExactly("REQUEST QN=" + request.qn() + " CN=2061 to PLM0001",
                    "REQUEST not sent (a request is MN CN [CP], e.g. PLM0001 2061 BeginTime=20260301000000;EndTime=20260301020000): PLM0001",
                    "REQUEST not sent (no logger with MN PLM9999 is connected): PLM9999 1011");

            send(logger, Packet.requestReply(request.qn(), "123456", "PLM0001", 1));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (platform.replies(request.qn()).isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(platform.replies(request.qn())).extracting(r -> r.packet().cp().text()).containsExactly("QnRtn=1");
        }
    }

    private static void send(Socket socket, Packet packet) throws Exception {
        socket.getOutputStream().write(PacketCodec.encode(packet, Hj212V2017.INSTANCE).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }
}
