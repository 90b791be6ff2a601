package io.plumeline.hj212.uplink;

import io.plumeline.hj212.packet.FrameReader;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.packet.PacketCodec;
import io.plumeline.hj212.packet.PacketException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One TCP connection of a stack's logger to a platform: sends a frame and waits for the platform's reply with the
 * same QN — the data reply CN 9014, or a request reply CN 9011 whose QnRtn refuses it. Replies to other QNs (a late
 * one to an earlier try) are skipped; an unreadable reply is logged by the caller as no reply.
 */
final class PlatformLink implements AutoCloseable {

    enum Result { ACKED, REFUSED, NO_REPLY }

    record Reply(Result result, Integer qnRtn) {
    }

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private Socket socket;
    private FrameReader replies;

    PlatformLink(String host, int port, Duration connectTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    boolean connected() {
        return socket != null && !socket.isClosed();
    }

    void connect() throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        replies = new FrameReader(s.getInputStream());
    }

    Reply send(String frame, String qn, Duration ackTimeout) throws IOException {
        socket.getOutputStream().write(frame.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) return new Reply(Result.NO_REPLY, null);
            socket.setSoTimeout((int) left);
            Optional<String> reply;
            try {
                reply = replies.next();
            } catch (SocketTimeoutException e) {
                return new Reply(Result.NO_REPLY, null);
            }
            if (reply.isEmpty()) throw new IOException("the platform closed the connection");
            Optional<Reply> answer = answer(reply.get(), qn);
            if (answer.isPresent()) return answer.get();
        }
    }

    private static Optional<Reply> answer(String frame, String qn) {
        Packet p;
        try {
            p = PacketCodec.parse(frame);
        } catch (PacketException e) {
            return Optional.empty();
        }
        if (!qn.equals(p.qn())) return Optional.empty();
        if (Packet.DATA_REPLY.equals(p.cn())) return Optional.of(new Reply(Result.ACKED, null));
        if (Packet.REQUEST_REPLY.equals(p.cn())) {
            int code = p.cp().get("QnRtn").filter(t -> t.matches("\\d{1,3}")).map(Integer::parseInt).orElse(100);
            return Optional.of(code == 1 ? new Reply(Result.ACKED, null) : new Reply(Result.REFUSED, code));
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) socket.close();
        socket = null;
    }
}
