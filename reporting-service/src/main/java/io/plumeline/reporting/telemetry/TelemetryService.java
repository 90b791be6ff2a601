package io.plumeline.reporting.telemetry;

import static io.plumeline.reporting.api.QueryParameters.shorten;
import static io.plumeline.core.contracts.InfluxQl.identifiers;
import static io.plumeline.core.contracts.InfluxQl.identifier;
import static io.plumeline.core.contracts.InfluxQl.is;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.RecordRetention;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import io.plumeline.core.telemetry.Quality;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.influx.InfluxClient;
import io.plumeline.reporting.influx.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** A tag's readings from the {@code telemetry} measurement (contract 3), raw or as means per step. */
@Service
public class TelemetryService {

    /** Raw readings span at most a week: a 1 s tag gives 604,800 points in that time, already past the cap. */
    static final Duration MAX_RAW_RANGE = Duration.ofDays(7);
    static final Duration MAX_STEPPED_RANGE = Duration.ofDays(366);
    static final int MAX_POINTS = 100_000;

    private final InfluxClient influx;

    public TelemetryService(InfluxClient influx) {
        this.influx = influx;
    }

    public TelemetrySeries raw(SiteModel site, String tagId, TimeRange range) {
        Tag tag = tag(site, tagId);
        range.atMost(MAX_RAW_RANGE, "without step; give step (e.g. PT1M) for longer ranges");
        String where = where(site, tag, range);
        String query = "SELECT " + identifiers(Keys.VALUE, Keys.QUALITY) + " FROM " + telemetry(site, tag, where)
                + " WHERE " + where + " ORDER BY time ASC LIMIT " + (MAX_POINTS + 1);
        List<TelemetryPoint> points = new ArrayList<>();
        for (Series series : influx.query(query)) {
            for (Series.Row row : series.rows()) {
                Double value = row.number(Keys.VALUE);
                String quality = row.text(Keys.QUALITY);
                points.add(new TelemetryPoint(row.time(), value,
                        quality != null ? quality : value == null ? Quality.BAD.name() : Quality.GOOD.name()));
            }
        }
        if (points.size() > MAX_POINTS) {
            throw new BadParameterException("to", "tag '" + tag.id() + "' has more than " + MAX_POINTS
                    + " readings from " + range.from() + " to " + range.to() + "; narrow the range or give step");
        }
        return new TelemetrySeries(site.site().id(), tag.id(), tag.uom(), null, points);
    }

    /**
     * One point per step that holds readings: the mean of its values. Its quality is GOOD when every reading
     * in it was GOOD, BAD when none had a value, UNCERTAIN in between (the mean is then over fewer readings).
     */
    public TelemetrySeries stepped(SiteModel site, String tagId, TimeRange range, Duration step) {
        Tag tag = tag(site, tagId);
        range.atMost(MAX_STEPPED_RANGE, "with step");
        long steps = range.length().toSeconds() / step.toSeconds();
        if (steps > MAX_POINTS) {
            throw new BadParameterException("step", step + " gives " + steps + " points from " + range.from() + " to "
                    + range.to() + "; at most " + MAX_POINTS + ": give a longer step or a shorter range");
        }
        String groupBy = " GROUP BY time(" + InfluxQl.duration(step) + ") fill(none)";
        String where = where(site, tag, range);
        String telemetry = telemetry(site, tag, where);
        Map<Instant, Double> goodCounts = new HashMap<>();
        for (Series series : influx.query("SELECT count(" + identifier(Keys.QUALITY) + ") AS \"good\" FROM " + telemetry
                + " WHERE " + where + " AND " + is(Keys.QUALITY, Quality.GOOD.name()) + groupBy)) {
            series.rows().forEach(row -> goodCounts.put(row.time(), row.number("good")));
        }
        List<TelemetryPoint> points = new ArrayList<>();
        for (Series series : influx.query("SELECT mean(" + identifier(Keys.VALUE) + ") AS \"mean\","
                + " count(" + identifier(Keys.VALUE) + ") AS \"valued\","
                + " count(" + identifier(Keys.QUALITY) + ") AS \"readings\""
                + " FROM " + telemetry + " WHERE " + where + groupBy)) {
            for (Series.Row row : series.rows()) {
                double readings = orZero(row.number("readings"));
                double valued = orZero(row.number("valued"));
                double good = orZero(goodCounts.get(row.time()));
                Quality quality = valued == 0 ? Quality.BAD : good == readings ? Quality.GOOD : Quality.UNCERTAIN;
                points.add(new TelemetryPoint(row.time(), valued == 0 ? null : row.number("mean"), quality.name()));
            }
        }
        return new TelemetrySeries(site.site().id(), tag.id(), tag.uom(), step.toString(), points);
    }

    /**
     * Where the tag's readings in the range are: the copy kept for the record when the tag feeds a reportable source
     * and that copy has readings there (it reaches back the program's record period, docs/operations.md §5), else
     * the raw telemetry.
     */
    private String telemetry(SiteModel site, Tag tag, String where) {
        if (RecordRetention.recordTags(site).contains(tag.id())) {
            String record = influx.measurement(Measurement.TELEMETRY, Measurement.Retention.RECORD);
            if (!influx.query("SELECT count(" + identifier(Keys.QUALITY) + ") FROM " + record + " WHERE " + where).isEmpty()) {
                return record;
            }
        }
        return influx.measurement(Measurement.TELEMETRY);
    }

    private static Tag tag(SiteModel site, String tagId) {
        return site.tag(tagId).orElseThrow(() -> new BadParameterException("tag", "unknown tag '" + shorten(tagId)
                + "' in site '" + site.site().id() + "' (GET /api/v1/site lists its tags)"));
    }

    private static String where(SiteModel site, Tag tag, TimeRange range) {
        return is(Keys.SITE, site.site().id()) + " AND " + is(Keys.TAG, tag.id())
                + " AND time >= " + InfluxQl.time(range.from()) + " AND time < " + InfluxQl.time(range.to());
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
