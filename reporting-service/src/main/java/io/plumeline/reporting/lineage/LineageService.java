package io.plumeline.reporting.lineage;

import static io.plumeline.reporting.api.QueryParameters.shorten;

import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.influx.InfluxClient;
import io.plumeline.reporting.influx.InfluxQl;
import io.plumeline.reporting.influx.Series;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lineage records from measurement {@code lineage} (docs/lineage.md). The id starts with its UTC hour, so the
 * lookup reads the points of that one hour only, whatever the time range stored.
 */
@Service
public class LineageService {

    private final InfluxClient influx;
    private final JsonMapper json;

    public LineageService(InfluxClient influx, JsonMapper json) {
        this.influx = influx;
        this.json = json;
    }

    /** {@code site}: the site the caller means, or null for any site this database holds (the id names one). */
    public LineageView lineage(String lineageId, SiteModel site) {
        Instant hour = HourlyEmission.hourOfLineageId(lineageId).orElseThrow(() -> new BadParameterException("lineageId",
                "'" + shorten(lineageId) + "' is not a lineage id such as 2026112604-9f1c…, the UTC hour then a UUID"));
        StringBuilder where = new StringBuilder("time = ").append(InfluxQl.time(hour))
                .append(" AND \"lineage_id\" = ").append(InfluxQl.string(lineageId));
        if (site != null) where.append(" AND \"site\" = ").append(InfluxQl.string(site.site().id()));
        String query = "SELECT \"record\" FROM " + influx.resultMeasurement("lineage") + " WHERE " + where
                + " GROUP BY \"site\", \"source\", \"gas\"";
        for (Series series : influx.query(query)) {
            for (Series.Row row : series.rows()) {
                JsonNode record = json.readTree(row.text("record"));
                return new LineageView(lineageId, series.tag("site"), series.tag("source"), series.tag("gas"), hour, record,
                        links(series.tag("site"), hour, record));
            }
        }
        throw new LineageNotFoundException("no lineage record " + shorten(lineageId) + " in the hour " + hour
                + (site == null ? "" : " of site '" + site.site().id() + "'"));
    }

    private static List<ReadingsLink> links(String site, Instant hour, JsonNode record) {
        Duration maxHold = Duration.parse(record.get("maxHold").asString());
        List<ReadingsLink> links = new ArrayList<>();
        for (JsonNode input : record.get("inputs")) {
            JsonNode tag = input.get("tag");
            if (tag == null || tag.isNull()) continue;
            String href = "/api/v1/telemetry?site=" + encode(site) + "&tag=" + encode(tag.asString())
                    + "&from=" + hour.minus(maxHold) + "&to=" + hour.plus(Duration.ofHours(1));
            links.add(new ReadingsLink(input.get("input").asString(), tag.asString(), href));
        }
        return links;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
