package io.plumeline.flink.accounting;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The stored raw telemetry (measurement {@code telemetry}), read back to compute a source-hour again when readings
 * of it came after its state was gone. {@link #NONE}: a job without one (tests of the stream alone); its late
 * readings are only stored in {@code late_readings}.
 */
public interface TelemetryArchive extends Serializable {

    /** One stored reading; {@code value} is null unless it was GOOD. */
    record ArchivedReading(String tag, Instant ts, Double value, String quality) implements Serializable {
    }

    /** The readings of {@code tags} of {@code site} in [from, to), oldest first. */
    List<ArchivedReading> read(String site, Collection<String> tags, Instant from, Instant to) throws IOException;

    /** The newest GOOD reading of the tag before {@code t}. */
    Optional<ArchivedReading> lastGoodBefore(String site, String tag, Instant t) throws IOException;

    /** The oldest GOOD reading of the tag at or after {@code t}. */
    Optional<ArchivedReading> firstGoodFrom(String site, String tag, Instant t) throws IOException;

    default boolean isNone() {
        return false;
    }

    TelemetryArchive NONE = new TelemetryArchive() {
        @Override
        public List<ArchivedReading> read(String site, Collection<String> tags, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public Optional<ArchivedReading> lastGoodBefore(String site, String tag, Instant t) {
            return Optional.empty();
        }

        @Override
        public Optional<ArchivedReading> firstGoodFrom(String site, String tag, Instant t) {
            return Optional.empty();
        }

        @Override
        public boolean isNone() {
            return true;
        }
    };
}
