package io.plumeline.core.chain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One hour of the production chain: what each product carries, what each stream carried, what each unit held
 * (its own sources' CO2e plus what its input streams brought) and what reached no product.
 * {@code sourcesCo2eKg} is the CO2e of every source of the hour; it equals products plus unallocated.
 */
public record ChainAllocation(Instant hourStart, List<ProductIntensity> products, Map<String, Double> streamCo2eKg,
                              Map<String, Double> unitCo2eKg, List<Unallocated> unallocated, double sourcesCo2eKg) {

    public ChainAllocation {
        products = List.copyOf(products);
        streamCo2eKg = Map.copyOf(streamCo2eKg);
        unitCo2eKg = Map.copyOf(unitCo2eKg);
        unallocated = List.copyOf(unallocated);
    }

    public double productsCo2eKg() {
        return products.stream().mapToDouble(ProductIntensity::co2eKg).sum();
    }

    public double unallocatedCo2eKg() {
        return unallocated.stream().mapToDouble(Unallocated::co2eKg).sum();
    }

    public Optional<ProductIntensity> product(String product) {
        return products.stream().filter(p -> p.product().equals(product)).findFirst();
    }
}
