package io.plumeline.flink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.accounting.TelemetryArchive.ArchivedReading;
import io.plumeline.flink.sink.ReadingToPoint;
import io.plumeline.stack.InfluxDbServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The raw telemetry read back from a real InfluxDB, as the sink writes it (ReadingToPoint). */
class InfluxTelemetryArchiveTest {

    private static final String DB = "archivetest";
    // recent: InfluxDB keeps raw telemetry for the policy's duration only
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
    /** OPC UA Bad_SensorFailure: a BAD reading, stored without a value. */
    private static final long BAD = 0x808B0000L;

    private static String line(String site, String tag, int minute, double value, long status) {
        return ReadingToPoint.toLine(Reading.of(site, tag, T0.plus(Duration.ofMinutes(minute)), value, status, null, 0), "u");
    }

    @Test
    void readsEachTagsReadingsOfItsSiteInTheRangeOldestFirstAndTheGoodOnesAroundAGap() throws Exception {
        try (InfluxDbServer influx = InfluxDbServer.startTemporary()) {
            influx.createDatabase(DB);
            influx.query(DB, "CREATE RETENTION POLICY \"raw\" ON \"" + DB + "\" DURATION 90d REPLICATION 1 DEFAULT");
            influx.write(DB, Stream.of(
                    line("s", "a", 0, 10, 0), line("s", "a", 1, 11, BAD), line("s", "a", 2, 12, 0),
                    line("s", "b", 1, 20, 0), line("s", "c", 1, 30, 0), line("other", "a", 1, 99, 0),
                    line("s", "a", 90, 13, 0)).collect(Collectors.joining("\n")));
            InfluxTelemetryArchive archive = new InfluxTelemetryArchive(URI.create(influx.url()), DB, InfluxCredentials.none());

            List<ArchivedReading> read = archive.read("s", List.of("a", "b"), T0, T0.plus(Duration.ofHours(1)));
            assertThat(read).extracting(ArchivedReading::tag, ArchivedReading::ts, ArchivedReading::value, ArchivedReading::quality)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", T0, 10.0, "GOOD"),
                            org.assertj.core.groups.Tuple.tuple("a", T0.plusSeconds(60), null, "BAD"),
                            org.assertj.core.groups.Tuple.tuple("b", T0.plusSeconds(60), 20.0, "GOOD"),
                            org.assertj.core.groups.Tuple.tuple("a", T0.plusSeconds(120), 12.0, "GOOD"));

            assertThat(archive.lastGoodBefore("s", "a", T0.plusSeconds(150)).orElseThrow().value())
                    .as("the BAD reading at :01 is skipped, the other site's too").isEqualTo(12.0);
            assertThat(archive.lastGoodBefore("s", "a", T0.plusSeconds(90)).orElseThrow().value()).isEqualTo(10.0);
            assertThat(archive.firstGoodFrom("s", "a", T0.plusSeconds(60)).orElseThrow().ts()).isEqualTo(T0.plusSeconds(120));
            assertThat(archive.firstGoodFrom("s", "a", T0.plus(Duration.ofMinutes(91)))).isEmpty();

            // a tag id that tries to widen the query reads nothing: it is one string literal
            assertThat(archive.read("s", List.of("x' OR \"tag\" = 'a"), T0, T0.plus(Duration.ofHours(1)))).isEmpty();

            influx.close();
            assertThatThrownBy(() -> archive.read("s", List.of("a"), T0, T0.plusSeconds(60)))
                    .isInstanceOf(IOException.class).hasMessageContaining("the archive at http://127.0.0.1:");
        }
    }
}
