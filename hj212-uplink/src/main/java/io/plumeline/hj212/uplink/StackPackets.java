package io.plumeline.hj212.uplink;

import io.plumeline.hj212.packet.Cp;
import io.plumeline.hj212.packet.Flag;
import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.site.Hj212Stack;
import io.plumeline.hj212.site.Pollutant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The minute (CN 2051) and hour (CN 2061) packets of one stack from its tags' samples. Each code gets
 * {@code -Cou,-Min,-Avg,-Max,-Flag}; {@code -Cou} is what went out of the stack in the interval, dry at standard
 * conditions: for the flue gas flow its volume, Σ minute average (Nm³/h) / 60 in m³; for a concentration its mass,
 * Σ minute average (mg/Nm³) × the minute's average flow (Nm³/h) / 60 × 10⁻⁶ in kg, over the minutes where both are
 * valid. An hour's statistics come from its 60 minutes ({@link Interval#hour}).
 */
final class StackPackets {

    static final String MINUTE = "2051";
    static final String HOUR = "2061";
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final double KG_PER_MG = 1e-6;

    private StackPackets() {
    }

    /** One tag's statistics and emitted amount over an interval (amount null when undefined). */
    record Value(Interval stats, Double cou) {
    }

    static Packet minute(Hj212Stack stack, Instant start, List<Sample> samples, String pw, ZoneId zone, String qn) {
        return packet(stack, MINUTE, start, minuteValues(stack, start, samples), pw, zone, qn);
    }

    static Packet hour(Hj212Stack stack, Instant start, List<Sample> samples, String pw, ZoneId zone, String qn) {
        Map<Hj212Stack.Mapped, List<Value>> minutes = new LinkedHashMap<>();
        for (int m = 0; m < 60; m++) {
            Instant from = start.plus(Duration.ofMinutes(m));
            List<Sample> inMinute = samples.stream().filter(s -> !s.ts().isBefore(from) && s.ts().isBefore(from.plusSeconds(60))).toList();
            minuteValues(stack, from, inMinute).forEach((mapped, v) -> minutes.computeIfAbsent(mapped, k -> new ArrayList<>()).add(v));
        }
        Map<Hj212Stack.Mapped, Value> hour = new LinkedHashMap<>();
        minutes.forEach((mapped, values) -> {
            List<Double> cous = values.stream().map(Value::cou).filter(c -> c != null).toList();
            hour.put(mapped, new Value(Interval.hour(values.stream().map(Value::stats).toList()),
                    cous.isEmpty() ? null : cous.stream().mapToDouble(Double::doubleValue).sum()));
        });
        return packet(stack, HOUR, start, hour, pw, zone, qn);
    }

    private static Map<Hj212Stack.Mapped, Value> minuteValues(Hj212Stack stack, Instant start, List<Sample> samples) {
        Map<Hj212Stack.Mapped, Interval> stats = new LinkedHashMap<>();
        for (Hj212Stack.Mapped mapped : stack.pollutants()) {
            List<Sample> own = samples.stream().filter(s -> s.tag().equals(mapped.tag().id())).toList();
            stats.put(mapped, Interval.minute(own, mapped.factor(), mapped.tag().valid()));
        }
        Interval flow = stack.flow().map(stats::get).filter(Interval::valid).orElse(null);
        Map<Hj212Stack.Mapped, Value> values = new LinkedHashMap<>();
        stats.forEach((mapped, s) -> values.put(mapped, new Value(s, cou(mapped.pollutant().kind(), s, flow))));
        return values;
    }

    private static Double cou(Pollutant.Kind kind, Interval s, Interval flow) {
        if (!s.valid() || flow == null) return null;
        return switch (kind) {
            case FLOW -> s.avg() / 60;
            case CONCENTRATION -> s.avg() * flow.avg() / 60 * KG_PER_MG;
            default -> null;
        };
    }

    private static Packet packet(Hj212Stack stack, String cn, Instant start, Map<Hj212Stack.Mapped, Value> values,
            String pw, ZoneId zone, String qn) {
        List<List<Cp.Entry>> groups = new ArrayList<>();
        groups.add(List.of(new Cp.Entry("DataTime", DATA_TIME.format(start.atZone(zone)))));
        values.forEach((mapped, v) -> {
            String code = mapped.pollutant().code();
            List<Cp.Entry> group = new ArrayList<>();
            if (v.cou() != null) group.add(new Cp.Entry(code + "-Cou", number(v.cou(), 4)));
            if (v.stats().avg() != null) {
                group.add(new Cp.Entry(code + "-Min", number(v.stats().min(), 3)));
                group.add(new Cp.Entry(code + "-Avg", number(v.stats().avg(), 3)));
                group.add(new Cp.Entry(code + "-Max", number(v.stats().max(), 3)));
            }
            group.add(new Cp.Entry(code + "-Flag", String.valueOf(v.stats().flag())));
            groups.add(group);
        });
        return new Packet(qn, stack.st(), cn, pw, stack.mn(), new Flag(Hj212V2017.INSTANCE.versionBits(), true, false), null, null, new Cp(groups));
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The interval start a packet's DataTime names. */
    static Instant dataTime(Packet packet, ZoneId zone) {
        String text = packet.cp().get("DataTime").orElseThrow(() -> new IllegalArgumentException("packet without DataTime"));
        return LocalDateTime.parse(text, DATA_TIME).atZone(zone).toInstant();
    }
}
