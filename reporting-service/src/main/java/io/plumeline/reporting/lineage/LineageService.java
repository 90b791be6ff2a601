package io.plumeline.reporting.lineage;

import static io.plumeline.reporting.api.QueryParameters.shorten;
import static io.plumeline.core.contracts.InfluxQl.identifiers;
import static io.plumeline.core.contracts.InfluxQl.identifier;
import static io.plumeline.core.contracts.InfluxQl.is;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.emissions.HourlyEmission;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.influx.InfluxClient;
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
 * lookup reads the points of that one hour only, whatever the time range stored. A source-hour's record is one
 * point (tags site, source) whose {@code lineage_ids} lists the ids of all the hour's gas rows; points written
 * before that are one per gas row (tags site, source, gas; field {@code lineage_id}) and are found as well.
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
        // a well-formed id is digits, hex and dashes: literal in a regex. All ids have one length, so one id cannot
        // match inside another.
        StringBuilder where = new StringBuilder("time = ").append(InfluxQl.time(hour))
                .append(" AND (").append(identifier(Keys.LINEAGE_IDS)).append(" =~ /").append(lineageId).append("/")
                .append(" OR ").append(is(Keys.LINEAGE_ID, lineageId)).append(")");
        if (site != null) where.append(" AND ").append(is(Keys.SITE, site.site().id()));
        String query = "SELECT " + identifiers(Keys.RECORD) + " FROM " + influx.measurement(Measurement.LINEAGE)
                + " WHERE " + where + " GROUP BY " + identifiers(Keys.SITE, Keys.SOURCE, Keys.GAS);
        Series found = null;
        for (Series series : influx.query(query)) {
            if (series.rows().isEmpty()) continue;
            // an hour stored one point per gas and computed again since has both layouts: the point without gas is newer
            if (found == null || isPerGas(found) && !isPerGas(series)) found = series;
        }
        if (found == null) {
            throw new LineageNotFoundException("no lineage record " + shorten(lineageId) + " in the hour " + hour
                    + (site == null ? "" : " of site '" + site.site().id() + "'"));
        }
        JsonNode record = json.readTree(found.rows().get(0).text(Keys.RECORD));
        return new LineageView(lineageId, found.tag(Keys.SITE), found.tag(Keys.SOURCE), gasOf(lineageId, record), hour,
                record, links(found.tag(Keys.SITE), hour, record));
    }

    private static boolean isPerGas(Series series) {
        String gas = series.tag(Keys.GAS);
        return gas != null && !gas.isEmpty();
    }

    /** The gas of the row the id names, from the record's {@code results}, which lists every row of the hour. */
    private static String gasOf(String lineageId, JsonNode record) {
        for (JsonNode row : record.get("results")) {
            if (lineageId.equals(row.get("lineageId").asString())) return row.get("gas").asString();
        }
        throw new LineageNotFoundException("the lineage record stored for " + shorten(lineageId)
                + " does not list it in its results");
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
