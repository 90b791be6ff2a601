package io.plumeline.reporting.products;

import static io.plumeline.reporting.api.QueryParameters.shorten;
import static io.plumeline.core.contracts.InfluxQl.identifiers;
import static io.plumeline.core.contracts.InfluxQl.is;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.MaterialStream;
import io.plumeline.core.site.SiteModel;
import io.plumeline.reporting.api.BadParameterException;
import io.plumeline.reporting.api.TimeRange;
import io.plumeline.reporting.influx.InfluxClient;
import io.plumeline.reporting.influx.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/** Product carbon intensity per hour from the {@code product_intensity} measurement (contract 3). */
@Service
public class ProductIntensityService {

    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final InfluxClient influx;

    public ProductIntensityService(InfluxClient influx) {
        this.influx = influx;
    }

    public ProductIntensityReport intensity(SiteModel site, TimeRange range, String product) {
        range.atMost(MAX_RANGE, "for hourly product intensity");
        StringBuilder where = new StringBuilder(is(Keys.SITE, site.site().id()))
                .append(" AND time >= ").append(InfluxQl.time(range.from()))
                .append(" AND time < ").append(InfluxQl.time(range.to()));
        if (product != null) where.append(" AND ").append(is(Keys.PRODUCT, product(site, product)));
        String query = "SELECT " + identifiers(Keys.MASS_T, Keys.CO2E_KG, Keys.INTENSITY_KG_PER_T)
                + " FROM " + influx.measurement(Measurement.PRODUCT_INTENSITY)
                + " WHERE " + where + " GROUP BY " + identifiers(Keys.PRODUCT);
        List<ProductHour> rows = new ArrayList<>();
        for (Series series : influx.query(query)) {
            for (Series.Row row : series.rows()) {
                Double massT = row.number(Keys.MASS_T);
                // A recompute that took the mass to 0 leaves the earlier ratio on the point (InfluxDB merges fields).
                Double intensity = massT != null && massT > 0 ? row.number(Keys.INTENSITY_KG_PER_T) : null;
                rows.add(new ProductHour(series.tag(Keys.PRODUCT), row.time(), massT, row.number(Keys.CO2E_KG), intensity));
            }
        }
        rows.sort(Comparator.comparing(ProductHour::start).thenComparing(ProductHour::product));
        return new ProductIntensityReport(site.site().id(), range.from(), range.to(), rows);
    }

    /** A product the site model's streams name ({@code streams[].product}). */
    private static String product(SiteModel site, String product) {
        List<String> products = site.streams().stream().map(MaterialStream::product).filter(Objects::nonNull)
                .distinct().sorted().toList();
        if (!products.contains(product)) {
            throw new BadParameterException("product", "unknown product '" + shorten(product) + "' in site '"
                    + site.site().id() + "'; one of " + products);
        }
        return product;
    }
}
