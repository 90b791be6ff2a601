package io.plumeline.core.emissions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumeline.core.units.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned table of fuel defaults (HHV) and emission factors (kg per mmBtu, HHV basis) with its
 * provenance, so that every result can say which factors made it. Tables are data files, not code.
 */
public record FactorTable(String id, String version, Map<String, String> provenance, Map<String, Fuel> fuels) {

    /** Table C-1 and C-2 of 40 CFR Part 98, Subpart C. */
    public static final String EPA_PART98_C1_C2 = "epa-part98-table-c1-c2.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One fuel's default heating value and its emission factor per gas, in kg/mmBtu. */
    public record Fuel(HeatingValue hhv, Map<String, Double> factors) {
    }

    public record HeatingValue(double value, String uom) {
        public Quantity quantity() {
            return Quantity.of(value, uom);
        }
    }

    public static FactorTable load(String resource) {
        try (InputStream in = FactorTable.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no factor table '" + resource + "'");
            return YAML.readValue(in, FactorTable.class);
        } catch (IOException e) {
            throw new UncheckedIOException("factor table '" + resource + "' is unreadable", e);
        }
    }

    public Optional<Fuel> fuel(String name) {
        return Optional.ofNullable(fuels.get(name));
    }

    /** The emission factor of {@code gas} for {@code fuel} in kg/mmBtu; refused when the table has none. */
    public double factorKgPerMmBtu(String fuel, String gas) {
        Fuel row = fuel(fuel).orElseThrow(() -> new IllegalArgumentException(
                "factor table " + id + " " + version + " has no fuel '" + fuel + "'; it has " + fuels.keySet()));
        Double factor = row.factors().get(gas);
        if (factor == null) {
            throw new IllegalArgumentException("factor table " + id + " has no " + gas + " factor for '" + fuel + "'");
        }
        return factor;
    }
}
