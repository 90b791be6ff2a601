package io.plumeline.hj212.platform;

import io.plumeline.hj212.packet.Cp;
import io.plumeline.hj212.packet.Flag;
import io.plumeline.hj212.packet.FrameReader;
import io.plumeline.hj212.packet.Hj212V2017;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An HJ 212 receiving platform (上位机) on a TCP port: parses every frame, checks CRC, length, fields, a data
 * upload's codes, fields and flags ({@link DataCheck}) and (when it has one) the password, answers a packet that
 * asks for it with the data reply CN 9014, and logs what it got. For tests, and for users checking their own
 * loggers, it can drop (no answer), delay or refuse packets (a CN 9011 request reply with a QnRtn code, 2 refused …
 * 9 CRC wrong: the 2017 data reply carries no code) and go down and come back up on the same port. It can send a
 * request to a connected logger ({@link #request}), known by the MN of the packets it sent; the logger's replies
 * (CN 9011, the data, CN 9012) are received like any frame, and {@link #replies} picks them out by the request's QN.
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
    /** Per MN, the connection that last sent a packet with it, and that packet (for its ST and PW). */
    private final Map<String, Socket> loggers = new ConcurrentHashMap<>();
    private final Map<String, Packet> lastPacket = new ConcurrentHashMap<>();
    private final AtomicLong lastQn = new AtomicLong();
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

    /** The frames received that carry {@code qn}: a logger's replies to the request with that QN, in the order they came. */
    public synchronized List<Received> replies(String qn) {
        return received.stream().filter(r -> r.packet() != null && qn.equals(r.packet().qn())).toList();
    }

    /** The MNs of the loggers connected now that have sent a packet. */
    public Set<String> loggers() {
        return Set.copyOf(loggers.keySet());
    }

    /**
     * Sends {@code frame} (CRLF included; it may be wrong on purpose) on the connection of the logger with {@code mn}.
     * Throws IllegalStateException when no such logger is connected.
     */
    public void request(String mn, String frame) throws IOException {
        Socket socket = loggers.get(mn);
        if (socket == null || socket.isClosed()) throw new IllegalStateException("no logger with MN " + mn + " is connected");
        synchronized (socket) {
            socket.getOutputStream().write(frame.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
    }

    /** Sends a request packet to the logger with {@code mn}; returns its QN. */
    public String request(String mn, Packet request) throws IOException {
        request(mn, PacketCodec.encode(request, Hj212V2017.INSTANCE));
        return request.qn();
    }

    /**
     * Sends the logger with {@code mn} a request for {@code cn} with {@code cp}, numbered by this machine's clock, with
     * the ST of the logger's packets and this platform's password (else the logger's), asking for a reply (Flag 5).
     */
    public String request(String mn, String cn, Cp cp) throws IOException {
        Packet last = lastPacket.get(mn);
        if (last == null) throw new IllegalStateException("no logger with MN " + mn + " is connected");
        long now = System.currentTimeMillis();
        long at = lastQn.updateAndGet(previous -> Math.max(previous + 1, now));
        String qn = Packet.qn(Instant.ofEpochMilli(at), ZoneId.systemDefault());
        return request(mn, new Packet(qn, last.st(), cn, password.orElse(last.pw()), mn,
                new Flag(Hj212V2017.INSTANCE.versionBits(), true, false), null, null, cp));
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
                if (r.packet() != null && !Packet.isReply(r.packet().cn())) {
                    loggers.put(r.packet().mn(), socket);
                    lastPacket.put(r.packet().mn(), r.packet());
                }
                log.accept(r);
                Optional<Packet> reply = reply(r);
                if (reply.isPresent()) {
                    if (!delay.isZero()) Thread.sleep(delay.toMillis());
                    synchronized (socket) {
                        out.write(PacketCodec.encode(reply.get(), Hj212V2017.INSTANCE).getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the logger hung up, or the platform went down: nothing to answer any more
        } finally {
            connections.remove(socket);
            loggers.values().remove(socket);
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
