package io.plumeline.hj212.uplink;

import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.site.Hj212Stack;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A stack's packets from its telemetry in InfluxDB, by {@link StackPackets}: the live packets a {@link Channel} spools
 * as their intervals end, and the past ones a platform asks for again (CN 2051, 2061, 2031 with BeginTime and EndTime,
 * {@link PlatformRequests}). Both are made here from the same reads, so the packet that answers a request carries the
 * CP the live packet of its interval carried; the QN is the caller's. No read holds more than an hour of readings:
 * real-time slots and minutes are read up to an hour of them at once and cut into their intervals, an hour is one
 * read, a day is read an hour at a time.
 */
final class PacketMaker {

    /** The longest stretch one InfluxDB read covers. */
    static final Duration MAX_READ = Duration.ofHours(1);

    private final Hj212Stack stack;
    private final InfluxTelemetry telemetry;
    private final String site;
    private final ZoneId zone;
    private final Duration realtime;
    private final List<String> tags;
    private final List<String> stateTags;

    PacketMaker(Hj212Stack stack, InfluxTelemetry telemetry, String site, ZoneId zone, Duration realtime) {
        this.stack = stack;
        this.telemetry = telemetry;
        this.site = site;
        this.zone = zone;
        this.realtime = realtime;
        this.tags = stack.pollutants().stream().map(m -> m.tag().id()).toList();
        this.stateTags = stack.state().tags();
    }

    Instant end(Cadence cadence, Instant start) {
        return cadence.end(start, zone, realtime);
    }

    Instant start(Cadence cadence, Instant at) {
        return cadence.start(at, zone, realtime);
    }

    /**
     * The packets of the intervals from {@code from} (an interval's start) on that end by {@code to}, in order, as many
     * as one read covers: at least one when the first interval ends by {@code to}, none otherwise. Each packet's QN
     * comes from {@code qn}, asked once per packet.
     */
    List<Packet> next(Cadence cadence, Instant from, Instant to, String pw, Supplier<String> qn) throws IOException, InterruptedException {
        if (end(cadence, from).isAfter(to)) return List.of();
        return switch (cadence) {
            case HOUR -> {
                Readings hour = read(from, end(cadence, from));
                yield List.of(StackPackets.hour(stack, from, hour.samples(), hour.states(), pw, zone, qn.get()));
            }
            case DAY -> {
                List<Map<Hj212Stack.Mapped, StackPackets.Value>> hours = new ArrayList<>();
                Instant dayEnd = end(cadence, from);
                for (Instant h = from; h.isBefore(dayEnd); h = end(Cadence.HOUR, h)) {
                    Readings hour = read(h, end(Cadence.HOUR, h));
                    hours.add(StackPackets.hourValues(stack, h, hour.samples(), hour.states()));
                }
                yield List.of(StackPackets.day(stack, from, hours, pw, zone, qn.get()));
            }
            case REALTIME, MINUTE -> slices(cadence, from, to, pw, qn);
        };
    }

    /** Real-time slots or minutes: one read of up to an hour of them, cut at their boundaries. */
    private List<Packet> slices(Cadence cadence, Instant from, Instant to, String pw, Supplier<String> qn)
            throws IOException, InterruptedException {
        Instant readTo = end(cadence, from);
        Instant longest = from.plus(MAX_READ);
        while (!end(cadence, readTo).isAfter(to) && !end(cadence, readTo).isAfter(longest)) readTo = end(cadence, readTo);
        Readings read = read(from, readTo);
        List<Sample> samples = read.samples();   // oldest first
        List<Packet> packets = new ArrayList<>();
        int i = 0;
        for (Instant start = from; start.isBefore(readTo); start = end(cadence, start)) {
            Instant end = end(cadence, start);
            int first = i;
            while (i < samples.size() && samples.get(i).ts().isBefore(end)) i++;
            List<Sample> own = samples.subList(first, i);
            packets.add(cadence == Cadence.REALTIME ? StackPackets.realtime(stack, start, end, own, read.states(), pw, zone, qn.get())
                    : StackPackets.minute(stack, start, own, read.states(), pw, zone, qn.get()));
        }
        return packets;
    }

    /** Whether any of the stack's tags has a reading, of any quality, with from ≤ ts < to. */
    boolean anyReading(Instant from, Instant to) throws IOException, InterruptedException {
        return telemetry.any(site, tags, from, to);
    }

    /** The stack's readings of [from, to), oldest first, and its state over them. */
    private record Readings(List<Sample> samples, StateTimeline states) {
    }

    /** The pollutants' readings, and the state tags' with the reading of each in effect at {@code from}. */
    private Readings read(Instant from, Instant to) throws IOException, InterruptedException {
        if (stateTags.isEmpty()) return new Readings(telemetry.read(site, tags, from, to), StateTimeline.NONE);
        List<String> all = new ArrayList<>(tags);
        stateTags.stream().filter(t -> !all.contains(t)).forEach(all::add);
        List<Sample> samples = telemetry.read(site, all, from, to);
        List<Sample> states = new ArrayList<>(telemetry.latestBefore(site, stateTags, from));
        states.addAll(samples);
        return new Readings(samples, StateTimeline.of(stack.state(), states));
    }
}
