package io.plumeline.reporting.emissions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums hourly emissions into days or months of the site's calendar. Done here rather than with InfluxQL's
 * GROUP BY time(), which has no months and cuts days in UTC. Masses, substituted minutes and substituted
 * hours add up; availability is the mean over the hours present, each hour weighing the same. Sums stay
 * within one source and gas: the CO2e total is a gas of its own and never adds to the gases it totals.
 */
final class EmissionsAggregator {

    private EmissionsAggregator() {
    }

    static List<EmissionRow> aggregate(List<EmissionRow> hourly, ReportInterval interval, ZoneId zone) {
        if (interval == ReportInterval.PT1H) {
            return hourly.stream().sorted(ORDER).toList();
        }
        Map<Key, Sum> sums = new LinkedHashMap<>();
        for (EmissionRow hour : hourly) {
            Key key = new Key(hour.source(), hour.gas(), hour.method(), interval.periodStart(hour.start(), zone));
            sums.computeIfAbsent(key, k -> new Sum()).add(hour);
        }
        List<EmissionRow> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(sum.row(key)));
        rows.sort(ORDER);
        return rows;
    }

    static final Comparator<EmissionRow> ORDER = Comparator.comparing(EmissionRow::source)
            .thenComparing(EmissionRow::gas).thenComparing(EmissionRow::start)
            .thenComparing(EmissionRow::method, Comparator.nullsFirst(Comparator.naturalOrder()));

    private record Key(String source, String gas, String method, Instant start) {
    }

    private static final class Sum {
        private Double massKg;
        private Double co2eKg;
        private Double substitutedMin;
        private double availabilitySum;
        private int availabilityHours;
        private int substitutedHours;
        private int hours;

        void add(EmissionRow hour) {
            massKg = plus(massKg, hour.massKg());
            co2eKg = plus(co2eKg, hour.co2eKg());
            substitutedMin = plus(substitutedMin, hour.substitutedMin());
            if (hour.availabilityPct() != null) {
                availabilitySum += hour.availabilityPct();
                availabilityHours++;
            }
            if (Boolean.TRUE.equals(hour.substituted())) substitutedHours++;
            hours += hour.hours();
        }

        EmissionRow row(Key key) {
            Double availability = availabilityHours == 0 ? null : availabilitySum / availabilityHours;
            return EmissionRow.period(key.source(), key.gas(), key.start(), massKg, co2eKg, availability, substitutedMin,
                    substitutedHours, key.method(), hours);
        }

        private static Double plus(Double total, Double value) {
            return value == null ? total : total == null ? value : total + value;
        }
    }
}
