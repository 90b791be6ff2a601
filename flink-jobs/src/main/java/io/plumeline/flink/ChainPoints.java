package io.plumeline.flink;

import io.plumeline.core.chain.ChainAllocation;
import io.plumeline.core.chain.ProductIntensity;
import io.plumeline.core.chain.Unallocated;
import io.plumeline.core.chain.UnitBalance;
import io.plumeline.core.site.PlantUnit;
import io.plumeline.core.site.SiteModel;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.LinePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One hour of the production chain as points at the hour start, kept forever (docs/production-chain.md):
 * {@code product_intensity} per product (contract 3; no intensity field when no mass left as the product),
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
            points.add(InfluxPoint.forever(LinePoint.measurement("product_intensity")
                    .tag("site", site).tag("product", p.product())
                    .field("mass_t", p.massT())
                    .field("co2e_kg", p.co2eKg())
                    .field("intensity_kg_per_t", p.massT() > 0 && Double.isFinite(p.intensityKgPerT()) ? p.intensityKgPerT() : null)
                    .timestamp(start).toLine()));
        }
        for (UnitBalance b : balances) {
            points.add(InfluxPoint.forever(LinePoint.measurement("material_balance")
                    .tag("site", site).tag("unit", b.unit())
                    .field("mass_in_t", b.massInT())
                    .field("mass_out_t", b.massOutT())
                    .field("imbalance_t", b.imbalanceT())
                    .field("imbalance_relative", b.imbalanceRelative())
                    .field("flagged", b.flagged())
                    .timestamp(start).toLine()));
        }
        for (PlantUnit unit : model.units()) {
            List<Unallocated> stopped = hour.unallocated().stream().filter(u -> u.unit().equals(unit.id())).toList();
            points.add(InfluxPoint.forever(LinePoint.measurement("chain_unallocated")
                    .tag("site", site).tag("unit", unit.id())
                    .field("co2e_kg", stopped.stream().mapToDouble(Unallocated::co2eKg).sum())
                    .field("reason", stopped.isEmpty() ? NO_REASON : stopped.get(0).reason().name())
                    .timestamp(start).toLine()));
        }
        points.add(InfluxPoint.forever(LinePoint.measurement("chain_hour")
                .tag("site", site)
                .field("sources_co2e_kg", hour.sourcesCo2eKg())
                .field("products_co2e_kg", hour.productsCo2eKg())
                .field("unallocated_co2e_kg", hour.unallocatedCo2eKg())
                .field("imbalance_flags", (double) balances.stream().filter(UnitBalance::flagged).count())
                .timestamp(start).toLine()));
        return points;
    }
}
