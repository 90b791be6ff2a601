package io.plumeline.flink.accounting;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stored telemetry as a list, for the operator harness: what the sink had written when the hour is computed
 * again. {@link #failNext} makes the next reads fail as an unreachable InfluxDB does (a fault the harness cannot
 * produce with a real server; {@code InfluxTelemetryArchiveTest} reads a real one).
 */
final class InMemoryArchive implements TelemetryArchive {

    final List<ArchivedReading> stored = new ArrayList<>();
    int failNext;
    int reads;

    @Override
    public List<ArchivedReading> read(String site, Collection<String> tags, Instant from, Instant to) throws IOException {
        reads++;
        if (failNext > 0) {
            failNext--;
            throw new IOException("connection refused (test)");
        }
        return stored.stream().filter(r -> tags.contains(r.tag()) && !r.ts().isBefore(from) && r.ts().isBefore(to))
                .sorted(Comparator.comparing(ArchivedReading::ts)).toList();
    }

    @Override
    public Optional<ArchivedReading> lastGoodBefore(String site, String tag, Instant t) {
        return stored.stream().filter(r -> r.tag().equals(tag) && r.value() != null && r.ts().isBefore(t))
                .max(Comparator.comparing(ArchivedReading::ts));
    }

    @Override
    public Optional<ArchivedReading> firstGoodFrom(String site, String tag, Instant t) {
        return stored.stream().filter(r -> r.tag().equals(tag) && r.value() != null && !r.ts().isBefore(t))
                .min(Comparator.comparing(ArchivedReading::ts));
    }
}
