package io.plumeline.hj212.uplink;

import io.plumeline.hj212.packet.Cp;
import io.plumeline.hj212.packet.Flag;
import io.plumeline.hj212.packet.Hj212Time;
import io.plumeline.hj212.packet.Hj212V2017;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.site.Hj212Stack;
import io.plumeline.hj212.site.Pollutant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The packets of one stack from its tags' samples: real-time (CN 2011) with each code's {@code -Rtd,-Flag}, and
 * minute (2051), hour (2061) and day (2031) with {@code -Cou,-Min,-Avg,-Max[,-ZsAvg],-Flag}. {@code -Cou} is what
 * went out of the stack in the interval, dry at standard conditions: for the flue gas flow its volume, Σ minute
 * average (Nm³/h) / 60 in m³; for a concentration its mass, Σ minute average (mg/Nm³) × the minute's average flow
 * (Nm³/h) / 60 × 10⁻⁶ in kg, over the minutes where both are valid. An hour's statistics come from its 60 minutes
 * ({@link Interval#hour}), a day's from its hours ({@link Interval#day}), and their {@code -Cou} is the sum of their
 * parts'; {@code -ZsAvg} is in {@link ReferenceO2}. A minute in which the stack's state ({@link StateTimeline}) sets a
 * flag — calibration, maintenance, the source stopped — carries it for every tag, its values as read and invalid: it
 * counts towards no hour's 45 valid minutes and no {@code -Cou}.
 */
final class StackPackets {

    private static final double KG_PER_MG = 1e-6;

    private StackPackets() {
    }

    /** One tag's statistics and emitted amount over an interval (amount null when undefined). */
    record Value(Interval stats, Double cou) {
    }

    /**
     * Each tag's latest reading in the slot [slot, end); DataTime is the newest reading's time, the slot's start when
     * none came.
     */
    static Packet realtime(Hj212Stack stack, Instant slot, Instant end, List<Sample> samples, StateTimeline states,
            String pw, ZoneId zone, String qn) {
        Map<Hj212Stack.Mapped, Value> values = new LinkedHashMap<>();
        char state = states.flag(slot, end);
        for (Hj212Stack.Mapped mapped : stack.pollutants()) {
            List<Sample> latest = own(mapped, samples).stream().max(Comparator.comparing(Sample::ts)).stream().toList();
            values.put(mapped, new Value(Interval.readings(latest, mapped.factor(), mapped.tag().valid()).inState(state), null));
        }
        Instant sampled = samples.stream().map(Sample::ts).max(Comparator.naturalOrder()).orElse(slot);
        return packet(stack, Cadence.REALTIME, sampled, values, pw, zone, qn);
    }

    static Packet minute(Hj212Stack stack, Instant start, List<Sample> samples, StateTimeline states, String pw,
            ZoneId zone, String qn) {
        return packet(stack, Cadence.MINUTE, start, minuteValues(stack, samples, states.flag(start, start.plusSeconds(60))),
                pw, zone, qn);
    }

    static Packet hour(Hj212Stack stack, Instant start, List<Sample> samples, StateTimeline states, String pw, ZoneId zone,
            String qn) {
        return packet(stack, Cadence.HOUR, start, hourValues(stack, start, samples, states), pw, zone, qn);
    }

    /** A day from its hours' values ({@link #hourValues}), which the caller reads an hour at a time. */
    static Packet day(Hj212Stack stack, Instant start, List<Map<Hj212Stack.Mapped, Value>> hours, String pw, ZoneId zone, String qn) {
        return packet(stack, Cadence.DAY, start, combine(hours, Interval::day), pw, zone, qn);
    }

    static Map<Hj212Stack.Mapped, Value> hourValues(Hj212Stack stack, Instant start, List<Sample> samples,
            StateTimeline states) {
        List<Map<Hj212Stack.Mapped, Value>> minutes = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            Instant from = start.plus(Duration.ofMinutes(m));
            Instant to = from.plusSeconds(60);
            minutes.add(minuteValues(stack, samples.stream().filter(s -> !s.ts().isBefore(from) && s.ts().isBefore(to)).toList(),
                    states.flag(from, to)));
        }
        return combine(minutes, Interval::hour);
    }

    /** Each tag's parts joined by {@code stats} (the one validity rule of hours and days), their amounts summed. */
    private static Map<Hj212Stack.Mapped, Value> combine(List<Map<Hj212Stack.Mapped, Value>> parts,
            Function<List<Interval>, Interval> stats) {
        Map<Hj212Stack.Mapped, List<Value>> byTag = new LinkedHashMap<>();
        parts.forEach(part -> part.forEach((mapped, v) -> byTag.computeIfAbsent(mapped, k -> new ArrayList<>()).add(v)));
        Map<Hj212Stack.Mapped, Value> joined = new LinkedHashMap<>();
        byTag.forEach((mapped, values) -> {
            List<Double> cous = values.stream().map(Value::cou).filter(c -> c != null).toList();
            joined.put(mapped, new Value(stats.apply(values.stream().map(Value::stats).toList()),
                    cous.isEmpty() ? null : cous.stream().mapToDouble(Double::doubleValue).sum()));
        });
        return joined;
    }

    /** A minute's values; {@code state}, the flag the stack's state sets over it (0: none), flags every tag's. */
    private static Map<Hj212Stack.Mapped, Value> minuteValues(Hj212Stack stack, List<Sample> samples, char state) {
        Map<Hj212Stack.Mapped, Interval> stats = new LinkedHashMap<>();
        for (Hj212Stack.Mapped mapped : stack.pollutants()) {
            stats.put(mapped, Interval.readings(own(mapped, samples), mapped.factor(), mapped.tag().valid()).inState(state));
        }
        Interval flow = stack.flow().map(stats::get).filter(Interval::valid).orElse(null);
        Map<Hj212Stack.Mapped, Value> values = new LinkedHashMap<>();
        stats.forEach((mapped, s) -> values.put(mapped, new Value(s, cou(mapped.pollutant().kind(), s, flow))));
        return values;
    }

    private static List<Sample> own(Hj212Stack.Mapped mapped, List<Sample> samples) {
        return samples.stream().filter(s -> s.tag().equals(mapped.tag().id())).toList();
    }

    private static Double cou(Pollutant.Kind kind, Interval s, Interval flow) {
        if (!s.valid() || flow == null) return null;
        return switch (kind) {
            case FLOW -> s.avg() / 60;
            case CONCENTRATION -> s.avg() * flow.avg() / 60 * KG_PER_MG;
            default -> null;
        };
    }

    private static Packet packet(Hj212Stack stack, Cadence cadence, Instant dataTime, Map<Hj212Stack.Mapped, Value> values,
            String pw, ZoneId zone, String qn) {
        List<List<Cp.Entry>> groups = new ArrayList<>();
        groups.add(List.of(new Cp.Entry("DataTime", Hj212Time.DATA_TIME.format(dataTime.atZone(zone)))));
        Double o2 = stack.o2().map(values::get).map(v -> v.stats().avg()).orElse(null);
        values.forEach((mapped, v) -> {
            String code = mapped.pollutant().code();
            List<Cp.Entry> group = new ArrayList<>();
            if (cadence == Cadence.REALTIME) {
                if (v.stats().avg() != null) {
                    group.add(new Cp.Entry(code + "-Rtd", number(v.stats().avg(), 3)));
                    ReferenceO2.converted(stack, mapped, v.stats().avg(), o2)
                            .ifPresent(zs -> group.add(new Cp.Entry(code + "-ZsRtd", number(zs, 3))));
                }
            } else {
                if (v.cou() != null) group.add(new Cp.Entry(code + "-Cou", number(v.cou(), 4)));
                if (v.stats().avg() != null) {
                    group.add(new Cp.Entry(code + "-Min", number(v.stats().min(), 3)));
                    group.add(new Cp.Entry(code + "-Avg", number(v.stats().avg(), 3)));
                    group.add(new Cp.Entry(code + "-Max", number(v.stats().max(), 3)));
                    ReferenceO2.converted(stack, mapped, v.stats().avg(), o2).ifPresent(zsAvg -> {
                        group.add(new Cp.Entry(code + "-ZsMin", number(ReferenceO2.converted(stack, mapped, v.stats().min(), o2).orElseThrow(), 3)));
                        group.add(new Cp.Entry(code + "-ZsAvg", number(zsAvg, 3)));
                        group.add(new Cp.Entry(code + "-ZsMax", number(ReferenceO2.converted(stack, mapped, v.stats().max(), o2).orElseThrow(), 3)));
                    });
                }
            }
            group.add(new Cp.Entry(code + "-Flag", String.valueOf(v.stats().flag())));
            groups.add(group);
        });
        return new Packet(qn, stack.st(), cadence.cn(), pw, stack.mn(), new Flag(Hj212V2017.INSTANCE.versionBits(), true, false), null, null, new Cp(groups));
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The time a packet's DataTime names: an interval's start, or a real-time packet's newest reading. */
    static Instant dataTime(Packet packet, ZoneId zone) {
        String text = packet.cp().get("DataTime").orElseThrow(() -> new IllegalArgumentException("packet without DataTime"));
        return LocalDateTime.parse(text, Hj212Time.DATA_TIME).atZone(zone).toInstant();
    }
}
