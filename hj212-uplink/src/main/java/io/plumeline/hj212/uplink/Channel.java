package io.plumeline.hj212.uplink;

import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.packet.PacketCodec;
import io.plumeline.hj212.packet.PacketSplit;
import io.plumeline.hj212.packet.QnRtn;
import io.plumeline.hj212.site.Hj212Stack;
import io.plumeline.hj212.spool.AtomicFile;
import io.plumeline.hj212.spool.FileSpool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stack reporting to one platform: packets are made in interval order into the channel's spool, and sent from
 * it in that order, one at a time, each until the platform acknowledges it (docs/processes.md, "HJ 212 uplink").
 * The spool holds each packet from the moment it is made, so nothing made is lost when the platform is away or the
 * process is killed; {@code cursor} holds, per CN, the start of the next interval to make, and a packet spooled
 * just before a crash that the cursor does not count yet is found as the spool's newest line, so none is made twice.
 * The connection stays open while there is nothing to send, so that the platform can send its requests; they are
 * answered ({@link PlatformRequests}) between two live packets, one at a time, never while a packet waits for its
 * acknowledgement.
 */
final class Channel {

    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How long the sender listens for the platform's requests when the spool has nothing to send. */
    private static final Duration IDLE = Duration.ofMillis(500);
    /** HJ 212 QnRtn 9: the platform found the CRC wrong, which sending again may cure. */
    private static final int CRC_ERROR = QnRtn.CRC_WRONG.code();

    private final Hj212Stack stack;
    private final UplinkSettings.Platform platform;
    private final UplinkSettings settings;
    private final ZoneId zone;
    private final PacketMaker maker;
    private final PlatformRequests requests;
    private final FileSpool spool;
    private final Path dir;
    private final Map<String, Instant> next = new TreeMap<>();
    private final AtomicLong made = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile String lastAckedQn = "-";
    private volatile boolean connected;
    private Instant lastQn = Instant.EPOCH;

    Channel(Hj212Stack stack, UplinkSettings.Platform platform, UplinkSettings settings, ZoneId zone, PacketMaker maker) {
        this.stack = stack;
        this.platform = platform;
        this.settings = settings;
        this.zone = zone;
        this.maker = maker;
        this.requests = new PlatformRequests(name(), stack, platform, settings, zone, maker);
        this.dir = settings.spoolDir().resolve(platform.id()).resolve(stack.mn());
        this.spool = new FileSpool(dir, settings.compactBytes());
        readCursor();
    }

    String name() {
        return stack.mn() + "→" + platform.id();
    }

    private void readCursor() {
        try {
            Path file = dir.resolve("cursor");
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.split(" ");
                    next.put(parts[0], Instant.parse(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("cursor") + ": " + e.getMessage(), e);
        }
        spool.last().map(PacketCodec::parse).ifPresent(p -> {
            Cadence cadence = Cadence.of(p.cn()).orElseThrow();
            Instant after = maker.end(cadence, maker.start(cadence, StackPackets.dataTime(p, zone)));
            next.merge(p.cn(), after, (a, b) -> a.isAfter(b) ? a : b);
        });
        for (Cadence cadence : settings.cadences()) {
            next.putIfAbsent(cadence.cn(), maker.start(cadence, settings.from()));
        }
    }

    /**
     * How far back real-time packets are made: real-time data is for watching the stack now, and the minutes, hours and
     * days the platform keeps cover the past, so an uplink started with an early {@code --from}, or back after a long
     * stop, does not make thousands of stale real-time packets (a packet made is still sent, however late).
     */
    static final Duration REALTIME_CATCH_UP = Duration.ofMinutes(10);

    /** Makes every packet whose interval ended at least the settings' delay before {@code now}; returns how many. */
    int produce(Instant now) throws IOException, InterruptedException {
        int count = 0;
        for (Cadence cadence : settings.cadences()) {
            Instant start = next.get(cadence.cn());
            if (cadence == Cadence.REALTIME) {
                Instant oldest = maker.start(cadence, now.minus(REALTIME_CATCH_UP));
                if (start.isBefore(oldest)) start = oldest;
            }
            // the intervals that end by the start of the one holding now − delay have ended at least delay ago
            Instant due = maker.start(cadence, now.minus(settings.delay()));
            for (List<Packet> read = maker.next(cadence, start, due, platform.password(), this::nextQn); !read.isEmpty();
                    read = maker.next(cadence, start, due, platform.password(), this::nextQn)) {
                for (Packet packet : read) {
                    spool.append(frames(packet).stream().map(String::strip).toList());
                    start = maker.end(cadence, start);
                    next.put(cadence.cn(), start);
                    writeCursor();
                    made.incrementAndGet();
                    count++;
                }
            }
        }
        return count;
    }

    /** QNs are the time they were made, to the millisecond, one apart at least so that each names one packet. */
    private String nextQn() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastQn = now.isAfter(lastQn) ? now : lastQn.plusMillis(1);
        return Packet.qn(lastQn, zone);
    }

