package io.plumeline.core.emissions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A set of 100-year global warming potentials (SAR, AR4, AR5, AR6) from the versioned data file
 * {@code gwp-sets.yaml}. A report names its set; it is never a constant in code. CO2e = Σ GWP × mass.
 */
public record GwpSet(String id, String version, Provenance provenance, Map<String, Double> values) {

    private static final String RESOURCE = "gwp-sets.yaml";
    private static final File FILE = load();

    record File(String version, Map<String, Entry> sets, Map<String, List<Rule>> defaults) {
    }

    record Entry(Provenance provenance, Map<String, Double> values) {
    }

    /** From reporting year {@code from} on, {@code program} uses {@code set}. */
    record Rule(int from, String set, String note) {
    }

    /** The set named {@code id}; an unknown name is refused with the known ones. */
    public static GwpSet of(String id) {
        Entry entry = id == null ? null : FILE.sets.get(id);
        if (entry == null) {
            throw new CalculationException("gwp", "unknown GWP set '" + id + "'; known sets: " + FILE.sets.keySet());
        }
        return new GwpSet(id, FILE.version, entry.provenance, entry.values);
    }

    /**
     * The set a program uses for a reporting year: EPA_PART98 by 40 CFR 98 Table A-1 (SAR RY2010-2012, AR4
     * RY2013-2023, AR5 from RY2024); EU_ETS AR4 from 2013 (Reg. (EU) 206/2014), AR5 from 2021 (Reg. (EU) 2018/2066
     * Annex VI s.3); CN_MEE SAR (the 2013-2015 guidelines). The notes in the data file give each text.
     */
    public static GwpSet defaultFor(String program, int reportingYear) {
        List<Rule> rules = FILE.defaults.get(program);
        if (rules == null) {
            throw new IllegalArgumentException("no GWP default for program '" + program + "'; programs: "
                    + FILE.defaults.keySet());
        }
        Rule chosen = null;
        for (Rule rule : rules) {
            if (rule.from <= reportingYear && (chosen == null || rule.from > chosen.from)) chosen = rule;
        }
        if (chosen == null) {
            throw new IllegalArgumentException("no GWP default for " + program + " in reporting year " + reportingYear
                    + "; the earliest is " + rules.stream().mapToInt(Rule::from).min().orElseThrow());
        }
        return of(chosen.set);
    }

    /**
     * The set a report of {@code reportingYear} is in: the program's own ({@link #defaultFor}); {@code siteGwp}, the
     * site's own choice, only where the program has no rule for the year (a year before its first, a voluntary
     * program).
     */
    public static GwpSet forReport(String program, int reportingYear, String siteGwp) {
        List<Rule> rules = FILE.defaults.get(program);
        boolean ruled = rules != null && rules.stream().anyMatch(rule -> rule.from <= reportingYear);
        return ruled ? defaultFor(program, reportingYear) : of(siteGwp);
    }

    /** The GWP of {@code gas}; for CH4 the non-fossil value where the set distinguishes it (AR6). */
    public double of(Gas gas, boolean fossil) {
        if (!gas.greenhouse()) throw new IllegalArgumentException(gas + " is not a greenhouse gas");
        if (gas == Gas.CH4 && !fossil && values.containsKey("CH4_non_fossil")) return values.get("CH4_non_fossil");
        return values.get(gas.symbol());
    }

    public FactorSource source() {
        return new FactorSource("GWP_" + id, version, provenance, null);
    }

    private static File load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = GwpSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("GWP sets '" + RESOURCE + "' are missing from the classpath");
            return yaml.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("GWP sets '" + RESOURCE + "' are unreadable", e);
        }
    }
}
