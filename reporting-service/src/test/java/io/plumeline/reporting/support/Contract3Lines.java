package io.plumeline.reporting.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Line protocol for docs/contracts.md §3's measurements, written the way the Flink job writes them (doubles only). */
public final class Contract3Lines {

    /**
     * Midnight UTC two days ago. Raw readings go into the 90-day policy {@code raw}, which refuses points older
     * than its duration, so telemetry fixtures are dated from here rather than on a fixed day.
     */
    public static final Instant RECENT_DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.DAYS);

    public static final long BAD_SENSOR_FAILURE = 0x808B0000L;
    public static final long UNCERTAIN = 0x40000000L;

    private Contract3Lines() {
    }

    public static String goodReading(String site, String unit, String tag, Instant ts, double value) {
        return reading(site, unit, tag, ts, "value=" + value + ",status=0.0,quality=\"GOOD\"");
    }

    public static String uncertainReading(String site, String unit, String tag, Instant ts, double value) {
        return reading(site, unit, tag, ts, "value=" + value + ",status=" + (double) UNCERTAIN + ",quality=\"UNCERTAIN\"");
    }

    /** A BAD reading has no value field at all: the gap is stored, not a made-up number. */
    public static String badReading(String site, String unit, String tag, Instant ts) {
        return reading(site, unit, tag, ts, "status=" + (double) BAD_SENSOR_FAILURE + ",quality=\"BAD\"");
    }

    public static String hourlyEmission(String site, String unit, String source, String gas, Instant hour,
                                        double massKg, double co2eKg, double availabilityPct, double substitutedMin) {
        return hourlyEmission(site, unit, source, gas, "EPA_C2A", hour, massKg, co2eKg, availabilityPct, substitutedMin);
    }

    /** An hour without the accounting labels, as the job wrote it before it labelled substituted and late hours. */
    public static String hourlyEmission(String site, String unit, String source, String gas, String method, Instant hour,
                                        double massKg, double co2eKg, double availabilityPct, double substitutedMin) {
        return emission(site, unit, source, gas, method, hour, massKg, co2eKg, availabilityPct, substitutedMin, "");
    }

    /**
     * An hour as the job writes it now: also whether it was substituted, by which §75.33 tier ({@code null}
     * for none, stored as {@code none}), and how many readings came after its first result.
     */
    public static String accountedHour(String site, String unit, String source, String gas, Instant hour, double massKg,
                                       double co2eKg, double availabilityPct, double substitutedMin, String tier,
                                       int lateCount) {
        return emission(site, unit, source, gas, "EPA_C2A", hour, massKg, co2eKg, availabilityPct, substitutedMin,
                ",substituted=" + (tier != null) + ",substitution_tier=\"" + (tier == null ? "none" : tier) + "\""
                        + ",late_count=" + (double) lateCount);
    }

    /** An hour the source's status tag showed it shut down for, as the job writes it: zero, nothing substituted. */
    public static String nonOperatingHour(String site, String unit, String source, String gas, Instant hour) {
        return emission(site, unit, source, gas, "EPA_C2A", hour, 0, 0, 100, 0,
                ",substituted=false,substitution_tier=\"none\",late_count=0,operating=false");
    }

    /**
     * An hour a collector gap touched, as the job writes it: while its backfill is not done ({@code pending}: missing,
     * filled by the rule), and once it is (measured, from the stored telemetry the backfill brought).
     */
    public static String backfilledHour(String site, String unit, String source, String gas, Instant hour,
                                        double massKg, boolean pending) {
        return emission(site, unit, source, gas, "EPA_C2A", hour, massKg, massKg, pending ? 0 : 100, pending ? 60 : 0,
                ",substituted=" + pending + ",substitution_tier=\"" + (pending ? "EPA_PART98_MEAN_BEFORE_AFTER" : "none")
                        + "\",late_count=" + (pending ? 0.0 : 360.0) + ",backfill_pending=" + pending);
    }

    /** A PART75 source's hour substituted by §75.33's mean before and after, with its MODC, as the job writes it. */
    public static String part75Hour(String site, String unit, String source, String gas, Instant hour, double massKg) {
        return emission(site, unit, source, gas, "EPA_C2A", hour, massKg, massKg, 0, 60,
                ",substituted=true,substitution_tier=\"MEAN_BEFORE_AFTER\",late_count=0,modc=\"06\"");
    }

    private static String emission(String site, String unit, String source, String gas, String method, Instant hour,
                                   double massKg, double co2eKg, double availabilityPct, double substitutedMin,
                                   String accounting) {
        return "emissions,site=" + site + ",unit=" + unit + ",source=" + source + ",gas=" + gas + ",method=" + method
                + " mass_kg=" + massKg + ",co2e_kg=" + co2eKg + ",availability_pct=" + availabilityPct
                + ",substituted_min=" + substitutedMin + accounting + ",lineage_id=\"" + lineageId(site, source, gas, hour)
                + "\" " + nanos(hour);
    }

    /** A minute's live emission rate of a source and gas, as the job writes it to {@code raw}. */
    public static String emissionRate(String site, String unit, String source, String gas, Instant minute, double kgPerH) {
        return "emission_rate,site=" + site + ",unit=" + unit + ",source=" + source + ",gas=" + gas + " kg_per_h=" + kgPerH
                + " " + nanos(minute);
    }

    /** A limit exceedance at the end of a minute: the rolling average {@code value} above {@code max}. */
    public static String alert(String site, String tag, String limit, Instant at, double value, double max) {
        return "alerts,site=" + site + ",tag=" + tag + ",limit=" + limit + " value=" + value + ",max=" + max + " " + nanos(at);
    }

    /** A product's hour of the production chain; as the job writes it, no intensity when no mass left as the product. */
    public static String productIntensity(String site, String product, Instant hour, double massT, double co2eKg) {
        return "product_intensity,site=" + site + ",product=" + product + " mass_t=" + massT + ",co2e_kg=" + co2eKg
                + (massT > 0 ? ",intensity_kg_per_t=" + co2eKg / massT : "") + " " + nanos(hour);
    }

    /** The id the Flink job gives the point (core's one definition of it). */
    public static String lineageId(String site, String source, String gas, Instant hour) {
        return io.plumeline.core.emissions.HourlyEmission.lineageId(site, source, gas, hour.truncatedTo(ChronoUnit.HOURS));
    }

    private static String reading(String site, String unit, String tag, Instant ts, String fields) {
        return "telemetry,site=" + site + ",unit=" + unit + ",tag=" + tag + " " + fields + " " + nanos(ts);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
