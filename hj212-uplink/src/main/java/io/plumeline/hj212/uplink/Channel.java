package io.plumeline.hj212.uplink;

import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.packet.PacketCodec;
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
import java.util.ArrayList;
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
 */
final class Channel {

    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** HJ 212 QnRtn 9: the platform found the CRC wrong, which sending again may cure. */
    private static final int CRC_ERROR = 9;

    private final Hj212Stack stack;
    private final UplinkSettings.Platform platform;
    private final UplinkSettings settings;
    private final ZoneId zone;
    private final FileSpool spool;
    private final Path dir;
    private final Map<String, Instant> next = new TreeMap<>();
    private final AtomicLong made = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastAckedQn = "-";
    private volatile boolean connected;
    private Instant lastQn = Instant.EPOCH;

    Channel(Hj212Stack stack, UplinkSettings.Platform platform, UplinkSettings settings, ZoneId zone) {
        this.stack = stack;
        this.platform = platform;
        this.settings = settings;
        this.zone = zone;
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
            Instant after = end(cadence, cadence.start(StackPackets.dataTime(p, zone), zone, settings.realtimeInterval()));
            next.merge(p.cn(), after, (a, b) -> a.isAfter(b) ? a : b);
        });
        for (Cadence cadence : settings.cadences()) {
            next.putIfAbsent(cadence.cn(), cadence.start(settings.from(), zone, settings.realtimeInterval()));
        }
    }

    /**
     * How far back real-time packets are made: real-time data is for watching the stack now, and the minutes, hours and
     * days the platform keeps cover the past, so an uplink started with an early {@code --from}, or back after a long
     * stop, does not make thousands of stale real-time packets (a packet made is still sent, however late).
     */
    static final Duration REALTIME_CATCH_UP = Duration.ofMinutes(10);

    /** Makes every packet whose interval ended at least the settings' delay before {@code now}; returns how many. */
    int produce(InfluxTelemetry telemetry, String site, Instant now) throws IOException, InterruptedException {
        int count = 0;
        for (Cadence cadence : settings.cadences()) {
            Instant start = next.get(cadence.cn());
            if (cadence == Cadence.REALTIME) {
                Instant oldest = cadence.start(now.minus(REALTIME_CATCH_UP), zone, settings.realtimeInterval());
                if (start.isBefore(oldest)) start = oldest;
            }
            while (!end(cadence, start).plus(settings.delay()).isAfter(now)) {
                Instant end = end(cadence, start);
                String frame = PacketCodec.encode(make(telemetry, site, cadence, start, end), Hj212V2017.INSTANCE);
                spool.append(frame.strip());
                next.put(cadence.cn(), end);
                writeCursor();
                made.incrementAndGet();
                count++;
                start = end;
            }
        }
        return count;
    }

    /** The packet of one interval; a day is read an hour at a time, so that no query holds a day of readings. */
    private Packet make(InfluxTelemetry telemetry, String site, Cadence cadence, Instant start, Instant end)
            throws IOException, InterruptedException {
        List<String> tags = stack.pollutants().stream().map(m -> m.tag().id()).toList();
        String qn = Packet.qn(nextQn(), zone);
        String pw = platform.password();
        return switch (cadence) {
            case REALTIME -> StackPackets.realtime(stack, start, telemetry.read(site, tags, start, end), pw, zone, qn);
            case MINUTE -> StackPackets.minute(stack, start, telemetry.read(site, tags, start, end), pw, zone, qn);
            case HOUR -> StackPackets.hour(stack, start, telemetry.read(site, tags, start, end), pw, zone, qn);
            case DAY -> {
                List<Map<Hj212Stack.Mapped, StackPackets.Value>> hours = new ArrayList<>();
                for (Instant h = start; h.isBefore(end); h = end(Cadence.HOUR, h)) {
                    hours.add(StackPackets.hourValues(stack, h, telemetry.read(site, tags, h, end(Cadence.HOUR, h))));
                }
                yield StackPackets.day(stack, start, hours, pw, zone, qn);
            }
        };
    }

    private Instant end(Cadence cadence, Instant start) {
        return cadence.end(start, zone, settings.realtimeInterval());
    }

    /** QNs are the time they were made, to the millisecond, one apart at least so that each names one packet. */
    private Instant nextQn() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastQn = now.isAfter(lastQn) ? now : lastQn.plusMillis(1);
        return lastQn;
    }

    private void writeCursor() throws IOException {
        StringBuilder text = new StringBuilder();
        next.forEach((cn, at) -> text.append(cn).append(' ').append(at).append('\n'));
        AtomicFile.write(dir.resolve("cursor"), text.toString());
    }

    /** Sends the spool's packets in order until {@code running} says stop. */
    void send(BooleanSupplier running) throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        try (PlatformLink link = new PlatformLink(platform.host(), platform.port(), settings.ackTimeout())) {
            while (running.getAsBoolean()) {
                var head = spool.head(500);
                if (head.isEmpty()) continue;
                try {
                    if (!link.connected()) {
                        link.connect();
                        connected = true;
                        LOG.info("{}: connected to {}:{}", name(), platform.host(), platform.port());
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
                + ", waiting " + spool.depth() + ", last acknowledged QN " + lastAckedQn + (connected ? ", connected" : ", not connected");
    }

    void close() {
        spool.close();
    }
}
