package io.plumeline.reporting.live;

import static io.plumeline.reporting.api.QueryParameters.shorten;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.QueryParameters;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.site.SiteCatalog;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The engineers' live view: {@code /api/v1/live/tags}, {@code /rates}, {@code /alerts}. */
@RestController
@RequestMapping("/api/v1/live")
public class LiveController {

    static final int DEFAULT_ALERTS = 100;
    static final int MAX_ALERTS = 1000;
    static final Duration MAX_ALERT_RANGE = Duration.ofDays(366);

    private final SiteCatalog sites;
    private final LiveService live;

    public LiveController(SiteCatalog sites, LiveService live) {
        this.sites = sites;
        this.live = live;
    }

    @GetMapping("/tags")
    public LiveTags tags(@RequestParam(required = false) String site, @RequestParam(required = false) String unit) {
        SiteModel model = sites.resolve(site);
        return live.tags(model, unit == null ? null : unit(model, unit));
    }

    @GetMapping("/rates")
    public LiveRates rates(@RequestParam(required = false) String site, @RequestParam(required = false) String unit,
                           @RequestParam(required = false) String source) {
        SiteModel model = sites.resolve(site);
        String unitId = unit == null ? null : unit(model, unit);
        if (source != null && model.source(source).isEmpty()) {
            throw new BadParameterException("source", "unknown source '" + shorten(source) + "' in site '"
                    + model.site().id() + "'; one of " + model.sources().stream().map(s -> s.id()).toList());
        }
        return live.rates(model, unitId, source);
    }

    @GetMapping("/alerts")
    public LiveAlerts alerts(@RequestParam(required = false) String site, @RequestParam(required = false) String unit,
                             @RequestParam(required = false) String tag, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String limit) {
        SiteModel model = sites.resolve(site);
        List<String> tags = null;
        if (unit != null) {
            String unitId = unit(model, unit);
            tags = model.tags().stream().filter(t -> t.unit().equals(unitId)).map(Tag::id).toList();
        }
        if (tag != null) {
            Tag known = model.tag(tag).orElseThrow(() -> new BadParameterException("tag", "unknown tag '" + shorten(tag)
                    + "' in site '" + model.site().id() + "' (GET /api/v1/site lists its tags)"));
            tags = tags == null || tags.contains(known.id()) ? List.of(known.id()) : List.of();
        }
        TimeRange range = null;
        if (from != null || to != null) {
            range = QueryParameters.range(from, to).atMost(MAX_ALERT_RANGE, "for alerts");
        }
        return live.alerts(model, tags, range, QueryParameters.limit(limit, DEFAULT_ALERTS, MAX_ALERTS));
    }

    private static String unit(SiteModel model, String unit) {
        return model.unit(unit).orElseThrow(() -> new BadParameterException("unit", "unknown unit '" + shorten(unit)
                + "' in site '" + model.site().id() + "'; one of " + model.units().stream().map(u -> u.id()).toList()))
                .id();
    }
}
