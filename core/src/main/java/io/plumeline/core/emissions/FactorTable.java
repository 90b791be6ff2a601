package io.plumeline.core.emissions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitOfMeasure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned table of default factors per fuel (heating values, emission factors, carbon contents), each
 * a quantity with its unit, with the table's provenance, so that every result can say which factors made
 * it. Tables are data files beside this class, not code.
 */
public record FactorTable(String id, String version, Provenance provenance, Map<String, Fuel> fuels) {

    /** Tables C-1 and C-2 of 40 CFR Part 98, Subpart C: HHV, CO2, CH4 and N2O per fuel. */
    public static final String EPA_PART98_C1_C2 = "epa-part98-table-c1-c2.yaml";
    /** 40 CFR Part 98, Subpart Y: flare EmF of Eqs. Y-2 to Y-5, coke burn-off EmF1-EmF3 of Y-9/Y-10, the Y-12 default. */
    public static final String EPA_PART98_Y = "epa-part98-subpart-y.yaml";
    /** IPCC 2006 defaults as taken over by Annex VI of Regulation (EU) 2018/2066: NCV and CO2 factor. */
    public static final String IPCC2006_MRR_ANNEX_VI = "ipcc-2006-mrr-annex-vi.yaml";
    /** Annex IV of Regulation (EU) 2018/2066: the Tier 1 emission factor of hydrogen production. */
    public static final String EU_MRR_ANNEX_IV = "eu-mrr-annex-iv.yaml";
    /** China's petrochemical enterprise guideline (2014): NCV, carbon content per energy, oxidation, flare and heat defaults. */
    public static final String CN_MEE_PETROCHEMICAL = "cn-mee-petrochemical-2014.yaml";
    /** China's national average electricity CO2 emission factors (MEE and NBS), one row per year. */
    public static final String CN_MEE_GRID_ELECTRICITY = "cn-mee-grid-electricity.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** One fuel's row: whether it is fossil (it picks the CH4 GWP of AR6) and its factors by name. */
    public record Fuel(boolean fossil, Map<String, Factor> factors) {
    }

    /**
     * A value in a unit; a note saying where in the regulation it stands (paragraph, equation) or how the text
     * writes it, and when it is pending confirmation against the regulation text.
     */
    public record Factor(double value, String uom, String note) {
    }

    /** A factor read from a table, with its source. */
    public record Tabulated(Quantity quantity, FactorSource source) {
    }

    public static FactorTable load(String resource) {
        FactorTable table;
        try (InputStream in = FactorTable.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no factor table '" + resource + "'");
            table = YAML.readValue(in, FactorTable.class);
        } catch (IOException e) {
            throw new UncheckedIOException("factor table '" + resource + "' is unreadable", e);
        }
        table.fuels.forEach((fuel, row) -> row.factors.forEach((name, factor) -> {
            if (UnitOfMeasure.find(factor.uom).isEmpty()) {
                throw new IllegalArgumentException("factor table '" + resource + "': fuels." + fuel + ".factors."
                        + name + ".uom: unknown unit '" + factor.uom + "'");
            }
        }));
        return table;
    }

    public Optional<Fuel> fuel(String name) {
        return Optional.ofNullable(name == null ? null : fuels.get(name));
    }

    public boolean has(String fuel, String factor) {
        return fuel(fuel).map(row -> row.factors.containsKey(factor)).orElse(false);
    }

    /** The factor {@code name} of {@code fuel}; refused, naming the table and what it has, when absent. */
    public Tabulated factor(String fuel, String name) {
        Fuel row = row(fuel);
        Factor factor = row.factors.get(name);
        if (factor == null) {
            throw new CalculationException("fuel", "factor table " + id + " " + version + " has no " + name
                    + " for '" + fuel + "'; it has " + row.factors.keySet());
        }
        return new Tabulated(Quantity.of(factor.value, factor.uom), new FactorSource(id, version, provenance, factor.note));
    }

    public boolean fossil(String fuel) {
        return row(fuel).fossil;
    }

    /** The emission factor of {@code gas} for {@code fuel} in kg/mmBtu (HHV basis, as in Part 98). */
    public double factorKgPerMmBtu(String fuel, String gas) {
        return factor(fuel, gas).quantity().in("kg/mmBtu");
    }

    private Fuel row(String fuel) {
        return fuel(fuel).orElseThrow(() -> new CalculationException("fuel", "factor table " + id + " " + version
                + " has no fuel '" + fuel + "'; it has " + fuels.keySet()));
    }
}
