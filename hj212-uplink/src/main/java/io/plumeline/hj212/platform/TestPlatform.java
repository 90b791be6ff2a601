package io.plumeline.hj212.platform;

import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.FrameReader;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.packet.PacketCodec;
import io.plumeline.hj212.packet.PacketException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An HJ 212 receiving platform (上位机) on a TCP port: parses every frame, checks CRC, length, fields, a data
 * upload's codes, fields and flags ({@link DataCheck}) and (when it has one) the password, answers a packet that
 * asks for it with the data reply CN 9014, and logs what it got. For tests, and for users checking their own
 * loggers, it can drop (no answer), delay or refuse packets (a CN 9011 request reply with a QnRtn code, 2 refused …
 * 9 CRC wrong: the 2017 data reply carries no code) and go down and come back up on the same port.
 */
public final class TestPlatform implements AutoCloseable {

    /** What the platform did with a frame. */
    public enum Outcome { ACKNOWLEDGED, RECEIVED, DROPPED, REFUSED, INVALID }

    /** One frame received: its packet (null when it did not parse), what was wrong, what the platform did. */
    public record Received(Instant at, String frame, Packet packet, String problem, Outcome outcome, Integer qnRtn) {
    }

    private final InetAddress bind;
    private final int port;
    private final Optional<String> password;
    private final Consumer<Received> log;
    private final List<Received> received = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private volatile int refuseCode = 2;
    private volatile Duration delay = Duration.ZERO;
    private volatile int dropEvery;
    private final AtomicInteger seen = new AtomicInteger();
    private ServerSocket server;
    private int boundPort;

    public TestPlatform(InetAddress bind, int port, Optional<String> password, Consumer<Received> log) {
        this.bind = bind;
        this.port = port;
        this.password = password;
        this.log = log;
    }

    /** Listens; a port of 0 takes a free one (see {@link #port()}), which {@link #comeUp()} binds again. */
    public TestPlatform start() throws IOException {
        listen(port);
        return this;
    }

    public synchronized int port() {
        return boundPort;
    }

    /** Closes the port and every connection: the uplink finds the platform unreachable. */
    public synchronized void goDown() throws IOException {
        if (server != null) server.close();
        for (Socket s : connections) s.close();
        connections.clear();
    }

    /** Listens again on the same port. */
    public void comeUp() throws IOException {
        listen(boundPort);
    }

    private synchronized void listen(int on) throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(bind, on));
        server = listening;
        boundPort = listening.getLocalPort();
        Thread accept = new Thread(() -> accept(listening), "hj212-platform-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public void dropNext(int packets) {
        dropNext.set(packets);
    }

    /** Drops every n-th packet (0: none). */
    public void dropEvery(int n) {
        dropEvery = n;
    }

    public void refuseNext(int packets, int qnRtn) {
        refuseCode = qnRtn;
        refuseNext.set(packets);
    }

    public void delayReplies(Duration by) {
        delay = by;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                connections.add(socket);
                Thread reader = new Thread(() -> serve(socket), "hj212-platform-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            FrameReader frames = new FrameReader(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (Optional<String> frame = frames.next(); frame.isPresent(); frame = frames.next()) {
                Received r = handle(frame.get());
                synchronized (this) {
                    received.add(r);
                }
                log.accept(r);
                Optional<Packet> reply = reply(r);
                if (reply.isPresent()) {
                    if (!delay.isZero()) Thread.sleep(delay.toMillis());
                    out.write(PacketCodec.encode(reply.get(), Hj212V2017.INSTANCE).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the logger hung up, or the platform went down: nothing to answer any more
        } finally {
            connections.remove(socket);
        }
    }

    private Received handle(String frame) {
        Packet packet;
        try {
            packet = PacketCodec.parse(frame);
        } catch (PacketException e) {
            return new Received(Instant.now(), frame, null, e.getMessage(), Outcome.INVALID, null);
        }
        Optional<String> wrong = DataCheck.problem(packet);
        if (wrong.isPresent()) return new Received(Instant.now(), frame, packet, wrong.get(), Outcome.INVALID, null);
        int n = seen.incrementAndGet();
        if (dropNext.getAndUpdate(k -> Math.max(0, k - 1)) > 0 || dropEvery > 0 && n % dropEvery == 0) {
            return new Received(Instant.now(), frame, packet, null, Outcome.DROPPED, null);
        }
        if (password.isPresent() && !password.get().equals(packet.pw())) {
            return new Received(Instant.now(), frame, packet, "wrong password", Outcome.REFUSED, 3);
        }
        if (refuseNext.getAndUpdate(k -> Math.max(0, k - 1)) > 0) {
            return new Received(Instant.now(), frame, packet, "refused on demand", Outcome.REFUSED, refuseCode);
        }
        return new Received(Instant.now(), frame, packet, null,
                packet.flag().ackRequested() ? Outcome.ACKNOWLEDGED : Outcome.RECEIVED, null);
    }

    private static Optional<Packet> reply(Received r) {
        return switch (r.outcome()) {
            case ACKNOWLEDGED -> Optional.of(r.packet().dataReply());
            case REFUSED -> Optional.of(r.packet().refusal(r.qnRtn()));
            default -> Optional.empty();
        };
    }

    @Override
    public synchronized void close() throws IOException {
        goDown();
    }
}