    private void writeCursor() throws IOException {
        StringBuilder text = new StringBuilder();
        next.forEach((cn, at) -> text.append(cn).append(' ').append(at).append('\n'));
        AtomicFile.write(dir.resolve("cursor"), text.toString());
    }

    /**
     * Sends the spool's packets in order until {@code running} says stop, and answers the platform's requests between
     * them: the connection is opened and kept whether or not there is something to send.
     */
    void send(BooleanSupplier running) throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        try (PlatformLink link = new PlatformLink(platform.host(), platform.port(), settings.ackTimeout())) {
            while (running.getAsBoolean()) {
                try {
                    if (!link.connected()) {
                        link.connect();
                        connected = true;
                        LOG.info("{}: connected to {}:{}", name(), platform.host(), platform.port());
                    }
                    for (var request = link.nextRequest(Duration.ZERO); request.isPresent(); request = link.nextRequest(Duration.ZERO)) {
                        answer(link, request.get());
                    }
                    var head = spool.head(0);
                    if (head.isEmpty()) {
                        var request = link.nextRequest(IDLE);
                        if (request.isPresent()) answer(link, request.get());
                        backoff = Duration.ofSeconds(1);
                        continue;
                    }
                    if (deliver(link, head.get())) {
                        backoff = Duration.ofSeconds(1);
                        continue;
                    }
                    LOG.warn("{}: no reply after {} tries; reconnecting", name(), settings.retries() + 1);
                    link.close();
                } catch (IOException e) {
                    if (connected) LOG.warn("{}: platform {}:{} unreachable: {}", name(), platform.host(), platform.port(), e.getMessage());
                    connected = false;
                    closeQuietly(link);
                }
                connected = false;
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        } catch (IOException e) {
            LOG.debug("{}: closing: {}", name(), e.getMessage());
        }
    }

    /** One request, answered whole on the connection before anything else is sent. */
    private void answer(PlatformLink link, String request) throws IOException, InterruptedException {
        requests.answer(request, packet -> {
            for (String frame : frames(packet)) link.write(frame);
        });
        answered.incrementAndGet();
    }

    /** The packet's frames, CRLF included: one, or its parts when it is longer than a data segment may be. */
    private static List<String> frames(Packet packet) {
        return PacketSplit.of(packet, Hj212V2017.INSTANCE).stream().map(part -> PacketCodec.encode(part, Hj212V2017.INSTANCE))
                .toList();
    }

    /** One packet until acknowledged or set aside (true), or until the tries are used up (false). */
    private boolean deliver(PlatformLink link, String line) throws IOException {
        Packet packet = PacketCodec.parse(line);
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (attempt > 0) resent.incrementAndGet();
            PlatformLink.Reply reply = link.send(line + "\r\n", packet.qn(), settings.ackTimeout());
            switch (reply.result()) {
                case ACKED -> {
                    spool.ack();
                    acked.incrementAndGet();
                    lastAckedQn = packet.qn();
                    return true;
                }
                case REFUSED -> {
                    if (reply.qnRtn() == CRC_ERROR) continue;
                    setAside(line, reply.qnRtn());
                    return true;
                }
                case NO_REPLY -> { }
            }
        }
        return false;
    }

    /**
     * A packet the platform refuses for a reason sending it again cannot cure (a wrong password, MN or field) is moved
     * to {@code refused.log} with the return code, so that the packets behind it go on; an operator can resend it.
     */
    private void setAside(String line, int qnRtn) throws IOException {
        Files.writeString(dir.resolve("refused.log"), Instant.now() + " QnRtn=" + qnRtn + " " + line + "\n",
                StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        spool.ack();
        refused.incrementAndGet();
        LOG.error("{}: the platform refused packet QN={} with QnRtn={}; set aside in {}", name(),
                PacketCodec.parse(line).qn(), qnRtn, dir.resolve("refused.log"));
    }

    private static void closeQuietly(PlatformLink link) {
        try {
            link.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }

    String progress() {
        return name() + ": made " + made + ", acknowledged " + acked + ", resent " + resent + ", refused " + refused
                + ", waiting " + spool.depth() + ", requests answered " + answered + ", last acknowledged QN " + lastAckedQn + (connected ? ", connected" : ", not connected");
    }

    void close() {
        spool.close();
    }
}
