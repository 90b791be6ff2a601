package io.plumeline.reporting.reports;

import static io.plumeline.reporting.support.Contract3Lines.accountedHour;
import static io.plumeline.reporting.support.Contract3Lines.hourlyEmission;

import io.plumeline.reporting.support.InfluxTestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Emissions and alerts of Dalian (Asia/Shanghai, AR5) written as the Flink job writes them: per heater hour a CO2,
 * CH4 and N2O point and their CO2e total, per boiler hour a CO2 point and its total. A month's expected totals are
 * added up here from the same numbers, under AR5 (CH4 28, N2O 265), independently of the service's roll-up.
 */
final class ReportFixture {

    static final String SITE = "dalian-refinery";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String HEATER = "heater-1.stack";
    static final String BOILER = "boiler-1.stack";
    static final double CH4_KG = 0.12;
    static final double N2O_KG = 0.024;
    static final double GWP_CH4 = 28;
    static final double GWP_N2O = 265;

    final String database;
    final List<String> lines = new ArrayList<>();
    double heaterCo2Kg;
    double boilerCo2Kg;
    int heaterHours;

    ReportFixture(String database) {
        this.database = database;
    }

    /** Midnight of the first day of {@code month} (yyyy-MM) in Dalian, as an instant. */
    static Instant monthStart(String month) {
        return LocalDate.parse(month + "-01").atStartOfDay(ZONE).toInstant();
    }

    /**
     * Heater hours from {@code first}, one hour apart, the second of them substituted and the third recomputed by
     * late readings, and a boiler hour beside each.
     */
    ReportFixture hours(Instant first, int count, double heaterBaseKg, double boilerKg) {
        for (int h = 0; h < count; h++) {
            Instant hour = first.plusSeconds(3600L * h);
            double co2 = heaterBaseKg + 10.5 * h;
            String tier = h == 1 ? "MEAN_BEFORE_AFTER" : null;
            double availability = h == 1 ? 75 : 100;
            double substitutedMin = h == 1 ? 15 : 0;
            int late = h == 2 ? 3 : 0;
            double total = co2 + CH4_KG * GWP_CH4 + N2O_KG * GWP_N2O;
            lines.add(accountedHour(SITE, "heater-1", HEATER, "CO2", hour, co2, co2, availability, substitutedMin, tier, late));
            lines.add(accountedHour(SITE, "heater-1", HEATER, "CH4", hour, CH4_KG, CH4_KG * GWP_CH4, availability,
                    substitutedMin, tier, late));
            lines.add(accountedHour(SITE, "heater-1", HEATER, "N2O", hour, N2O_KG, N2O_KG * GWP_N2O, availability,
                    substitutedMin, tier, late));
            lines.add(accountedHour(SITE, "heater-1", HEATER, "CO2e", hour, total, total, availability, substitutedMin,
                    tier, late));
            lines.add(hourlyEmission(SITE, "boiler-1", BOILER, "CO2", hour, boilerKg, boilerKg, 100, 0));
            lines.add(hourlyEmission(SITE, "boiler-1", BOILER, "CO2e", hour, boilerKg, boilerKg, 100, 0));
            heaterCo2Kg += co2;
            boilerCo2Kg += boilerKg;
            heaterHours++;
        }
        return this;
    }

    /** Alert points of the heater's fuel gas flow over its PT1H limit of 4000, one a minute from {@code first}. */
    ReportFixture alerts(Instant first, double... values) {
        for (int i = 0; i < values.length; i++) {
            long nanos = first.plusSeconds(60L * i).toEpochMilli() * 1_000_000L;
            lines.add("alerts,site=" + SITE + ",tag=heater-1.fuel_gas_flow,limit=PT1H:4000 value=" + values[i]
                    + ",max=4000.0 " + nanos);
        }
        return this;
    }

    ReportFixture write() {
        InfluxTestServer.write(database, lines);
        lines.clear();
        return this;
    }

    double heaterCo2eKg() {
        return heaterCo2Kg + heaterHours * (CH4_KG * GWP_CH4 + N2O_KG * GWP_N2O);
    }

    double totalCo2eKg() {
        return heaterCo2eKg() + boilerCo2Kg;
    }
}
