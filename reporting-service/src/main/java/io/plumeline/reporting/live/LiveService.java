package io.plumeline.reporting.live;

import static io.plumeline.core.contracts.InfluxQl.identifiers;
import static io.plumeline.core.contracts.InfluxQl.is;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.influx.InfluxClient;
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
        String query = "SELECT " + identifiers(Keys.VALUE, Keys.QUALITY)
                + " FROM " + influx.measurement(Measurement.TELEMETRY)
                + " WHERE " + siteIs(site) + (unit == null ? "" : " AND " + is(Keys.UNIT, unit))
                + " GROUP BY " + identifiers(Keys.TAG) + " ORDER BY time DESC LIMIT 1";
        for (Series series : influx.query(query)) {
            series.rows().stream().findFirst().ifPresent(row -> latest.put(series.tag(Keys.TAG), row));
        }
        List<TagNow> now = new ArrayList<>();
        for (Tag tag : tags) {
            Series.Row row = latest.get(tag.id());
            now.add(row == null ? new TagNow(tag.id(), tag.unit(), tag.uom(), null, null, null)
                    : new TagNow(tag.id(), tag.unit(), tag.uom(), row.time(), row.number(Keys.VALUE), quality(row)));
        }
        return new LiveTags(site.site().id(), unit, now);
    }

    /** The latest rate of each source and gas, of one source, one unit, or all. */
    public LiveRates rates(SiteModel site, String unit, String source) {
        String query = "SELECT " + identifiers(Keys.KG_PER_H)
                + " FROM " + influx.measurement(Measurement.EMISSION_RATE)
                + " WHERE " + siteIs(site)
                + (unit == null ? "" : " AND " + is(Keys.UNIT, unit))
                + (source == null ? "" : " AND " + is(Keys.SOURCE, source))
                + " GROUP BY " + identifiers(Keys.SOURCE, Keys.GAS) + " ORDER BY time DESC LIMIT 1";
        List<RateNow> rates = new ArrayList<>();
        for (Series series : influx.query(query)) {
            Optional<EmissionSource> known = site.source(series.tag(Keys.SOURCE));
            for (Series.Row row : series.rows().stream().limit(1).toList()) {
                Double rate = row.number(Keys.KG_PER_H);
                if (known.isPresent() && rate != null) {
                    rates.add(new RateNow(known.get().id(), known.get().unit(), series.tag(Keys.GAS), row.time(), rate));
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
        String tagFilter = tags == null ? "" : " AND (" + tags.stream().map(t -> is(Keys.TAG, t))
                .collect(Collectors.joining(" OR ")) + ")";
        String timeFilter = range == null ? ""
                : " AND time >= " + InfluxQl.time(range.from()) + " AND time < " + InfluxQl.time(range.to());
        String query = "SELECT " + identifiers(Keys.VALUE, Keys.MAX, Keys.TAG, Keys.LIMIT)
                + " FROM " + influx.measurement(Measurement.ALERTS)
                + " WHERE " + siteIs(site) + tagFilter + timeFilter + " ORDER BY time DESC LIMIT " + limit;
        List<Alert> alerts = new ArrayList<>();
        for (Series series : influx.query(query)) {
            for (Series.Row row : series.rows()) {
                String tag = row.text(Keys.TAG);
                alerts.add(new Alert(row.time(), tag, site.tag(tag).map(Tag::unit).orElse(null), row.text(Keys.LIMIT),
                        row.number(Keys.VALUE), row.number(Keys.MAX)));
            }
        }
        return new LiveAlerts(site.site().id(), alerts);
    }

    private static String siteIs(SiteModel site) {
        return is(Keys.SITE, site.site().id());
    }

    /** Points written before the job stored a quality have a value when they were GOOD. */
    private static String quality(Series.Row row) {
        String quality = row.text(Keys.QUALITY);
        return quality != null ? quality : row.number(Keys.VALUE) == null ? "BAD" : "GOOD";
    }

    private static int gasOrder(String gas) {
        int index = HourlyEmission.GASES.indexOf(gas);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
