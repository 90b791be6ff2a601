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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * One TCP connection of a stack's logger to a platform: sends a frame and waits for the platform's reply with the
 * same QN — the data reply CN 9014, or a request reply CN 9011 whose QnRtn refuses it. Replies to other QNs (a late
 * one to an earlier try) are skipped; an unreadable reply is logged by the caller as no reply. Frames the platform
 * sends that are no reply (CN 9011–9014) are its requests: they are kept, in the order they came, for
 * {@link #nextRequest}, also when they arrive while a packet waits for its reply, and are answered on this connection
 * ({@link #write}). They go when the connection does.
 */
final class PlatformLink implements AutoCloseable {

    enum Result { ACKED, REFUSED, NO_REPLY }

    record Reply(Result result, Integer qnRtn) {
    }

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Deque<String> requests = new ArrayDeque<>();
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
        dropWaitingReplies();
        write(frame);
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) return new Reply(Result.NO_REPLY, null);
            Optional<String> reply = read(left);
            if (reply.isEmpty()) return new Reply(Result.NO_REPLY, null);
            Optional<Reply> answer = answer(reply.get(), qn);
            if (answer.isPresent()) return answer.get();
        }
    }

    /**
     * Replies that came after the one a packet waited for (to an earlier try of it) are dropped before the next frame
     * goes, so that none stands for that frame's reply: the parts of a split packet share their QN. Requests are kept.
     */
    private void dropWaitingReplies() throws IOException {
        for (Optional<String> frame = read(1); frame.isPresent(); frame = read(1)) answer(frame.get(), null);
    }

    /** Writes one frame (CRLF included). */
    void write(String frame) throws IOException {
        socket.getOutputStream().write(frame.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /**
     * The oldest request the platform sent that is not answered yet, waiting up to {@code wait} (at least a
     * millisecond) for one; replies that come meanwhile are late ones, and skipped.
     */
    Optional<String> nextRequest(Duration wait) throws IOException {
        long deadline = System.nanoTime() + Math.max(wait.toNanos(), 1_000_000);
        while (requests.isEmpty()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) return Optional.empty();
            Optional<String> frame = read(left);
            if (frame.isEmpty()) return Optional.empty();
            answer(frame.get(), null);
        }
        return Optional.of(requests.removeFirst());
    }

    /** The next frame within {@code millis}; empty when none came in time; an IOException when the platform hung up. */
    private Optional<String> read(long millis) throws IOException {
        socket.setSoTimeout((int) Math.max(1, millis));
        Optional<String> frame;
        try {
            frame = replies.next();
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        if (frame.isEmpty()) throw new IOException("the platform closed the connection");
        return frame;
    }

    /** The reply to the packet numbered {@code qn} (null: none waits), or empty; a request is kept for later. */
    private Optional<Reply> answer(String frame, String qn) {
        Packet p;
        try {
            p = PacketCodec.parse(frame);
        } catch (PacketException e) {
            // an unreadable reply is no reply; anything else the platform sent is a request, refused when answered
            if (!Packet.isReply(PacketCodec.looseHeader(frame).get("CN"))) requests.addLast(frame);
            return Optional.empty();
        }
        if (!Packet.isReply(p.cn())) {
            requests.addLast(frame);
            return Optional.empty();
        }
        if (qn == null || !qn.equals(p.qn())) return Optional.empty();
        if (Packet.DATA_REPLY.equals(p.cn())) return Optional.of(new Reply(Result.ACKED, null));
        if (Packet.REQUEST_REPLY.equals(p.cn())) {
            int code = p.cp().get("QnRtn").filter(t -> t.matches("\\d{1,3}")).map(Integer::parseInt).orElse(100);
            return Optional.of(code == 1 ? new Reply(Result.ACKED, null) : new Reply(Result.REFUSED, code));
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        requests.clear();
        if (socket != null) socket.close();
        socket = null;
    }
}
