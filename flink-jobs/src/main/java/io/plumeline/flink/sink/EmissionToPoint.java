package io.plumeline.flink.sink;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.flink.accounting.SourceHourResult;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * An hourly result as a point of measurement {@code emissions} at its hour start (docs/contracts.md §3), kept forever.
 * Every field is written every time, so that a recomputed hour overwrites all of the earlier point:
 * {@code substituted} and {@code substitution_tier} (the §75.33 tier or the program's rules that filled the gaps,
 * {@code none}) label substituted hours,
 * {@code late_count} says how many readings came after the hour's first result, {@code revision} whether the stream
 * computed the hour ({@code stream}) or it was computed again from the stored telemetry ({@code archive}),
 * {@code operating} false for an hour the source's status tag showed it shut down for (zero, nothing substituted),
 * {@code backfill_pending} true while a collector gap's backfill of the hour is not done, {@code modc} the 40 CFR 75.57
 * method of determination code of a PART75 source's hour (absent for the others).
 */
public class EmissionToPoint implements MapFunction<SourceHourResult, InfluxPoint> {

    static final String NO_TIER = "none";

    @Override
    public InfluxPoint map(SourceHourResult result) {
        HourlyEmission e = result.emission();
        return LinePoint.of(Measurement.EMISSIONS)
                .tag(Keys.SITE, e.site())
                .tag(Keys.UNIT, e.unit())
                .tag(Keys.SOURCE, e.source())
                .tag(Keys.GAS, e.gas())
                .tag(Keys.METHOD, e.method())
                .field(Keys.MASS_KG, e.massKg())
                .field(Keys.CO2E_KG, e.co2eKg())
                .field(Keys.AVAILABILITY_PCT, e.availabilityPct())
                .field(Keys.SUBSTITUTED_MIN, e.substitutedMin())
                .field(Keys.SUBSTITUTED, result.substituted())
                .field(Keys.SUBSTITUTION_TIER, result.substituted() ? result.substitution() : NO_TIER)
                .field(Keys.LATE_COUNT, (double) result.lateCount())
                .field(Keys.REVISION, result.fromArchive() ? "archive" : "stream")
                .field(Keys.OPERATING, result.operating())
                .field(Keys.BACKFILL_PENDING, result.backfillPending())
                .field(Keys.MODC, result.modc())
                .field(Keys.LINEAGE_ID, e.lineageId())
                .timestamp(e.hourStart())
                .toPoint();
    }
}
