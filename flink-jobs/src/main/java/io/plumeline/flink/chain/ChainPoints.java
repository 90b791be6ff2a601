package io.plumeline.flink.chain;

import io.plumeline.core.chain.ChainAllocation;
import io.plumeline.core.chain.ProductIntensity;
import io.plumeline.core.chain.Unallocated;
import io.plumeline.core.chain.UnitBalance;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.PlantUnit;
import io.plumeline.core.site.SiteModel;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One hour of the production chain as points at the hour start, kept forever (docs/production-chain.md):
 * {@code product_intensity} per product (docs/contracts.md §3; no intensity field when no mass left as the product),
 * {@code material_balance} per unit with a balance, {@code chain_unallocated} per unit of the site (0 and reason
 * {@code NONE} when all of it reached products, so that a recomputed hour overwrites every unit) and
 * {@code chain_hour}, the hour's conservation: sources = products + unallocated.
 */
final class ChainPoints {

    static final String NO_REASON = "NONE";

    private ChainPoints() {
    }

    static List<InfluxPoint> of(SiteModel model, ChainAllocation hour, List<UnitBalance> balances) {
        String site = model.site().id();
        Instant start = hour.hourStart();
        List<InfluxPoint> points = new ArrayList<>();
        for (ProductIntensity p : hour.products()) {
            points.add(LinePoint.of(Measurement.PRODUCT_INTENSITY)
                    .tag(Keys.SITE, site).tag(Keys.PRODUCT, p.product())
                    .field(Keys.MASS_T, p.massT())
                    .field(Keys.CO2E_KG, p.co2eKg())
                    .field(Keys.INTENSITY_KG_PER_T, p.massT() > 0 && Double.isFinite(p.intensityKgPerT()) ? p.intensityKgPerT() : null)
                    .timestamp(start).toPoint());
        }
        for (UnitBalance b : balances) {
            points.add(LinePoint.of(Measurement.MATERIAL_BALANCE)
                    .tag(Keys.SITE, site).tag(Keys.UNIT, b.unit())
                    .field(Keys.MASS_IN_T, b.massInT())
                    .field(Keys.MASS_OUT_T, b.massOutT())
                    .field(Keys.IMBALANCE_T, b.imbalanceT())
                    .field(Keys.IMBALANCE_RELATIVE, b.imbalanceRelative())
                    .field(Keys.FLAGGED, b.flagged())
                    .timestamp(start).toPoint());
        }
        for (PlantUnit unit : model.units()) {
            List<Unallocated> stopped = hour.unallocated().stream().filter(u -> u.unit().equals(unit.id())).toList();
            points.add(LinePoint.of(Measurement.CHAIN_UNALLOCATED)
                    .tag(Keys.SITE, site).tag(Keys.UNIT, unit.id())
                    .field(Keys.CO2E_KG, stopped.stream().mapToDouble(Unallocated::co2eKg).sum())
                    .field(Keys.REASON, stopped.isEmpty() ? NO_REASON : stopped.get(0).reason().name())
                    .timestamp(start).toPoint());
        }
        points.add(LinePoint.of(Measurement.CHAIN_HOUR)
                .tag(Keys.SITE, site)
                .field(Keys.SOURCES_CO2E_KG, hour.sourcesCo2eKg())
                .field(Keys.PRODUCTS_CO2E_KG, hour.productsCo2eKg())
                .field(Keys.UNALLOCATED_CO2E_KG, hour.unallocatedCo2eKg())
                .field(Keys.IMBALANCE_FLAGS, (double) balances.stream().filter(UnitBalance::flagged).count())
                .timestamp(start).toPoint());
        return points;
    }
}
