package io.plumeline.hj212.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command parameters {@code CP=&&…&&}: groups separated by {@code ;}, each a list of {@code key=value} separated
 * by {@code ,} — {@code DataTime=20260301100000;a21026-Avg=12.3,a21026-Flag=N;a21002-Avg=…} — one group per
 * pollutant, so the order of groups and of keys within them is kept as written.
 */
public record Cp(List<List<Entry>> groups) {

    public record Entry(String key, String value) {
        public Entry {
            for (String part : List.of(key, value)) {
                if (part.chars().anyMatch(c -> c == ';' || c == ',' || c == '=' || c == '&')) {
                    throw new IllegalArgumentException("CP entry " + key + "=" + value + ": ; , = and & are separators");
                }
            }
        }
    }

    public static final Cp EMPTY = new Cp(List.of());

    public Cp {
        groups = groups.stream().map(List::copyOf).toList();
    }

    public static Cp parse(String text) {
        if (text.isEmpty()) return EMPTY;
        List<List<Entry>> groups = new ArrayList<>();
        for (String group : text.split(";", -1)) {
            List<Entry> entries = new ArrayList<>();
            for (String pair : group.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new PacketException("CP: '" + pair + "' is not key=value");
                entries.add(new Entry(pair.substring(0, eq), pair.substring(eq + 1)));
            }
            groups.add(entries);
        }
        return new Cp(groups);
    }

    public String text() {
        return groups.stream().map(g -> g.stream().map(e -> e.key() + "=" + e.value()).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    /** The value of the first entry with {@code key}, in any group. */
    public Optional<String> get(String key) {
        return groups.stream().flatMap(List::stream).filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
    }
}
