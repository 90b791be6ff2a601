package io.plumeline.reporting.live;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.influx.InfluxClient;
import io.plumeline.reporting.influx.InfluxQl;
import io.plumeline.reporting.influx.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the plant is doing now, for the engineers' live view: each tag's latest reading, each source's latest
 * emission rate, recent alerts. Every query is bounded by the site model (one series per tag, per source and
 * gas) or by a LIMIT, and every value in it is an id of the site model, written as an escaped literal.
 */
@Service
public class LiveService {

    private final InfluxClient influx;

    public LiveService(InfluxClient influx) {
        this.influx = influx;
    }

    /** The latest reading of each tag of {@code unit} (null: all tags), whatever its quality. */
    public LiveTags tags(SiteModel site, String unit) {
        List<Tag> tags = site.tags().stream().filter(t -> unit == null || t.unit().equals(unit)).toList();
        Map<String, Series.Row> latest = new HashMap<>();
        String query = "SELECT \"value\", \"quality\" FROM " + influx.rawMeasurement("telemetry") + " WHERE "
                + siteIs(site) + (unit == null ? "" : " AND \"unit\" = " + InfluxQl.string(unit))
                + " GROUP BY \"tag\" ORDER BY time DESC LIMIT 1";
        for (Series series : influx.query(query)) {
            series.rows().stream().findFirst().ifPresent(row -> latest.put(series.tag("tag"), row));
        }
        List<TagNow> now = new ArrayList<>();
        for (Tag tag : tags) {
            Series.Row row = latest.get(tag.id());
            now.add(row == null ? new TagNow(tag.id(), tag.unit(), tag.uom(), null, null, null)
                    : new TagNow(tag.id(), tag.unit(), tag.uom(), row.time(), row.number("value"), quality(row)));
        }
        return new LiveTags(site.site().id(), unit, now);
    }

    /** The latest rate of each source and gas, of one source, one unit, or all. */
    public LiveRates rates(SiteModel site, String unit, String source) {
        String query = "SELECT \"kg_per_h\" FROM " + influx.rawMeasurement("emission_rate") + " WHERE " + siteIs(site)
                + (unit == null ? "" : " AND \"unit\" = " + InfluxQl.string(unit))
                + (source == null ? "" : " AND \"source\" = " + InfluxQl.string(source))
                + " GROUP BY \"source\", \"gas\" ORDER BY time DESC LIMIT 1";
        List<RateNow> rates = new ArrayList<>();
        for (Series series : influx.query(query)) {
            Optional<EmissionSource> known = site.source(series.tag("source"));
            for (Series.Row row : series.rows().stream().limit(1).toList()) {
                Double rate = row.number("kg_per_h");
                if (known.isPresent() && rate != null) {
                    rates.add(new RateNow(known.get().id(), known.get().unit(), series.tag("gas"), row.time(), rate));
                }
            }
        }
        List<String> sourceOrder = site.sources().stream().map(EmissionSource::id).toList();
        rates.sort(Comparator.comparingInt((RateNow r) -> sourceOrder.indexOf(r.source()))
                .thenComparingInt(r -> gasOrder(r.gas())));
        return new LiveRates(site.site().id(), rates);
    }

    /** The newest {@code limit} alerts of the given tags (null: all), within {@code range} when one is given. */
    public LiveAlerts alerts(SiteModel site, List<String> tags, TimeRange range, int limit) {
        if (tags != null && tags.isEmpty()) {
            return new LiveAlerts(site.site().id(), List.of());
        }
        String tagFilter = tags == null ? "" : " AND (" + tags.stream().map(t -> "\"tag\" = " + InfluxQl.string(t))
                .collect(Collectors.joining(" OR ")) + ")";
        String timeFilter = range == null ? ""
                : " AND time >= " + InfluxQl.time(range.from()) + " AND time < " + InfluxQl.time(range.to());
        String query = "SELECT \"value\", \"max\", \"tag\", \"limit\" FROM " + influx.resultMeasurement("alerts")
                + " WHERE " + siteIs(site) + tagFilter + timeFilter + " ORDER BY time DESC LIMIT " + limit;
        List<Alert> alerts = new ArrayList<>();
        for (Series series : influx.query(query)) {
            for (Series.Row row : series.rows()) {
                String tag = row.text("tag");
                alerts.add(new Alert(row.time(), tag, site.tag(tag).map(Tag::unit).orElse(null), row.text("limit"),
                        row.number("value"), row.number("max")));
            }
        }
        return new LiveAlerts(site.site().id(), alerts);
    }

    private static String siteIs(SiteModel site) {
        return "\"site\" = " + InfluxQl.string(site.site().id());
    }

    /** Points written before the job stored a quality have a value when they were GOOD. */
    private static String quality(Series.Row row) {
        String quality = row.text("quality");
        return quality != null ? quality : row.number("value") == null ? "BAD" : "GOOD";
    }

    private static int gasOrder(String gas) {
        int index = HourlyEmission.GASES.indexOf(gas);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
