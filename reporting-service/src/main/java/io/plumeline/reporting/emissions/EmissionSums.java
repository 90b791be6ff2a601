package io.plumeline.reporting.emissions;

import static io.plumeline.core.contracts.InfluxQl.identifiers;
import static io.plumeline.core.contracts.InfluxQl.identifier;

import io.plumeline.core.contracts.Keys;
import io.plumeline.reporting.influx.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored hours of one source, gas and method within a range, summed by InfluxDB rather than read one by one:
 * a year of a large site is millions of hours. {@code hours} counts the hours with a mass, {@code
 * availabilitySumPct} adds the availability of the {@code availabilityHours} that carried one and in which the source
 * operated (a shut-down hour's 100 % says its status was known, not that its monitors ran: Part 75's availability
 * counts operating hours only, §75.32), {@code nonOperatingHours} counts those shut-down hours, {@code
 * substitutedHours}, {@code backfillPendingHours} and {@code lateCorrectedHours} count the hours filled in under
 * 40 CFR 75.33, those awaiting a collector's backfill and those recomputed after late readings (0 when not asked for).
 */
public record EmissionSums(String source, String gas, String method, Double massKg, Double co2eKg,
                           Double substitutedMin, double availabilitySumPct, int availabilityHours, int hours,
                           int substitutedHours, int backfillPendingHours, int nonOperatingHours,
                           int lateCorrectedHours) {

    private static final String BY_SERIES = " GROUP BY " + identifiers(Keys.SOURCE, Keys.GAS, Keys.METHOD);
    private static final String COUNT_HOURS = "SELECT COUNT(" + identifier(Keys.MASS_KG) + ") AS \"n\"";

    /**
     * The statements that sum the hours of {@code fromWhere} ({@code FROM … WHERE …}, the range included), to be
     * sent in this order and read back by {@link #read}; the late-corrected hours only when {@code withLate}.
     */
    public static List<String> statements(String fromWhere, boolean withLate) {
        List<String> statements = new ArrayList<>(List.of(
                "SELECT SUM(" + identifier(Keys.MASS_KG) + ") AS \"mass\", SUM(" + identifier(Keys.CO2E_KG) + ") AS \"co2e\","
                        + " SUM(" + identifier(Keys.SUBSTITUTED_MIN) + ") AS " + identifier(Keys.SUBSTITUTED_MIN) + ","
                        + " SUM(" + identifier(Keys.AVAILABILITY_PCT) + ") AS \"availability\","
                        + " COUNT(" + identifier(Keys.AVAILABILITY_PCT) + ") AS \"availability_hours\","
                        + " COUNT(" + identifier(Keys.MASS_KG) + ") AS \"hours\"" + fromWhere + BY_SERIES,
                COUNT_HOURS + fromWhere + " AND " + identifier(Keys.SUBSTITUTED) + " = true" + BY_SERIES,
                COUNT_HOURS + fromWhere + " AND " + identifier(Keys.BACKFILL_PENDING) + " = true" + BY_SERIES,
                "SELECT SUM(" + identifier(Keys.AVAILABILITY_PCT) + ") AS \"availability\", COUNT("
                        + identifier(Keys.AVAILABILITY_PCT) + ") AS \"n\"" + fromWhere + " AND "
                        + identifier(Keys.OPERATING) + " = false" + BY_SERIES));
        if (withLate) statements.add(COUNT_HOURS + fromWhere + " AND " + identifier(Keys.LATE_COUNT) + " > 0" + BY_SERIES);
        return statements;
    }

    /** The sums from the answers to {@link #statements}, in their order; series without an hour are left out. */
    public static List<EmissionSums> read(List<List<Series>> answers) {
        Map<List<String>, Integer> substituted = counts(answers.get(1));
        Map<List<String>, Integer> pending = counts(answers.get(2));
        Map<List<String>, Integer> notOperating = counts(answers.get(3));
        Map<List<String>, Double> notOperatingAvailability = column(answers.get(3), "availability");
        Map<List<String>, Integer> late = answers.size() > 4 ? counts(answers.get(4)) : Map.of();
        List<EmissionSums> sums = new ArrayList<>();
        for (Series series : answers.get(0)) {
            if (series.rows().isEmpty()) continue;
            Series.Row row = series.rows().get(0);
            int hours = (int) orZero(row.number("hours"));
            if (hours == 0) continue;
            int shutDown = notOperating.getOrDefault(key(series), 0);
            sums.add(new EmissionSums(series.tag(Keys.SOURCE), series.tag(Keys.GAS), series.tag(Keys.METHOD),
                    row.number("mass"), row.number("co2e"), row.number(Keys.SUBSTITUTED_MIN),
                    orZero(row.number("availability")) - notOperatingAvailability.getOrDefault(key(series), 0.0),
                    (int) orZero(row.number("availability_hours")) - shutDown, hours,
                    substituted.getOrDefault(key(series), 0), pending.getOrDefault(key(series), 0), shutDown,
                    late.getOrDefault(key(series), 0)));
        }
        return sums;
    }

    /** The mean availability of the operating hours that carried one; null when none did. */
    public Double availabilityPct() {
        return availabilityHours == 0 ? null : availabilitySumPct / availabilityHours;
    }

    private static Map<List<String>, Integer> counts(List<Series> answer) {
        Map<List<String>, Integer> counts = new HashMap<>();
        column(answer, "n").forEach((key, n) -> counts.put(key, (int) (double) n));
        return counts;
    }

    /** One column of an answer per series (0 where null); series without a row are left out. */
    private static Map<List<String>, Double> column(List<Series> answer, String name) {
        Map<List<String>, Double> values = new HashMap<>();
        for (Series series : answer) {
            if (!series.rows().isEmpty()) values.put(key(series), orZero(series.rows().get(0).number(name)));
        }
        return values;
    }

    private static List<String> key(Series series) {
        return List.of(series.tag(Keys.SOURCE), series.tag(Keys.GAS), series.tag(Keys.METHOD));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
