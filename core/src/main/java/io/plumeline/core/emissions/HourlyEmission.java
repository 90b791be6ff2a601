package io.plumeline.core.emissions;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The emissions of one gas from one source in one hour (docs/contracts.md §3, measurement {@code emissions}), or the
 * hour's {@link #CO2E} total.
 */
public record HourlyEmission(String site, String unit, String source, String gas, String method, Instant hourStart,
                             double massKg, double co2eKg, double availabilityPct, double substitutedMin,
                             String lineageId) {

    /**
     * The gas of the row that totals the hour: mass = CO2e = Σ CO2e of the greenhouse gases of the hour. Not a
     * {@link Gas}, since no method gives it and it has no GWP; a sum over gases must take either this row or
     * the greenhouse gases' rows, never both.
     */
    public static final String CO2E = "CO2e";

    /** Every value the {@code gas} tag of {@code emissions} holds: each {@link Gas}'s symbol, then {@link #CO2E}. */
    public static final List<String> GASES = Stream.concat(Arrays.stream(Gas.values()).map(Gas::symbol), Stream.of(CO2E))
            .toList();

    /** The UTC hour that starts a lineage id: {@code 2026112604} for 2026-11-26T04:00Z. */
    private static final DateTimeFormatter ID_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final Pattern ID = Pattern.compile("(\\d{10})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Same source, gas and hour give the same id, so a recomputed hour keeps its lineage id. The id starts with
     * the UTC hour ({@code 2026112604-<uuid>}) so that whoever holds only the id can look its record up in that
     * hour instead of scanning all time ({@link #hourOfLineageId}).
     */
    public static String lineageId(String site, String source, String gas, Instant hourStart) {
        String key = site + '|' + source + '|' + gas + '|' + hourStart;
        return ID_HOUR.format(hourStart) + '-' + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The hour start a lineage id names; empty when the text is no lineage id of this form. */
    public static Optional<Instant> hourOfLineageId(String lineageId) {
        if (lineageId == null) return Optional.empty();
        Matcher m = ID.matcher(lineageId);
        if (!m.matches()) return Optional.empty();
        String hour = m.group(1);
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(hour.substring(0, 4)), Integer.parseInt(hour.substring(4, 6)),
                    Integer.parseInt(hour.substring(6, 8)), Integer.parseInt(hour.substring(8, 10)), 0).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
